package dev.coview.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import dev.coview.contracts.events.SessionEventType;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A consumer who has not upgraded keeps working: the schemas of the previous release (copied unchanged into this
 * module's test resources, {@code compat/schemas/}) accept the events of this release, i.e. every example of today's
 * schemas (which the services' tests hold the real events to). New information travels in CloudEvents extension
 * attributes, not in the payload, precisely so that this holds for the previous release's closed schemas. A type the
 * previous release did not know is skipped by such a consumer (docs/integrations.md) and is not checked here.
 * Pure unit test, no infrastructure.
 */
class PreviousReleaseCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(SessionEventType.class)
    void thePreviousReleaseAcceptsTodaysEvents(SessionEventType type) throws IOException {
        String path = EvolvableEventContractsTest.path(type);
        if (getClass().getResource("/compat/schemas/" + path) == null) {
            return; // new in this release
        }
        JsonSchema previous = SchemaCatalog.previousRelease(path);
        JsonNode examples;
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + path)) {
            examples = JSON.readTree(in).path("examples");
        }
        assertThat(examples.size()).isPositive();
        for (JsonNode example : examples) {
            assertThat(SchemaCatalog.previousReleaseErrors(path, example)).as(type + ": " + example).isEmpty();
            // A declared addition really is one the old schema refuses (else it should not be on the list).
            for (String added : SchemaCatalog.ADDED_TO_CLOSED_PAYLOADS.getOrDefault(path, java.util.Set.of())) {
                if (example.has(added)) {
                    assertThat(SchemaCatalog.errors(previous, example)).as(type + " refuses " + added).isNotEmpty();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SessionEventType.class)
    void thePreviousReleaseSchemasAreReallyLoadedFromCompat(SessionEventType type) throws IOException {
        String path = EvolvableEventContractsTest.path(type);
        if (getClass().getResource("/compat/schemas/" + path) == null) {
            return;
        }
        // The previous release closed every payload: an added property fails there, not here. This proves the
        // compat copy, not today's file, is what the test above validates against.
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + path)) {
            var later = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in).path("examples").get(0);
            later.put("addedInALaterVersion", true);
            assertThat(SchemaCatalog.errors(SchemaCatalog.previousRelease(path), later)).isNotEmpty();
            assertThat(SchemaCatalog.errors(path, later)).isEmpty();
        }
    }
}
