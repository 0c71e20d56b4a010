package dev.coview.room.media;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What an upload really is, from its bytes rather than from the content type the client declared: a PNG starts with
 * its 8-byte signature, a WebM (Matroska) file with the EBML magic, annotations are well-formed JSON.
 */
public final class ContentChecks {

    /** PNG signature (RFC 2083 §3.1). */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    /** EBML header ID, the first four bytes of every WebM file (and so of a recording's chunk 0). */
    public static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    private static final JsonFactory JSON = new JsonFactory();

    private ContentChecks() {
    }

    public static boolean isPng(Path file) throws IOException {
        return startsWith(file, PNG);
    }

    public static boolean isWebm(byte[] bytes) {
        return bytes.length >= EBML.length && Arrays.equals(bytes, 0, EBML.length, EBML, 0, EBML.length);
    }

    /** True when {@code file} holds exactly one well-formed JSON value (streamed: no tree is built). */
    public static boolean isJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private static boolean startsWith(Path file, byte[] magic) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(magic.length), magic);
        }
    }
}
