package io.rrpc.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import io.rrpc.processor.model.HandlerClass;
import io.rrpc.processor.model.KnownNames;
import io.rrpc.processor.validation.ErrorReporter;
import io.rrpc.processor.validation.GeneratedNameClashes;
import io.rrpc.processor.validation.HandlerClassValidator;
import io.rrpc.processor.validation.ProcessorErrors;
import io.rrpc.processor.validation.StrayParamValidator;
import io.rrpc.processor.validation.UnnamedClassAnnotations;
import io.rrpc.processor.writing.GeneratedAnnotations;
import io.rrpc.processor.writing.HandlerClassWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The rrpc annotation processor: for every class with {@code @RrpcCommand} or {@code @RrpcFallback}
 * methods it writes {@code <Class>_RrpcDispatcher}, and, when Dagger is on the classpath,
 * {@code <Class>_RrpcModule}.
 *
 * <p>Each class goes through the same three steps: the validator checks every rule, reporting each
 * problem on the element at fault, and returns a model only for a class with no error; the writer
 * writes the generated sources from that model alone. One class's errors do not stop the others.
 * Every generated file has exactly one originating element, its handler class, which makes the
 * processor <em>isolating</em> for Gradle's incremental compilation.
 *
 * <p>Annotations javac never hands a processor (in local and anonymous classes, enum-constant bodies
 * and lambdas) are reported by {@link UnnamedClassAnnotations} once javac has analysed each class.
 *
 * <p>Option {@code -Arrpc.dagger=disabled} turns the Dagger modules off.
 */
@AutoService(Processor.class)
public final class RrpcProcessor extends AbstractProcessor {
  /** The processor option that turns Dagger modules off: {@code -Arrpc.dagger=disabled}. */
  public static final String DAGGER_OPTION = "rrpc.dagger";

  private ErrorReporter errors;
  private HandlerClassValidator validator;
  private StrayParamValidator strayParams;
  private GeneratedNameClashes nameClashes;
  private HandlerClassWriter writer;
  private DaggerModules daggerModules;
  /**
   * Classes whose handler methods mention types not generated yet (by another processor, in a later
   * round), by qualified name: an element is valid only in the round that produced it.
   */
  private final Set<String> deferred = new LinkedHashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    KnownNames.ANNOTATIONS.forEach(name -> names.add(name.canonicalName()));
    return names;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(DAGGER_OPTION);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    errors = new ErrorReporter(env.getMessager());
    validator = new HandlerClassValidator(errors, env.getElementUtils(), env.getTypeUtils());
    strayParams = new StrayParamValidator(errors);
    nameClashes = new GeneratedNameClashes(errors);
    UnnamedClassAnnotations.install(env);
    writer = new HandlerClassWriter(
        env.getFiler(),
        GeneratedAnnotations.generatedAnnotation(
            env.getElementUtils(), env.getSourceVersion(), RrpcProcessor.class.getCanonicalName()));
    daggerModules = new DaggerModules(env, errors);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (round.processingOver()) {
      for (String name : deferred) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
        if (type != null) {
          errors.error(ProcessorErrors.unresolvedTypes(name), type);
        } else {
          errors.error(ProcessorErrors.unresolvedTypes(name));
        }
      }
      deferred.clear();
      return false;
    }
    Map<String, TypeElement> classes = new LinkedHashMap<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        classes.put(name, type);
      }
    }
    deferred.clear();
    for (Element method : annotatedWith(round, KnownNames.RRPC_COMMAND, KnownNames.RRPC_FALLBACK)) {
      if (method.getKind() == ElementKind.METHOD) {
        TypeElement type = (TypeElement) method.getEnclosingElement();
        classes.putIfAbsent(type.getQualifiedName().toString(), type);
      }
    }
    for (Element parameter : annotatedWith(round, KnownNames.RRPC_PARAM)) {
      try {
        strayParams.check(parameter);
      } catch (RuntimeException e) {
        errors.error(ProcessorErrors.internalError(parameter.getEnclosingElement().toString(), e), parameter);
      }
    }
    for (TypeElement type : classes.values()) {
      process(type);
    }
    // Like AutoValue and Dagger, claim nothing: javac does not run a "*" processor on a class whose
    // annotations are all claimed, and such a processor may generate types our handlers use.
    return false;
  }

  private void process(TypeElement type) {
    String name = type.getQualifiedName().toString();
    try {
      if (UnresolvedTypes.in(HandlerClassValidator.handlerMethodsOf(type))) {
        deferred.add(name);
        return;
      }
      if (!nameClashes.claim(type)) {
        return;
      }
      Optional<HandlerClass> handler = validator.validate(type);
      if (handler.isPresent()) {
        writer.write(handler.get(), daggerModules.wantedFor(type));
      }
    } catch (IOException e) {
      errors.error(ProcessorErrors.writeFailed(name, e), type);
    } catch (RuntimeException e) {
      // A bug here must not crash javac and hide every other diagnostic of the compilation.
      errors.error(ProcessorErrors.internalError(name, e), type);
    }
  }

  private Set<Element> annotatedWith(RoundEnvironment round, ClassName... annotations) {
    Set<Element> elements = new LinkedHashSet<>();
    for (ClassName annotation : annotations) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation.canonicalName());
      if (type != null) { // null only when rrpc-annotations is not on the classpath: nothing to do
        elements.addAll(round.getElementsAnnotatedWith(type));
      }
    }
    return elements;
  }
}
