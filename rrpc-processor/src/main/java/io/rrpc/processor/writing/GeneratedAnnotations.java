package io.rrpc.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import io.rrpc.processor.model.KnownNames;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The {@code @Generated} marker that exists in this compilation, as Dagger chooses it: Java 9 moved it
 * to {@code javax.annotation.processing}, and Java 11 removed the old {@code javax.annotation} one
 * unless a library provides it; a {@code --release 8} compile sees only the old one.
 */
public final class GeneratedAnnotations {
  private GeneratedAnnotations() {}

  /** {@code @Generated("io.rrpc.processor.RrpcProcessor")} in its available form, or none. */
  public static Optional<AnnotationSpec> generatedAnnotation(
      Elements elements, SourceVersion sourceVersion, String generator) {
    return generatedAnnotationType(elements, sourceVersion)
        .map(type -> AnnotationSpec.builder(ClassName.get(type)).addMember("value", "$S", generator).build());
  }

  private static Optional<TypeElement> generatedAnnotationType(
      Elements elements, SourceVersion sourceVersion) {
    if (sourceVersion.compareTo(SourceVersion.RELEASE_8) > 0) {
      TypeElement modern = elements.getTypeElement(KnownNames.GENERATED.canonicalName());
      if (modern != null) {
        return Optional.of(modern);
      }
    }
    return Optional.ofNullable(elements.getTypeElement(KnownNames.GENERATED_JAVA8.canonicalName()));
  }
}
