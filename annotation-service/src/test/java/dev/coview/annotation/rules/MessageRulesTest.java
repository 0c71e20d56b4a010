package dev.coview.annotation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.Clear;
import dev.coview.contracts.annotation.ClearScope;
import dev.coview.contracts.annotation.Crop;
import dev.coview.contracts.annotation.CropRequest;
import dev.coview.contracts.annotation.Erase;
import dev.coview.contracts.annotation.Freeze;
import dev.coview.contracts.annotation.Ink;
import dev.coview.contracts.annotation.Masks;
import dev.coview.contracts.annotation.Pause;
import dev.coview.contracts.annotation.Pointer;
import dev.coview.contracts.annotation.PointerHide;
import dev.coview.contracts.annotation.Recording;
import dev.coview.contracts.annotation.RecordingConsent;
import dev.coview.contracts.annotation.RecordingRequest;
import dev.coview.contracts.annotation.Redo;
import dev.coview.contracts.annotation.ReferenceAnswer;
import dev.coview.contracts.annotation.ReferencePush;
import dev.coview.contracts.annotation.Shape;
import dev.coview.contracts.annotation.ShapeKind;
import dev.coview.contracts.annotation.SnapshotNotice;
import dev.coview.contracts.annotation.Stroke;
import dev.coview.contracts.annotation.StrokeTool;
import dev.coview.contracts.annotation.Undo;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The per-type rules' structure; pure unit test, no infrastructure. That a new message type cannot ship without
 * its rule is the compiler's job ({@link AnnotationClientMessage#match} has no default, {@link MessageRules} has
 * a method per type, {@link Rule}'s constructor takes all five parts); these tests guard the pieces that keep the
 * compiler's check honest, which a later edit could quietly undo. What each rule decides is tested through the
 * socket ({@code GrantsTest}, {@code AnnotationSocketTest}) and the model ({@code RoomModelTest}).
 */
class MessageRulesTest {

    /** One message of every type. */
    static final List<AnnotationClientMessage> EVERY_TYPE = List.of(
            new Pointer(0.5, 0.5), new PointerHide(),
            new Ink("i", StrokeTool.PEN, "#000000", 0.01, new double[] {0.1, 0.1}),
            new Stroke("s", null, StrokeTool.PEN, "#000000", 0.01, new double[] {0.1, 0.1}),
            new Shape("h", ShapeKind.RECT, 0.1, 0.1, 0.2, 0.2, "#000000", 0.01, null),
            new Erase("s"), new Undo(), new Redo(), new Clear(ClearScope.OWN),
            new Crop(0, 0, 1, 1, 1920, 1080), new CropRequest(0, 0, 0.5, 0.5), new Masks(List.of()),
            new Pause(true), new Freeze(true, null), new SnapshotNotice("snap"),
            new ReferencePush("https://example.com"), new ReferenceAnswer(true),
            new RecordingRequest("ask"), new RecordingConsent("ask", true), new Recording(false, null));

    @Test
    void everyTypeHasAMethodOfItsOwnInCasesAndNoneHasADefault() {
        Set<Class<?>> permitted = Set.of(AnnotationClientMessage.class.getPermittedSubclasses());
        Method[] cases = AnnotationClientMessage.Cases.class.getDeclaredMethods();
        // A default method would let a new type compile without a rule: the check below fails first.
        assertThat(cases).noneMatch(Method::isDefault).allMatch(m -> Modifier.isAbstract(m.getModifiers()));
        assertThat(Arrays.stream(cases).map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet()))
                .isEqualTo(permitted);
        assertThat(cases).hasSameSizeAs(permitted.toArray());
    }

    @Test
    void everyTypeGetsARuleOfItsOwnAndEveryRuleSaysWhoMaySendIt() {
        assertThat(EVERY_TYPE.stream().map(Object::getClass).collect(Collectors.toSet()))
                .as("the samples cover every type")
                .isEqualTo(Set.of(AnnotationClientMessage.class.getPermittedSubclasses()));
        for (AnnotationClientMessage m : EVERY_TYPE) {
            Ruling<?> ruling = MessageRules.of(m);
            assertThat(ruling.message()).isSameAs(m);
            assertThat(ruling.access()).as(m.type()).isNotNull();
        }
        assertThat(EVERY_TYPE.stream().map(m -> MessageRules.of(m).rule()).distinct().count())
                .as("no two types share a rule").isEqualTo(EVERY_TYPE.size());
    }

    @Test
    void clearingEverybodysDrawingsTakesAdminAndOnesOwnTakesAnnotate() {
        assertThat(MessageRules.of(new Clear(ClearScope.ALL)).access()).isEqualTo(Rule.CAN_ADMIN);
        assertThat(MessageRules.of(new Clear(ClearScope.OWN)).access()).isEqualTo(Rule.CAN_ANNOTATE);
    }
}
