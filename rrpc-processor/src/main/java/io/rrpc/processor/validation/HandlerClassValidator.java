package io.rrpc.processor.validation;

import com.palantir.javapoet.ClassName;
import io.rrpc.processor.model.Argument;
import io.rrpc.processor.model.HandlerClass;
import io.rrpc.processor.model.HandlerMethod;
import io.rrpc.processor.model.KnownNames;
import io.rrpc.processor.model.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks every rule for one class with {@code @RrpcCommand} or {@code @RrpcFallback} methods and, if
 * none is broken, returns the model the writers work from. Every problem is reported on the element
 * at fault; a class with any error yields no model (and so no generated code).
 */
public final class HandlerClassValidator {
  /**
   * The most command keys one class may declare. The writer splits a large switch over several
   * methods, but the dispatcher's constant pool and its key list still grow with every key; the tests
   * compile this many keys of every kind.
   */
  public static final int MAX_COMMAND_KEYS = 2000;

  private final ErrorReporter errors;
  private final Elements elements;
  private final Types types;
  private final ParameterBinder parameters;
  private final ReplyClassifier replies;

  public HandlerClassValidator(ErrorReporter errors, Elements elements, Types types) {
    this.errors = errors;
    this.elements = elements;
    this.types = types;
    this.parameters = new ParameterBinder(errors, elements);
    this.replies = new ReplyClassifier(errors, elements, types);
  }

  /** The class's handler methods, in declaration order. */
  public static List<ExecutableElement> handlerMethodsOf(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (AnnotationMirrors.has(method, KnownNames.RRPC_COMMAND)
          || AnnotationMirrors.has(method, KnownNames.RRPC_FALLBACK)) {
        methods.add(method);
      }
    }
    return methods;
  }

  /** The validated model of the class, or empty after reporting every rule it breaks. */
  public Optional<HandlerClass> validate(TypeElement type) {
    int errorsBefore = errors.errorCount();
    List<ExecutableElement> methods = handlerMethodsOf(type);
    if (type.getKind() == ElementKind.INTERFACE || type.getKind() == ElementKind.ANNOTATION_TYPE) {
      for (ExecutableElement method : methods) {
        errors.error(ProcessorErrors.notInClass(type.getQualifiedName().toString()), method);
      }
      return Optional.empty();
    }
    Optional<String> enclosingProblem = enclosingClassProblem(type);
    CommandKeys keys = new CommandKeys(errors);
    List<HandlerMethod> commands = new ArrayList<>();
    Optional<HandlerMethod> fallback = Optional.empty();
    ExecutableElement fallbackElement = null;
    for (ExecutableElement method : methods) {
      enclosingProblem.ifPresent(message -> errors.error(message, method));
      Optional<AnnotationMirror> command = AnnotationMirrors.find(method, KnownNames.RRPC_COMMAND);
      Optional<AnnotationMirror> fallbackMark = AnnotationMirrors.find(method, KnownNames.RRPC_FALLBACK);
      if (command.isPresent() && fallbackMark.isPresent()) {
        errors.error(ProcessorErrors.COMMAND_AND_FALLBACK, method, fallbackMark.get());
        continue;
      }
      if (command.isPresent()) {
        Optional<List<String>> commandKeys = keys.read(method, command.get());
        Optional<HandlerMethod> handler = handlerMethod(method, commandKeys.orElse(List.of()));
        if (commandKeys.isPresent()) {
          handler.ifPresent(commands::add);
        }
      } else if (fallbackElement != null) {
        errors.error(
            ProcessorErrors.duplicateFallback(fallbackElement.getSimpleName().toString()),
            method, fallbackMark.get());
      } else {
        fallbackElement = method;
        fallback = handlerMethod(method, List.of());
      }
    }
    int keyCount = commands.stream().mapToInt(command -> command.keys().size()).sum();
    if (keyCount > MAX_COMMAND_KEYS) {
      errors.error(ProcessorErrors.tooManyCommands(keyCount, MAX_COMMAND_KEYS), type);
    }
    if (errors.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new HandlerClass(
        type,
        ClassName.get(type),
        isEffectivelyPublic(type),
        DeprecatedTypes.namedBy(methods, elements),
        commands,
        fallback));
  }

  /** The method-level rules; the model of the method if it breaks none of them. */
  private Optional<HandlerMethod> handlerMethod(ExecutableElement method, List<String> keys) {
    int errorsBefore = errors.errorCount();
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      errors.error(ProcessorErrors.PRIVATE_METHOD, method);
    }
    if (!method.getTypeParameters().isEmpty()) {
      errors.error(ProcessorErrors.GENERIC_METHOD, method);
    }
    if (isSuspendFunction(method)) {
      // Its parameters and return type are kapt's translation, not what the developer wrote.
      errors.error(ProcessorErrors.SUSPEND_FUNCTION, method);
      return Optional.empty();
    }
    checkThrownTypes(method);
    Optional<List<Argument>> arguments = parameters.bind(method);
    Optional<Reply> reply = replies.classify(method);
    if (errors.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new HandlerMethod(
        method.getSimpleName().toString(),
        keys,
        method.getModifiers().contains(Modifier.STATIC),
        arguments.orElseThrow(),
        reply.orElseThrow()));
  }

  /** kapt shows {@code suspend fun f(): T} as {@code Object f(Continuation<? super T>)}. */
  private static boolean isSuspendFunction(ExecutableElement method) {
    List<? extends VariableElement> parameters = method.getParameters();
    return !parameters.isEmpty()
        && KnownTypes.is(parameters.get(parameters.size() - 1).asType(), KnownNames.KOTLIN_CONTINUATION);
  }

  /** {@code dispatch()} declares {@code throws Exception}; errors need no declaration. */
  private void checkThrownTypes(ExecutableElement method) {
    TypeMirror exception = elements.getTypeElement(Exception.class.getCanonicalName()).asType();
    TypeMirror error = elements.getTypeElement(Error.class.getCanonicalName()).asType();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!types.isSubtype(thrown, exception) && !types.isSubtype(thrown, error)) {
        errors.error(ProcessorErrors.undeclarableException(thrown.toString()), method);
      }
    }
  }

  /**
   * Whether code in any package may name the class. Only then is its dispatcher public: a public
   * constructor taking a class its module's clients cannot see is what {@code -Xlint:exports} flags.
   */
  private static boolean isEffectivelyPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Why the generated dispatcher, a top-level class in the same package, could not call methods of
   * this class; empty if it can.
   */
  private static Optional<String> enclosingClassProblem(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(ProcessorErrors.privateEnclosingClass(((TypeElement) e).getQualifiedName().toString()));
      }
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)
        && isClassLike(type.getEnclosingElement())) {
      return Optional.of(ProcessorErrors.innerClass(type.getQualifiedName().toString()));
    }
    if (!type.getTypeParameters().isEmpty()) {
      return Optional.of(ProcessorErrors.genericClass(type.getQualifiedName().toString()));
    }
    return Optional.empty();
  }

  /** Classes, enums and records may hold inner classes; members of interfaces are always static. */
  private static boolean isClassLike(Element element) {
    ElementKind kind = element.getKind();
    return kind == ElementKind.CLASS || kind == ElementKind.ENUM || kind == ElementKind.RECORD;
  }
}
