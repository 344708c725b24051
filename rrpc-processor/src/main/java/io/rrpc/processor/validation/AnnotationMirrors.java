package io.rrpc.processor.validation;

import com.palantir.javapoet.ClassName;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotations through their mirrors rather than {@code Element.getAnnotation}: a mirror is what
 * an error must point at, and it needs no annotation class loaded in the processor.
 */
final class AnnotationMirrors {
  private AnnotationMirrors() {}

  static Optional<AnnotationMirror> find(Element element, ClassName annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.canonicalName())) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static boolean has(Element element, ClassName annotation) {
    return find(element, annotation).isPresent();
  }

  /**
   * The {@code value} member as written, or empty when it was left to its default (for
   * {@code @RrpcParam}, the empty name).
   */
  static Optional<AnnotationValue> explicitValue(AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }
}
