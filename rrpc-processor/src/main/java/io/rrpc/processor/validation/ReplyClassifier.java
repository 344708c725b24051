package io.rrpc.processor.validation;

import io.rrpc.processor.model.KnownNames;
import io.rrpc.processor.model.Reply;
import io.rrpc.processor.model.Reply.Conversion;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Decides how a handler's return value becomes a reply, reporting return types that cannot. */
final class ReplyClassifier {
  private final ErrorReporter errors;
  private final Elements elements;
  private final Types types;
  private final Accessibility accessibility;
  private final TypeElement completionStage;
  private final TypeMirror charSequence;
  private final TypeMirror object;

  ReplyClassifier(ErrorReporter errors, Elements elements, Types types) {
    this.errors = errors;
    this.elements = elements;
    this.types = types;
    this.accessibility = new Accessibility(elements);
    this.completionStage = elements.getTypeElement(CompletionStage.class.getCanonicalName());
    this.charSequence = elements.getTypeElement(CharSequence.class.getCanonicalName()).asType();
    this.object = elements.getTypeElement(Object.class.getCanonicalName()).asType();
  }

  /** How the method's return value becomes a reply, or empty after reporting why it cannot. */
  Optional<Reply> classify(ExecutableElement method) {
    TypeMirror type = method.getReturnType();
    if (type.getKind() == TypeKind.VOID) {
      return Optional.of(new Reply(Conversion.OK, false));
    }
    Optional<DeclaredType> stage = asCompletionStage(type);
    if (stage.isEmpty()) {
      if (KnownTypes.isOptional(type)) {
        errors.error(ProcessorErrors.optionalReturn(type.toString()), method);
        return Optional.empty();
      }
      return Optional.of(new Reply(conversionOf(type), false));
    }
    if (stage.get().getTypeArguments().isEmpty()) {
      errors.error(ProcessorErrors.rawCompletionStage(type.toString()), method);
      return Optional.empty();
    }
    TypeMirror argument = stage.get().getTypeArguments().get(0);
    TypeMirror value = upperBound(argument);
    if (asCompletionStage(value).isPresent()) {
      errors.error(ProcessorErrors.nestedCompletionStage(type.toString()), method);
      return Optional.empty();
    }
    if (KnownTypes.isOptional(value)) {
      errors.error(ProcessorErrors.optionalReturn(type.toString()), method);
      return Optional.empty();
    }
    boolean nameable = accessibility.isAccessible(argument, elements.getPackageOf(method));
    return Optional.of(new Reply(conversionOf(value), true, nameable));
  }

  private Conversion conversionOf(TypeMirror type) {
    if (type.getKind().isPrimitive()
        || KnownTypes.isByteArray(type)
        || (type.getKind() == TypeKind.DECLARED && types.isAssignable(type, charSequence))) {
      return Conversion.OF;
    }
    if (KnownTypes.is(type, Void.class)) {
      return Conversion.OK;
    }
    if (KnownTypes.is(type, KnownNames.RRPC_REPLY)) {
      return Conversion.AS_IS;
    }
    if (KnownTypes.isBox(type)) {
      return Conversion.TEXT;
    }
    return Conversion.JSON;
  }

  /**
   * The {@code CompletionStage<T>} this type is or implements, as seen from the type itself (so a
   * {@code CompletableFuture<String>} gives {@code CompletionStage<String>}, and a raw type gives a
   * raw stage); empty if it is no stage.
   */
  private Optional<DeclaredType> asCompletionStage(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    if (declared.asElement().equals(completionStage)) {
      return Optional.of(declared);
    }
    for (TypeMirror supertype : types.directSupertypes(declared)) {
      Optional<DeclaredType> found = asCompletionStage(supertype);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** {@code ? extends X} converts like {@code X}; {@code ?} and {@code ? super X} like Object. */
  private TypeMirror upperBound(TypeMirror type) {
    if (type.getKind() != TypeKind.WILDCARD) {
      return type;
    }
    TypeMirror bound = ((WildcardType) type).getExtendsBound();
    return bound == null ? object : bound;
  }
}
