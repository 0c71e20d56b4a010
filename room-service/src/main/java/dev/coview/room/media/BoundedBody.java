package dev.coview.room.media;

import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read as a stream with a ceiling: the read that goes past {@code max} bytes fails with 413, so a
 * body without a {@code Content-Length} (chunked) is cut off while it streams to storage instead of being held whole.
 */
public final class BoundedBody extends FilterInputStream {

    private final long max;
    private final String what;
    private long count;

    public BoundedBody(InputStream in, long max, String what) {
        super(in);
        this.max = max;
        this.what = what;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count > max) {
            throw new ProblemException(ProblemType.TOO_LARGE,
                    what + " has more than " + max + " bytes; at most " + max + " are allowed");
        }
    }
}
