package dev.coview.room.media.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The duration of a live WebM as MediaRecorder writes it (unknown Segment and Cluster sizes, no Duration in Info),
 * on files built here byte by byte. Pure unit test; no infrastructure.
 */
class WebmDurationTest {

    private static final byte[] UNKNOWN_SIZE = {0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    @Test
    void findsTheLastBlockTimeAcrossClustersAndWritesItIntoInfo() throws IOException {
        byte[] file = liveWebm(null);
        assertThat(WebmDuration.lastBlockTime(new ByteArrayInputStream(file))).isEqualTo(3033);

        byte[] patched = WebmDuration.withDuration(Arrays.copyOf(file, 120), 3033);
        assertThat(patched).isNotNull().hasSize(120 + 11);
        byte[] whole = concat(patched, Arrays.copyOfRange(file, 120, file.length));
        assertThat(durationIn(whole)).isEqualTo(3033.0);
        // The rest of the stream is untouched and still reads the same.
        assertThat(WebmDuration.lastBlockTime(new ByteArrayInputStream(whole))).isEqualTo(3033);
        assertThat(Arrays.copyOfRange(whole, whole.length - (file.length - 120), whole.length))
                .isEqualTo(Arrays.copyOfRange(file, 120, file.length));
    }

    @Test
    void leavesAFileAloneWhenInfoHasADurationOrTheLayoutIsUnknown() throws IOException {
        assertThat(WebmDuration.withDuration(liveWebm(1000.0), 3033)).isNull();
        byte[] notWebm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x80, 0x00, 0x01, 0x02};
        assertThat(WebmDuration.withDuration(notWebm, 10)).isNull();
        assertThat(WebmDuration.lastBlockTime(new ByteArrayInputStream(notWebm))).isEqualTo(-1);
    }

    @Test
    void aTruncatedLastBlockEndsTheScanWithWhatWasRead() throws IOException {
        byte[] file = liveWebm(null);
        // The last SimpleBlock is 26 bytes: keep only its id.
        byte[] cut = Arrays.copyOf(file, file.length - 25);
        assertThat(WebmDuration.lastBlockTime(new ByteArrayInputStream(cut))).isEqualTo(2000);
    }

    @Test
    void sizesKeepTheirWidthWhenTheyFit() {
        assertThat(WebmDuration.encodeSize(5, 1)).containsExactly(0x85);
        assertThat(WebmDuration.encodeSize(300, 2)).containsExactly(0x41, 0x2C);
        assertThat(WebmDuration.encodeSize(127, 1)).hasSize(8); // 0xFF would read as "unknown"
    }

    /** EBML header, Segment (unknown size), Info, Tracks, two Clusters (unknown size) with SimpleBlocks. */
    private static byte[] liveWebm(Double duration) throws IOException {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.write(new byte[] {0x2A, (byte) 0xD7, (byte) 0xB1, (byte) 0x83, 0x0F, 0x42, 0x40}); // TimecodeScale 1e6
        info.write(element(new byte[] {0x4D, (byte) 0x80}, "Chrome".getBytes())); // MuxingApp
        if (duration != null) {
            info.write(element(new byte[] {0x44, (byte) 0x89}, ByteBuffer.allocate(8).putDouble(duration).array()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(element(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3},
                new byte[] {0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'}));
        out.write(new byte[] {0x18, 0x53, (byte) 0x80, 0x67});
        out.write(UNKNOWN_SIZE);
        out.write(element(new byte[] {0x15, 0x49, (byte) 0xA9, 0x66}, info.toByteArray()));
        out.write(element(new byte[] {0x16, 0x54, (byte) 0xAE, 0x6B}, new byte[] {(byte) 0xAE, (byte) 0x83, (byte) 0xD7,
                (byte) 0x81, 0x01})); // Tracks { TrackEntry { TrackNumber 1 } }
        out.write(cluster(0, new int[] {0, 33, 1000}));
        out.write(cluster(2000, new int[] {0, 1033}));
        return out.toByteArray();
    }

    private static byte[] cluster(int timecode, int[] relative) throws IOException {
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.write(new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75});
        c.write(UNKNOWN_SIZE);
        c.write(element(new byte[] {(byte) 0xE7}, ByteBuffer.allocate(2).putShort((short) timecode).array()));
        for (int r : relative) {
            byte[] block = ByteBuffer.allocate(4 + 20).put((byte) 0x81).putShort((short) r).put((byte) 0x80).array();
            c.write(element(new byte[] {(byte) 0xA3}, block));
        }
        return c.toByteArray();
    }

    private static byte[] element(byte[] id, byte[] body) throws IOException {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        e.write(id);
        e.write(WebmDuration.encodeSize(body.length, 1));
        e.write(body);
        return e.toByteArray();
    }

    private static Double durationIn(byte[] file) {
        for (int i = 0; i + 11 <= file.length; i++) {
            if (file[i] == 0x44 && file[i + 1] == (byte) 0x89 && file[i + 2] == (byte) 0x88) {
                return ByteBuffer.wrap(file, i + 3, 8).getDouble();
            }
        }
        return null;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
