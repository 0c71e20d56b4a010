package dev.coview.room.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The web client's pages live at {@code /agent/}, {@code /join/} and {@code /observe/} (index.html files in the
 * web-client jar's {@code META-INF/resources}); the paths without the slash redirect there, keeping the query (an
 * invite link typed without the slash still works).
 */
@ApplicationScoped
public class WebClientRoutes {

    /** The pages, without their trailing slash. */
    static final List<String> PAGES = List.of("/agent", "/join", "/observe");

    void register(@Observes Router router) {
        for (String page : PAGES) {
            router.get(page).handler(rc -> {
                // Vert.x also routes "/agent/" here: only the exact path without the slash is redirected.
                if (!page.equals(rc.request().path())) {
                    rc.next();
                    return;
                }
                String query = rc.request().query();
                rc.response()
                        .setStatusCode(301)
                        .putHeader("Location", page + "/" + (query == null || query.isEmpty() ? "" : "?" + query))
                        .end();
            });
        }
    }
}
