package dev.coview.support.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.support.ws.InboundDecoder.Result;
import dev.coview.support.ws.TinyProtocol.Hello;
import dev.coview.support.ws.TinyProtocol.Move;
import dev.coview.support.ws.TinyProtocol.Msg;
import org.junit.jupiter.api.Test;

/** Classification of inbound frames; pure unit test with a small sealed protocol. */
class InboundDecoderTest {

    private final InboundDecoder<Msg> decoder = new InboundDecoder<>(new ObjectMapper(), Msg.class);

    @Test
    void decodesKnownTypesAndIgnoresUnknownFields() {
        assertThat(decoder.decode("{\"type\":\"hello\",\"to\":\"p2\",\"extra\":1}"))
                .isEqualTo(new Result.Ok<Msg>(new Hello("p2")));
        assertThat(decoder.decode("{\"type\":\"move\",\"x\":0.5,\"y\":0.25}"))
                .isEqualTo(new Result.Ok<Msg>(new Move(0.5, 0.25)));
    }

    @Test
    void notJsonIsMalformed() {
        assertThat(decoder.decode("{not json")).isInstanceOf(Result.Malformed.class);
        assertThat(decoder.decode("{\"type\":\"move\",\"x\":NaN,\"y\":0}")).isInstanceOf(Result.Malformed.class);
        assertThat(decoder.decode("[1,2]")).isInstanceOf(Result.Malformed.class);
        assertThat(decoder.decode("")).isInstanceOf(Result.Malformed.class);
    }

    @Test
    void anUnknownOrMissingTypeIsReportedAsSuch() {
        assertThat(decoder.decode("{\"type\":\"teleport\"}")).isEqualTo(new Result.UnknownType<Msg>("teleport"));
        assertThat(decoder.decode("{\"to\":\"p2\"}")).isInstanceOf(Result.UnknownType.class);
    }

    @Test
    void wrongFieldsAreInvalidWithAReason() {
        assertThat(decoder.decode("{\"type\":\"move\",\"x\":\"left\",\"y\":0}")).isInstanceOf(Result.Invalid.class);
        Result<Msg> outOfRange = decoder.decode("{\"type\":\"move\",\"x\":7,\"y\":0}");
        assertThat(outOfRange).isInstanceOf(Result.Invalid.class);
        assertThat(((Result.Invalid<Msg>) outOfRange).reason()).contains("0..1");
    }

    @Test
    void reasonsNameTheFieldButNeverJavaInternals() {
        Result<Msg> wrongType = decoder.decode("{\"type\":\"move\",\"x\":\"left\",\"y\":0}");
        assertThat(((Result.Invalid<Msg>) wrongType).reason()).isEqualTo("missing or invalid value for 'x'");
        Result<Msg> trailing = decoder.decode("{\"type\":\"hello\",\"to\":\"p2\"} {\"more\":1}");
        assertThat(trailing).isInstanceOf(Result.Invalid.class);
        assertThat(((Result.Invalid<Msg>) trailing).reason()).doesNotContain("dev.coview", "Deserialization", "`");
    }
}
