package io.rrpc.processor.validation;

import io.rrpc.processor.model.KnownNames;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * Reports {@code @RrpcParam} where it does nothing: on a parameter of a method that is neither
 * {@code @RrpcCommand} nor {@code @RrpcFallback}, or of a constructor. That is almost always a
 * forgotten {@code @RrpcCommand}, which would otherwise surface only at run time as an unknown command.
 */
public final class StrayParamValidator {
  private final ErrorReporter errors;

  public StrayParamValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  public void check(Element parameter) {
    Element executable = parameter.getEnclosingElement();
    boolean onHandler = executable.getKind() == ElementKind.METHOD
        && (AnnotationMirrors.has(executable, KnownNames.RRPC_COMMAND)
            || AnnotationMirrors.has(executable, KnownNames.RRPC_FALLBACK));
    if (!onHandler) {
      errors.error(
          ProcessorErrors.PARAM_WITHOUT_HANDLER,
          parameter,
          AnnotationMirrors.find(parameter, KnownNames.RRPC_PARAM).orElseThrow());
    }
  }
}
