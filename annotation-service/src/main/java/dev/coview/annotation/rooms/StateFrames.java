package dev.coview.annotation.rooms;

import dev.coview.contracts.annotation.RoomState;
import dev.coview.contracts.annotation.StateElements;
import dev.coview.contracts.annotation.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a room's state into frames of bounded size for a late joiner: {@code state.elements} parts of about
 * {@code frameChars} characters each, then the {@code state} with the last elements. A room at its budget is
 * megabytes of JSON; one frame of it would be one string of that size per joiner, and a browser parses it in one
 * go. Each element is serialized once, to measure it; the parts are joined from those strings.
 */
final class StateFrames {

    private static final String PART_HEAD = "{\"type\":\"" + StateElements.TYPE + "\",\"elements\":[";

    private StateFrames() {
    }

    /**
     * @param json renders a value as JSON (the service's mapper)
     * @return the frames to send, in order; the last is the {@code state}
     */
    static List<String> of(RoomState state, int frameChars, Function<Object, String> json) {
        List<Element> elements = state.elements();
        List<String> frames = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int partStart = 0;
        int tailChars = 0;
        for (int i = 0; i < elements.size(); i++) {
            String element = json.apply(elements.get(i));
            if (tailChars > 0 && tailChars + element.length() > frameChars) {
                frames.add(part.append("]}").toString());
                part.setLength(0);
                partStart = i;
                tailChars = 0;
            }
            part.append(tailChars == 0 ? PART_HEAD : ",").append(element);
            tailChars += element.length() + 1;
        }
        // The last group goes in the state itself: a small room is one frame, as before.
        List<Element> tail = elements.subList(partStart, elements.size());
        frames.add(json.apply(new RoomState(state.seq(), List.copyOf(tail), state.crop(), state.masks(),
                state.paused(), state.freeze(), state.reference(), state.history(), state.recording(),
                state.shares())));
        return frames;
    }
}
