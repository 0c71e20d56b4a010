package dev.coview.annotation.pointers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PointerFramesTest {

    private static String frame(String room, String author, double x) {
        return "{\"type\":\"event\",\"eventId\":\"e" + x + "\",\"roomId\":\"" + room + "\",\"authorId\":\"" + author
                + "\",\"ts\":1,\"event\":{\"type\":\"pointer\",\"x\":" + x + ",\"y\":0.5}}";
    }

    @Test
    void aBatchKeepsTheNewestPositionOfEachPointerInTheOrderPointersFirstAppeared() {
        PointerFrames frames = new PointerFrames();
        frames.add("r1", frame("r1", "agent", 0.1));
        frames.add("r2", frame("r2", "agent", 0.2));
        frames.add("r1", frame("r1", "customer", 0.3));
        frames.add("r1", frame("r1", "agent", 0.4));
        frames.add("r2", frame("r2", "agent", 0.5));

        assertThat(frames.size()).isEqualTo(3);
        assertThat(frames.superseded()).isEqualTo(2);
        assertThat(frames.room(0)).isEqualTo("r1");
        assertThat(frames.frame(0)).isEqualTo(frame("r1", "agent", 0.4));
        assertThat(frames.room(1)).isEqualTo("r2");
        assertThat(frames.frame(1)).isEqualTo(frame("r2", "agent", 0.5));
        assertThat(frames.frame(2)).isEqualTo(frame("r1", "customer", 0.3));
    }

    private static String ink(String author, double x) {
        return "{\"type\":\"event\",\"eventId\":\"i" + x + "\",\"roomId\":\"r1\",\"authorId\":\"" + author
                + "\",\"ts\":1,\"event\":{\"type\":\"ink\",\"id\":\"s1\",\"tool\":\"pen\",\"color\":\"#ff0000\","
                + "\"width\":0.01,\"points\":[" + x + ",0.5]}}";
    }

    @Test
    void liveInkIsNeverCoalescedNorSupersedesThePointerAndStillNamesItsAuthor() {
        PointerFrames frames = new PointerFrames();
        frames.add("r1", frame("r1", "agent", 0.1));
        frames.add("r1", ink("agent", 0.2));
        frames.add("r1", ink("agent", 0.3));
        frames.add("r1", frame("r1", "agent", 0.4));

        assertThat(frames.size()).isEqualTo(3);
        assertThat(frames.superseded()).isEqualTo(1);
        assertThat(frames.frame(0)).isEqualTo(frame("r1", "agent", 0.4));
        assertThat(frames.frame(1)).isEqualTo(ink("agent", 0.2));
        assertThat(frames.frame(2)).isEqualTo(ink("agent", 0.3));
        assertThat(frames.author(1)).isEqualTo("agent");
        assertThat(frames.author(2)).isEqualTo("agent");
    }

    @Test
    void theSameAuthorInTwoRoomsIsTwoPointers() {
        PointerFrames frames = new PointerFrames();
        frames.add("r1", frame("r1", "same", 0.1));
        frames.add("r2", frame("r2", "same", 0.2));
        assertThat(frames.size()).isEqualTo(2);
        assertThat(frames.superseded()).isZero();
    }

    @Test
    void aFrameWithoutAnAuthorIsRelayedAsItIsAndClearStartsANewBatch() {
        PointerFrames frames = new PointerFrames();
        frames.add("r1", "{\"type\":\"event\"}");
        frames.add("r1", "{\"type\":\"event\"}");
        assertThat(frames.size()).isEqualTo(2);
        frames.clear();
        assertThat(frames.size()).isZero();
        frames.add("r1", frame("r1", "agent", 0.7));
        assertThat(frames.frame(0)).isEqualTo(frame("r1", "agent", 0.7));
    }

    @Test
    void theAuthorIsTheEnvelopes() {
        assertThat(PointerFrames.author(frame("r", "AbC_-9", 0.1))).isEqualTo("AbC_-9");
        assertThat(PointerFrames.author("{\"authorId\":\"unterminated")).isNull();
    }
}
