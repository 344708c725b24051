package io.rrpc.processor.validation;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * Recognises a parameter declared non-null. There is no one standard annotation, so any annotation whose
 * simple name is {@code NotNull}, {@code NonNull} or {@code Nonnull} counts, in any package: JetBrains'
 * {@code @NotNull} (which kapt writes on every non-null Kotlin parameter), JSpecify, AndroidX, the
 * Checker Framework, {@code javax.annotation.Nonnull}, Lombok. Both places one can sit are looked at: on
 * the declaration, and on the type for a {@code TYPE_USE} annotation such as JSpecify's.
 */
final class NonNullAnnotations {
  private static final Set<String> SIMPLE_NAMES = Set.of("NotNull", "NonNull", "Nonnull");

  private NonNullAnnotations() {}

  /** Whether the parameter or its type carries a non-null annotation. */
  static boolean isMarkedNonNull(VariableElement parameter) {
    return anyNonNull(parameter.getAnnotationMirrors())
        || anyNonNull(parameter.asType().getAnnotationMirrors());
  }

  private static boolean anyNonNull(List<? extends AnnotationMirror> annotations) {
    for (AnnotationMirror annotation : annotations) {
      String simpleName = annotation.getAnnotationType().asElement().getSimpleName().toString();
      if (SIMPLE_NAMES.contains(simpleName)) {
        return true;
      }
    }
    return false;
  }
}
