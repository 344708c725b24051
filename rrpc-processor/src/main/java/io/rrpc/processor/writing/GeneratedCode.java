package io.rrpc.processor.writing;

import com.palantir.javapoet.AnnotationSpec;

/** What every generated class carries besides {@code @Generated}. */
final class GeneratedCode {
  private GeneratedCode() {}

  /**
   * Warnings generated code cannot avoid: a handler, a parameter type or a whole handler class may
   * be deprecated, and calling it from the dispatcher is still what the developer asked for.
   */
  static final AnnotationSpec SUPPRESS_WARNINGS = AnnotationSpec.builder(SuppressWarnings.class)
      .addMember("value", "{$S, $S}", "deprecation", "removal")
      .build();
}
