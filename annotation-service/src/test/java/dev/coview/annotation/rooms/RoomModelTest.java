package dev.coview.annotation.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.annotation.rules.MessageRules;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.RoomEvent;
import dev.coview.contracts.annotation.RoomState;
import dev.coview.contracts.annotation.Clear;
import dev.coview.contracts.annotation.ClearScope;
import dev.coview.contracts.annotation.Crop;
import dev.coview.contracts.annotation.Freeze;
import dev.coview.contracts.annotation.Masks;
import dev.coview.contracts.annotation.Pause;
import dev.coview.contracts.annotation.Rect;
import dev.coview.contracts.annotation.Redo;
import dev.coview.contracts.annotation.Shape;
import dev.coview.contracts.annotation.ShapeKind;
import dev.coview.contracts.annotation.Shares;
import dev.coview.contracts.annotation.Stroke;
import dev.coview.contracts.annotation.StrokePhase;
import dev.coview.contracts.annotation.StrokeTool;
import dev.coview.contracts.annotation.Undo;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The materializer's rules on their own (pure unit test; no infrastructure). */
class RoomModelTest {

    private final RoomModel room = new RoomModel(new RoomModel.Limits(100, 1000, 20000, 5000, 200_000, 6 << 20));

    private RoomModel.Applied apply(String author, AnnotationClientMessage m) {
        return applied(room, new RoomEvent(UUID.randomUUID().toString(), "r", author, null, 0, m, null));
    }

    /** Applies {@code e} with the rule of its type, as the log consumer does. */
    private static RoomModel.Applied applied(RoomModel model, RoomEvent e) {
        return model.apply(e, MessageRules.of(e.event()));
    }

    @Test
    void aStrokeDrawnInPartsIsWholeInTheStateAndAppendsOfOthersAreIgnored() {
        apply("a", new Stroke("s", StrokePhase.BEGIN, StrokeTool.PEN, "#000000", 0.01, new double[] {0.1, 0.1}));
        assertThat(apply("a", new Stroke("s", StrokePhase.APPEND, null, null, null, new double[] {0.2, 0.2}))
                .changes()).isNull();
        apply("b", new Stroke("s", StrokePhase.APPEND, null, null, null, new double[] {0.9, 0.9}));
        apply("a", new Stroke("s", StrokePhase.END, null, null, null, new double[] {0.3, 0.3}));
        apply("a", new Stroke("s", StrokePhase.APPEND, null, null, null, new double[] {0.4, 0.4}));
        RoomState state = room.snapshot();
        assertThat(state.seq()).isEqualTo(5);
        assertThat(((Stroke) state.elements().get(0).drawable()).points())
                .containsExactly(0.1, 0.1, 0.2, 0.2, 0.3, 0.3);
    }

    @Test
    void undoRestoresAReplacedShapeAndRedoReappliesIt() {
        Shape first = new Shape("h", ShapeKind.RECT, 0.1, 0.1, 0.2, 0.2, "#000000", 0.01, null);
        Shape moved = new Shape("h", ShapeKind.RECT, 0.5, 0.5, 0.6, 0.6, "#000000", 0.01, null);
        apply("a", first);
        apply("a", moved);
        assertThat(apply("b", new Shape("h", ShapeKind.RECT, 0, 0, 1, 1, "#ffffff", 0.01, null)).changes())
                .isEmpty();
        assertThat(apply("a", new Undo()).changes().get(0).drawable()).isEqualTo(first);
        assertThat(apply("a", new Redo()).changes().get(0).drawable()).isEqualTo(moved);
        assertThat(room.snapshot().elements().get(0).version()).isEqualTo(4);
    }

    @Test
    void clearAllIsUndoneByItsAuthorAsOneActionAndVanishingInkIsNeverState() {
        apply("a", new Stroke("s1", null, StrokeTool.PEN, "#000000", 0.01, new double[] {0.1, 0.1}));
        apply("b", new Stroke("s2", null, StrokeTool.HIGHLIGHTER, "#000000", 0.01, new double[] {0.1, 0.1}));
        apply("b", new Stroke("v", null, StrokeTool.VANISH, "#000000", 0.01, new double[] {0.1, 0.1}));
        assertThat(apply("a", new Clear(ClearScope.ALL)).changes()).hasSize(2);
        assertThat(room.snapshot().elements()).hasSize(2).allMatch(e -> e.deleted());
        apply("a", new Undo());
        assertThat(room.snapshot().elements()).extracting(e -> e.id() + ":" + e.deleted() + ":" + e.version())
                .containsExactly("s1:false:3", "s2:false:3");
        assertThat(room.snapshot().history()).extracting(h -> h.authorId() + ":" + h.undo() + ":" + h.redo())
                .containsExactly("a:1:1", "b:1:0");
    }

    @Test
    void aRedeliveredEventIdIsIgnored() {
        RoomEvent e = new RoomEvent("same", "r", "a", null, 0, new Pause(true), null);
        assertThat(applied(room, e)).isNotNull();
        assertThat(applied(room, e)).isNull();
        assertThat(room.seq()).isEqualTo(1);
    }

    @Test
    void theRoomsBudgetsRefuseGrowthTheSameWayOnEveryInstance() {
        RoomModel small = new RoomModel(new RoomModel.Limits(100, 1000, 20000, 5000, 3, 1 << 20));
        RoomEvent begin = new RoomEvent("e1", "r", "a", null, 0,
                new Stroke("s", StrokePhase.BEGIN, StrokeTool.PEN, "#000000", 0.01, new double[] {0.1, 0.1, 0.2, 0.2}),
                null);
        assertThat(applied(small, begin).changes()).hasSize(1);
        // Three points in all: a third fits, a fourth does not (the append of two is refused), nor a new stroke of two.
        assertThat(small.fits(new Cost(0, 1, 16), Cost.NONE)).isTrue();
        assertThat(small.fits(new Cost(0, 1, 16), new Cost(0, 1, 16))).as("with a reservation").isFalse();
        applied(small, new RoomEvent("e2", "r", "a", null, 0,
                new Stroke("s", StrokePhase.APPEND, null, null, null, new double[] {0.3, 0.3, 0.4, 0.4}), null));
        applied(small, new RoomEvent("e3", "r", "a", null, 0,
                new Stroke("t", null, StrokeTool.PEN, "#000000", 0.01, new double[] {0.5, 0.5, 0.6, 0.6}), null));
        RoomState state = small.snapshot();
        assertThat(state.elements()).hasSize(1);
        assertThat(((Stroke) state.elements().get(0).drawable()).points()).hasSize(4);
        assertThat(state.seq()).as("refused events still take their seq").isEqualTo(3);

        RoomModel tiny = new RoomModel(new RoomModel.Limits(100, 1000, 20000, 5000, 1000, 700));
        Shape text = new Shape("h", ShapeKind.TEXT, 0.1, 0.1, 0.2, 0.2, "#000000", 0.01, "x".repeat(200));
        assertThat(applied(tiny, new RoomEvent("e4", "r", "a", null, 0, text, null)).changes()).hasSize(1);
        assertThat(applied(tiny, new RoomEvent("e5", "r", "a", null, 0,
                new Shape("i", ShapeKind.RECT, 0.1, 0.1, 0.2, 0.2, "#000000", 0.01, null), null)).changes())
                .as("over the byte budget").isEmpty();
    }

    @Test
    void eachShareKeepsItsOwnCropMasksAndPauseAndDrawingsKeepTheirShare() {
        apply("cust", new Crop(0.1, 0.1, 0.5, 0.5, 1920, 1080));
        apply("agent", new Crop(0, 0, 0.25, 0.25, 2560, 1440, Shares.AGENT));
        apply("agent", new Pause(true, Shares.AGENT));
        apply("agent", new Masks(List.of(new Rect(0, 0, 0.1, 0.1)), Shares.AGENT));
        apply("cust", new Stroke("on-agent", null, StrokeTool.PEN, "#000000", 0.01, new double[] {0.1, 0.1},
                Shares.AGENT));
        apply("agent", new Stroke("on-cust", StrokePhase.BEGIN, StrokeTool.PEN, "#000000", 0.01,
                new double[] {0.1, 0.1}));
        apply("agent", new Freeze(true, null, Shares.AGENT));
        RoomState state = room.snapshot();
        assertThat(state.crop().sourceW()).isEqualTo(1920);
        assertThat(state.paused()).isFalse();
        assertThat(state.masks()).isEmpty();
        var agent = state.shares().get(Shares.AGENT);
        assertThat(agent.crop().sourceW()).isEqualTo(2560);
        assertThat(agent.paused()).isTrue();
        assertThat(agent.masks()).hasSize(1);
        assertThat(state.shares()).containsOnlyKeys(Shares.AGENT);
        assertThat(state.elements()).extracting(e -> ((Stroke) e.drawable()).shareId())
                .containsExactly(Shares.AGENT, null);
        assertThat(state.freeze().shareId()).isEqualTo(Shares.AGENT);
    }

    @Test
    void aRoomWhereOnlyTheCustomerSharedStatesNoOtherShares() {
        apply("cust", new Pause(true));
        assertThat(room.snapshot().shares()).isNull();
        assertThat(room.snapshot().paused()).isTrue();
    }
}
