package io.rrpc.processor.validation;

import com.palantir.javapoet.TypeName;
import io.rrpc.processor.model.Argument;
import io.rrpc.processor.model.Argument.Source;
import io.rrpc.processor.model.KnownNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Decides where each parameter of a handler method gets its value, reporting what cannot be bound. */
final class ParameterBinder {
  private final ErrorReporter errors;
  private final Elements elements;
  private final Accessibility accessibility;

  ParameterBinder(ErrorReporter errors, Elements elements) {
    this.errors = errors;
    this.elements = elements;
    this.accessibility = new Accessibility(elements);
  }

  /** The arguments of the method, or empty after reporting every parameter that cannot be bound. */
  Optional<List<Argument>> bind(ExecutableElement method) {
    int errorsBefore = errors.errorCount();
    PackageElement dispatcherPackage = elements.getPackageOf(method);
    Map<String, VariableElement> boundNames = new LinkedHashMap<>();
    List<Argument> arguments = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      Optional<AnnotationMirror> param = AnnotationMirrors.find(parameter, KnownNames.RRPC_PARAM);
      Optional<Argument> argument = param.isPresent()
          ? bindParam(parameter, param.get(), boundNames, dispatcherPackage)
          : bindUnannotated(parameter);
      argument.ifPresent(arguments::add);
    }
    return errors.errorCount() == errorsBefore ? Optional.of(arguments) : Optional.empty();
  }

  private Optional<Argument> bindUnannotated(VariableElement parameter) {
    TypeMirror type = parameter.asType();
    if (KnownTypes.is(type, KnownNames.RRPC_REQUEST)) {
      return argument(Source.REQUEST, type, null);
    }
    if (KnownTypes.isByteArray(type)) {
      return argument(Source.PAYLOAD, type, null);
    }
    if (KnownTypes.is(type, String.class)) {
      return argument(Source.ARGUMENT_TEXT, type, null);
    }
    errors.error(ProcessorErrors.unsupportedParameter(type.toString()), parameter);
    return Optional.empty();
  }

  private Optional<Argument> bindParam(
      VariableElement parameter,
      AnnotationMirror param,
      Map<String, VariableElement> boundNames,
      PackageElement dispatcherPackage) {
    String name = AnnotationMirrors.explicitValue(param)
        .map(v -> v.getValue() instanceof String s ? s : "")
        .orElse("");
    if (name.isEmpty()) {
      errors.error(ProcessorErrors.emptyParamName(parameter.getSimpleName().toString()), parameter, param);
      return Optional.empty();
    }
    VariableElement first = boundNames.putIfAbsent(name, parameter);
    if (first != null) {
      errors.error(
          ProcessorErrors.duplicateParamName(name, first.getSimpleName().toString()), parameter, param);
      return Optional.empty();
    }
    TypeMirror type = parameter.asType();
    if (KnownTypes.isOptional(type)) {
      errors.error(ProcessorErrors.OPTIONAL_PARAMETER, parameter, param);
      return Optional.empty();
    }
    Source source = paramSource(type);
    if (source == null) {
      errors.error(ProcessorErrors.unsupportedParameter(type.toString()), parameter, param);
      return Optional.empty();
    }
    if (source == Source.REQUEST) {
      errors.error(ProcessorErrors.PARAM_ON_REQUEST, parameter, param);
      return Optional.empty();
    }
    if ((source == Source.OPTIONAL_ENUM || source == Source.GSON)
        && !accessibility.isAccessible(type, dispatcherPackage)) {
      errors.error(
          ProcessorErrors.inaccessibleParameterType(
              type.toString(), dispatcherPackage.getQualifiedName().toString()),
          parameter);
      return Optional.empty();
    }
    // A primitive is required anyway; for a reference type a non-null annotation asks for the same.
    boolean nonNull = source != Source.REQUIRED_PRIMITIVE && NonNullAnnotations.isMarkedNonNull(parameter);
    return Optional.of(new Argument(source, TypeName.get(type), name, nonNull));
  }

  /** The binding of an {@code @RrpcParam} parameter of this type, or null if none fits. */
  private static Source paramSource(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Source.REQUIRED_PRIMITIVE;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return Source.GSON;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null; // a type variable or intersection: nothing to name it by
    }
    if (KnownTypes.is(type, KnownNames.RRPC_REQUEST)) {
      return Source.REQUEST;
    }
    if (KnownTypes.isBox(type)) {
      return Source.OPTIONAL_BOX;
    }
    if (KnownTypes.is(type, String.class)) {
      return Source.OPTIONAL_STRING;
    }
    if (KnownTypes.is(type, KnownNames.JSON_ELEMENT)) {
      return Source.JSON_ELEMENT;
    }
    if (KnownTypes.is(type, KnownNames.JSON_OBJECT)) {
      return Source.JSON_OBJECT;
    }
    if (KnownTypes.is(type, KnownNames.JSON_ARRAY)) {
      return Source.JSON_ARRAY;
    }
    if (((DeclaredType) type).asElement().getKind() == ElementKind.ENUM) {
      return Source.OPTIONAL_ENUM;
    }
    return Source.GSON;
  }

  private static Optional<Argument> argument(Source source, TypeMirror type, String paramName) {
    return Optional.of(new Argument(source, TypeName.get(type), paramName, false));
  }
}
