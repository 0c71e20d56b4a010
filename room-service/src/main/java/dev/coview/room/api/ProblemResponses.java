package dev.coview.room.api;

import dev.coview.contracts.rooms.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error this API answers is RFC 9457 problem+json ({@link Problem}, declared once in the document's
 * components by {@link OpenApiSecurity}), so the resources declare an error response by its status and description
 * only, and this filter gives each 4xx and 5xx response without a body of its own that body. Registered as
 * {@code mp.openapi.filter}: it runs on the document stored at build time and on the one served.
 */
public class ProblemResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().forEach(ProblemResponses::describe);
                }
            }
        }
    }

    private static void describe(String status, APIResponse response) {
        boolean error = status.startsWith("4") || status.startsWith("5");
        if (error && response.getContent() == null && response.getRef() == null) {
            response.setContent(problem());
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(Problem.class.getSimpleName())));
    }
}
