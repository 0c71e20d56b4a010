package dev.coview.room.media;

import static dev.coview.room.RoomApi.as;

import dev.coview.contracts.redis.RedisKeys;
import io.quarkus.arc.Arc;
import io.quarkus.redis.datasource.RedisDataSource;

import dev.coview.room.RoomApi;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/** Test media (real PNGs from ImageIO, a WebM stream start) and the tokens of a room's participants. */
final class MediaFixtures {

    /** The start of a WebM file: the EBML header element with DocType "webm" (what chunk 0 of MediaRecorder has). */
    static final byte[] EBML_HEADER = {
            0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F,
            0x42, (byte) 0x86, (byte) 0x81, 0x01, // EBMLVersion 1
            0x42, (byte) 0xF7, (byte) 0x81, 0x01, // EBMLReadVersion 1
            0x42, (byte) 0xF2, (byte) 0x81, 0x04, // EBMLMaxIDLength 4
            0x42, (byte) 0xF3, (byte) 0x81, 0x08, // EBMLMaxSizeLength 8
            0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm', // DocType webm
            0x42, (byte) 0x87, (byte) 0x81, 0x04, // DocTypeVersion 4
            0x42, (byte) 0x85, (byte) 0x81, 0x02}; // DocTypeReadVersion 2

    static final String ANNOTATIONS = """
            {"strokes":[{"id":"s1","tool":"pen","points":[[0.1,0.2],[0.3,0.4]]}]}""";

    private MediaFixtures() {
    }

    /** A real PNG of {@code w}×{@code h} pixels in one colour. */
    static byte[] png(int w, int h, Color color) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code n} bytes of a chunk after the first: any content, distinct per {@code seed}. */
    static byte[] chunk(int seed, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    /** Chunk 0: the EBML header, then {@code n} more bytes. */
    static byte[] firstChunk(int n) {
        byte[] b = new byte[EBML_HEADER.length + n];
        System.arraycopy(EBML_HEADER, 0, b, 0, EBML_HEADER.length);
        System.arraycopy(chunk(0, n), 0, b, EBML_HEADER.length, n);
        return b;
    }

    /** A snapshot upload request with the three parts. */
    static RequestSpecification snapshot(String token, byte[] original, byte[] annotations, byte[] flattened) {
        return as(token)
                .multiPart("original", "original.png", original, "image/png")
                .multiPart("annotations", "annotations.json", annotations, "application/json")
                .multiPart("flattened", "flattened.png", flattened, "image/png");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh room with the tokens of its agent, customer and an observer. */
    record Room(String roomId, String agent, String customer, String observer) {

        static Room create() {
            JsonPath room = RoomApi.createRoom().jsonPath();
            String roomId = room.getString("roomId");
            String agent = room.getString("token");
            String customer = RoomApi.join(RoomApi.newClient(), Map.of("code", room.getString("joinCode")))
                    .then().statusCode(200).extract().path("token");
            String observer = as(agent).post("/api/rooms/" + roomId + "/observers")
                    .then().statusCode(201).extract().path("token");
            return new Room(roomId, agent, customer, observer);
        }

        String path(String rest) {
            return "/api/rooms/" + roomId + rest;
        }

        /** The customer's consent to one recording, written as annotation-service writes it when they accept. */
        void consent() {
            Arc.container().instance(RedisDataSource.class).get().value(String.class)
                    .set(RedisKeys.recordingConsent(roomId), "request-" + System.nanoTime());
        }
    }
}
