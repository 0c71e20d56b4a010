package dev.coview.room.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 9110 byte ranges, pure unit test. */
class ByteRangeTest {

    @Test
    void singleRangesAreParsedAndClipped() throws ByteRange.Unsatisfiable {
        assertThat(ByteRange.parse("bytes=0-9", 100)).contains(new ByteRange(0, 9, 100));
        assertThat(ByteRange.parse("bytes=90-", 100)).contains(new ByteRange(90, 99, 100));
        assertThat(ByteRange.parse("bytes=90-500", 100)).contains(new ByteRange(90, 99, 100));
        assertThat(ByteRange.parse("bytes=-10", 100)).contains(new ByteRange(90, 99, 100));
        assertThat(ByteRange.parse("bytes=-500", 100)).contains(new ByteRange(0, 99, 100));
        assertThat(ByteRange.parse("bytes=5-5", 100).orElseThrow().length()).isEqualTo(1);
        assertThat(ByteRange.parse("bytes=10-19", 100).orElseThrow().contentRange()).isEqualTo("bytes 10-19/100");
    }

    @Test
    void whatIsNotOneBytesRangeIsIgnored() throws ByteRange.Unsatisfiable {
        for (String ignored : new String[] {null, "", "bytes=", "bytes=-", "items=0-1", "bytes=0-1,4-5", "bytes=9-3",
                "bytes=a-b", "bytes=99999999999999999999-"}) {
            assertThat(ByteRange.parse(ignored, 100)).as(String.valueOf(ignored)).isEmpty();
        }
    }

    @Test
    void rangesOutsideTheFileAreUnsatisfiable() {
        for (String outside : new String[] {"bytes=100-", "bytes=100-200", "bytes=-0"}) {
            assertThatThrownBy(() -> ByteRange.parse(outside, 100)).as(outside)
                    .isInstanceOf(ByteRange.Unsatisfiable.class);
        }
        assertThatThrownBy(() -> ByteRange.parse("bytes=-5", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
