package dev.coview.room.rooms;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Who counts as one client for the join-code guessing limit. An IPv4 address is one client; an IPv6 client owns a
 * whole /64 (a host picks any address in it at will), so its first 64 bits are the key. An address the request
 * claims that is not an IP literal (a forwarded header with {@code unknown} or a host name) never becomes a key
 * of its own — neither a shared {@code null} that locks every such client out, nor an attacker's free choice —
 * the address of the peer that sent the request counts instead.
 */
public final class ClientKey {

    /** Only literals reach {@link InetAddress#getByName}: never a name lookup on a request's behalf. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");

    private ClientKey() {
    }

    /**
     * @param claimed the request's client address (after trusted-proxy forwarding), may be anything or null
     * @param peer    the address of the TCP peer, always an IP literal
     */
    public static String of(String claimed, String peer) {
        InetAddress address = literal(claimed);
        if (address == null) {
            address = literal(peer);
        }
        if (address == null) {
            // Not reachable with a TCP peer; a fixed key keeps such requests limited together rather than free.
            return "unknown";
        }
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            StringBuilder key = new StringBuilder("6:");
            for (int i = 0; i < 8; i += 2) {
                key.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
            }
            return key.append(":/64").toString();
        }
        return "4:" + address.getHostAddress();
    }

    private static InetAddress literal(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (!IPV4.matcher(h).matches() && !IPV6.matcher(h).matches()) {
            return null;
        }
        try {
            // A literal is parsed, never resolved; IPv4-mapped IPv6 (::ffff:a.b.c.d) comes back as Inet4Address.
            InetAddress a = InetAddress.getByName(h);
            return a instanceof Inet4Address || a instanceof Inet6Address ? a : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
