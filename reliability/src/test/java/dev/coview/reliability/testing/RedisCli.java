package dev.coview.reliability.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One RESP command to the stack's Redis, answered as raw text: for diagnostics in failure messages. */
public final class RedisCli {

    private RedisCli() {
    }

    public static String command(int port, String... args) {
        StringBuilder req = new StringBuilder("*" + args.length + "\r\n");
        for (String a : args) {
            req.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(1000);
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8).replace("\r\n", " ");
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
