package dev.coview.kubernetes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test class renders manifests: its tests are skipped, with {@link Kustomize#MISSING} as the reason, where no
 * kubectl with Kustomize 5 runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresKustomize.Condition.class)
@interface RequiresKustomize {

    /** Enables the tests only where {@link Kustomize#available()}. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Kustomize.available() ? ConditionEvaluationResult.enabled("kubectl with Kustomize 5 found")
                    : ConditionEvaluationResult.disabled(Kustomize.MISSING);
        }
    }
}
