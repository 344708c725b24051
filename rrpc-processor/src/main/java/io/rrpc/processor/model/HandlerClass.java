package io.rrpc.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * A class whose {@code @RrpcCommand} and {@code @RrpcFallback} methods passed validation: everything
 * the writers need, and nothing they would have to look up again.
 *
 * @param element the annotated class, the originating element of every file written for it
 * @param className its name, for the generated code
 * @param isPublic whether every package may name the class (it and every class enclosing it is
 *     public); only then is its dispatcher public
 * @param namesNotToImport simple names of deprecated types the generated code names: it spells them
 *     in full, because javac 8 warns on importing a deprecated type and nothing can suppress that
 * @param commands its {@code @RrpcCommand} methods in declaration order
 * @param fallback its {@code @RrpcFallback} method, if any
 */
public record HandlerClass(
    TypeElement element,
    ClassName className,
    boolean isPublic,
    Set<String> namesNotToImport,
    List<HandlerMethod> commands,
    Optional<HandlerMethod> fallback) {

  public HandlerClass {
    namesNotToImport = Set.copyOf(namesNotToImport);
    commands = List.copyOf(commands);
  }

  /** Every command key of the class, in declaration order. */
  public List<String> commandKeys() {
    return commands.stream().flatMap(method -> method.keys().stream()).toList();
  }
}
