package dev.coview.room.media.recordings;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Gives an assembled recording its duration. MediaRecorder writes WebM as a live stream: the Segment and its
 * Clusters have unknown sizes and Info has no Duration (it cannot seek back to write one), so players show no length
 * and cannot seek. The client cannot fix that either: chunk 0, which holds Info, is uploaded (and written once) at
 * the start. So completing a recording reads the blocks' timecodes across all chunks and writes
 * {@code Duration} into Info of chunk 0. Only a layout this code understands is changed (EBML header, Segment, Info
 * before any SeekHead, Tracks or Cluster); anything else is left exactly as uploaded.
 */
final class WebmDuration {

    static final int EBML = 0x1A45DFA3;
    static final int SEGMENT = 0x18538067;
    static final int SEEK_HEAD = 0x114D9B74;
    static final int INFO = 0x1549A966;
    static final int DURATION = 0x4489;
    static final int TRACKS = 0x1654AE6B;
    static final int CLUSTER = 0x1F43B675;
    static final int TIMECODE = 0xE7;
    static final int BLOCK_GROUP = 0xA0;
    static final int BLOCK = 0xA1;
    static final int SIMPLE_BLOCK = 0xA3;
    /** A size field whose value bits are all ones: "unknown", what live writers put on Segment and Cluster. */
    static final long UNKNOWN = -1;

    private WebmDuration() {
    }

    /**
     * The latest block time in the stream, in TimecodeScale units (milliseconds with the default scale, which is also
     * the unit of Duration); {@code -1} when the stream is not a WebM file or holds no block. A truncated last
     * element (a chunk cut short) ends the scan with what was read.
     */
    static long lastBlockTime(InputStream stream) throws IOException {
        Reader r = new Reader(new BufferedInputStream(stream, 64 * 1024));
        long clusterTime = 0;
        long last = -1;
        try {
            if (r.id() != EBML) {
                return -1;
            }
            r.skip(r.size());
            if (r.id() != SEGMENT) {
                return -1;
            }
            r.size();
            while (true) {
                int id = r.idOrEnd();
                if (id == -1) {
                    return last;
                }
                long size = r.size();
                if (id == CLUSTER || id == BLOCK_GROUP) {
                    continue; // their children follow: Timecode, blocks
                }
                if (size == UNKNOWN) {
                    return last; // an element of unknown size this code cannot step over
                }
                if (id == TIMECODE) {
                    clusterTime = r.unsigned((int) size);
                } else if (id == BLOCK || id == SIMPLE_BLOCK) {
                    long before = r.position;
                    r.size(); // track number (a vint like a size)
                    short relative = (short) r.unsigned(2);
                    last = Math.max(last, clusterTime + relative);
                    r.skip(size - (r.position - before));
                } else {
                    r.skip(size);
                }
            }
        } catch (EOFException e) {
            return last; // the end, cut short, or bytes that are not EBML: what was read stands
        }
    }

    /**
     * {@code chunk0} with {@code Duration} (a float, TimecodeScale units) added to its Info element, or {@code null}
     * when the layout is not the one this code understands or Info already has a Duration.
     */
    static byte[] withDuration(byte[] chunk0, double duration) {
        try {
            Reader r = new Reader(new java.io.ByteArrayInputStream(chunk0));
            if (r.id() != EBML) {
                return null;
            }
            r.skip(r.size());
            if (r.id() != SEGMENT) {
                return null;
            }
            int segmentSizeAt = (int) r.position;
            long segmentSize = r.size();
            int segmentSizeLength = (int) r.position - segmentSizeAt;
            while (true) {
                int id = r.id();
                int sizeAt = (int) r.position;
                long size = r.size();
                int bodyAt = (int) r.position;
                if (id == SEEK_HEAD || id == TRACKS || id == CLUSTER || size == UNKNOWN) {
                    return null; // positions after Info would move, or Info is not first
                }
                if (id == INFO) {
                    return patched(chunk0, segmentSizeAt, segmentSizeLength, segmentSize, sizeAt, bodyAt, size,
                            duration);
                }
                r.skip(size);
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] patched(byte[] chunk0, int segmentSizeAt, int segmentSizeLength, long segmentSize,
                                  int infoSizeAt, int infoBodyAt, long infoSize, double duration) throws IOException {
        int infoEnd = (int) (infoBodyAt + infoSize);
        if (infoEnd > chunk0.length) {
            return null;
        }
        Reader info = new Reader(new java.io.ByteArrayInputStream(chunk0, infoBodyAt, (int) infoSize));
        while (info.position < infoSize) {
            if (info.id() == DURATION) {
                return null;
            }
            info.skip(info.size());
        }
        byte[] element = ByteBuffer.allocate(11).put((byte) 0x44).put((byte) 0x89).put((byte) 0x88)
                .putDouble(duration).array();
        int oldLength = infoBodyAt - infoSizeAt;
        byte[] newInfoSize = encodeSize(infoSize + element.length, oldLength);
        long growth = element.length + newInfoSize.length - oldLength;
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunk0.length + (int) growth);
        out.write(chunk0, 0, segmentSizeAt);
        if (segmentSize == UNKNOWN) {
            out.write(chunk0, segmentSizeAt, segmentSizeLength);
        } else {
            byte[] size = encodeSize(segmentSize + growth, segmentSizeLength);
            if (size.length != segmentSizeLength) {
                return null;
            }
            out.write(size);
        }
        int afterSegmentSize = segmentSizeAt + segmentSizeLength;
        out.write(chunk0, afterSegmentSize, infoSizeAt - afterSegmentSize);
        out.write(newInfoSize);
        out.write(chunk0, infoBodyAt, (int) infoSize);
        out.write(element);
        out.write(chunk0, infoEnd, chunk0.length - infoEnd);
        return out.toByteArray();
    }

    /** {@code value} as an EBML size in {@code preferred} bytes if it fits there, else in 8. */
    static byte[] encodeSize(long value, int preferred) {
        int length = preferred;
        // All value bits set would read as "unknown".
        if (length < 1 || length > 8 || value >= (1L << (7 * length)) - 1) {
            length = 8;
        }
        byte[] b = new byte[length];
        long v = value;
        for (int i = length - 1; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        b[0] |= (byte) (0x80 >>> (length - 1));
        return b;
    }

    /** EBML primitives over a stream, counting the bytes read. */
    private static final class Reader {
        private final InputStream in;
        long position;

        Reader(InputStream in) {
            this.in = in;
        }

        int idOrEnd() throws IOException {
            int first = in.read();
            if (first < 0) {
                return -1;
            }
            position++;
            int length = Integer.numberOfLeadingZeros(first) - 23;
            if (length < 1 || length > 4) {
                throw new EOFException("not an element id");
            }
            int id = first;
            for (int i = 1; i < length; i++) {
                id = (id << 8) | next();
            }
            return id;
        }

        int id() throws IOException {
            int id = idOrEnd();
            if (id == -1) {
                throw new EOFException();
            }
            return id;
        }

        long size() throws IOException {
            int first = next();
            int length = Integer.numberOfLeadingZeros(first) - 23;
            if (length < 1 || length > 8) {
                throw new EOFException("not a size");
            }
            long value = first & (0xFF >>> length);
            boolean allOnes = value == (0xFF >>> length);
            for (int i = 1; i < length; i++) {
                int b = next();
                allOnes &= b == 0xFF;
                value = (value << 8) | b;
            }
            return allOnes ? UNKNOWN : value;
        }

        long unsigned(int length) throws IOException {
            long v = 0;
            for (int i = 0; i < length; i++) {
                v = (v << 8) | next();
            }
            return v;
        }

        void skip(long n) throws IOException {
            if (n < 0) {
                throw new EOFException("negative size");
            }
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                left -= skipped;
                position += skipped;
            }
        }

        private int next() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            position++;
            return b;
        }
    }
}
