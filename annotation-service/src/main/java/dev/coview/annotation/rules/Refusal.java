package dev.coview.annotation.rules;

/**
 * Why a message was refused: the {@code error} message's code ({@code dev.coview.contracts.ws.ErrorCodes}) and
 * words for the sender.
 */
public record Refusal(String code, String message) {
}
