package dev.coview.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The storage tool parses an id starting with '-' as an option: a cluster id never does. */
class ClusterIdTest {

    @Test
    void aClusterIdIsSixteenBytesOfBase64UrlAndNeverLooksLikeAnOption() {
        // 1 in 64 raw draws starts with '-': 20,000 draws would hold about 300 of them.
        for (int i = 0; i < 20_000; i++) {
            String id = KafkaBroker.randomClusterId();
            assertThat(id).doesNotStartWith("-").hasSize(22);
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        }
    }
}
