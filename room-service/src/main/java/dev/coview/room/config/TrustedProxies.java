package dev.coview.room.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start with a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}, env
 * {@code COVIEW_TRUSTED_PROXIES}) that Quarkus cannot match without DNS.
 * <p>
 * Quarkus reads an entry as {@code host[:port]} unless it is a CIDR. A host name, and also a bare IPv6 literal
 * ({@code ::1} reads as host {@code ":"}, port 1), is then looked up in DNS on <em>every</em> request that reaches
 * room-service while forwarding is on. Where DNS does not answer, each request waits for the lookup to time out:
 * with {@code ::1} in the old default, room-service completed about 60 rooms a second with its CPU idle
 * ({@code bench/results/REST-stall.md}). An IPv4 literal, a CIDR ({@code ::1/128}, {@code 10.0.0.0/8}) or a
 * bracketed IPv6 literal ({@code [::1]}) is matched in memory.
 */
@ApplicationScoped
public class TrustedProxies {

    static final String PROPERTY = "quarkus.http.proxy.trusted-proxies";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");
    private static final Pattern CIDR = Pattern.compile("([0-9A-Fa-f:.]+)/\\d{1,3}");

    void check(@Observes StartupEvent event, Config config) {
        boolean forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
                .orElse(false);
        List<String> entries = config.getOptionalValues(PROPERTY, String.class).orElse(List.of());
        List<String> refused = needingDns(entries);
        if (forwarding && !refused.isEmpty()) {
            throw new IllegalStateException(PROPERTY + " (COVIEW_TRUSTED_PROXIES): " + refused + " would be looked up "
                    + "in DNS on every request; give IPv4 addresses, CIDRs (::1/128, 10.0.0.0/8) or IPv6 in brackets "
                    + "([::1]), never host names");
        }
    }

    /** The entries Quarkus would resolve through DNS on each request (host names, bare IPv6 literals). */
    static List<String> needingDns(List<String> entries) {
        List<String> refused = new ArrayList<>();
        for (String entry : entries) {
            String e = entry.strip();
            // Quarkus itself reads "localhost" as 127.0.0.1.
            if (e.isEmpty() || e.equals("localhost") || IPV4.matcher(e).matches() || BRACKETED_IPV6.matcher(e).matches()
                    || CIDR.matcher(e).matches()) {
                continue;
            }
            refused.add(e);
        }
        return refused;
    }
}
