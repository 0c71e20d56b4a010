package dev.coview.room.media.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One kind of a room's media (snapshots, recordings) as the {@link MediaStore} keeps it: a folder per item,
 * {@code {roomId}/{kind}/{itemId}/}, whose {@code meta.json} is the item's view. The view is written last, so an item
 * without one is still being stored and is not found.
 *
 * @param <T> the item's view, as the API answers it
 */
public final class MediaItems<T> {

    private static final String META = "meta.json";

    private final MediaStore store;
    private final ObjectMapper mapper;
    private final String kind;
    private final Class<T> type;
    private final Comparator<T> order;

    /**
     * @param kind  the folder of this kind below the room's, e.g. {@code snapshots}
     * @param order how {@link #list} sorts the items
     */
    public MediaItems(MediaStore store, ObjectMapper mapper, String kind, Class<T> type, Comparator<T> order) {
        this.store = store;
        this.mapper = mapper;
        this.kind = kind;
        this.type = type;
        this.order = order;
    }

    /** The folder of one item. */
    public MediaKey folder(String roomId, String itemId) {
        return MediaKey.room(roomId).child(kind).child(itemId);
    }

    /** Where the item's view is stored. */
    public MediaKey meta(String roomId, String itemId) {
        return folder(roomId, itemId).child(META);
    }

    /** Stores the item's view, replacing the one before. */
    public void write(String roomId, String itemId, T view) throws IOException {
        store.put(meta(roomId, itemId), new ByteArrayInputStream(mapper.writeValueAsBytes(view)));
    }

    /** One item of the room; empty when there is none (or it is still being stored). */
    public Optional<T> find(String roomId, String itemId) throws IOException {
        MediaKey meta = meta(roomId, itemId);
        Optional<MediaInfo> info = store.info(meta);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = store.open(meta, 0, info.get().size())) {
            return Optional.of(mapper.readValue(in, type));
        }
    }

    /** The room's items, in this kind's order. */
    public List<T> list(String roomId) throws IOException {
        List<T> all = new ArrayList<>();
        for (String id : store.list(MediaKey.room(roomId).child(kind))) {
            if (MediaKey.isId(id)) {
                find(roomId, id).ifPresent(all::add);
            }
        }
        all.sort(order);
        return all;
    }
}
