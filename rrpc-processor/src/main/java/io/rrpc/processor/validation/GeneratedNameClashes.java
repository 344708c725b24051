package io.rrpc.processor.validation;

import com.palantir.javapoet.ClassName;
import io.rrpc.processor.model.GeneratedNames;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * Generated names join nested names with {@code _}, so {@code A.B} and {@code A_B} would both get
 * {@code A_B_RrpcDispatcher}. Remembers which class took each name in this compilation (over all
 * rounds) and reports both classes of a clash, instead of the {@code Filer}'s "file already exists"
 * on whichever came second.
 */
public final class GeneratedNameClashes {
  private final ErrorReporter errors;
  private final Map<ClassName, TypeElement> owners = new HashMap<>();

  public GeneratedNameClashes(ErrorReporter errors) {
    this.errors = errors;
  }

  /** Takes the class's generated name; false, after reporting both classes, if another has it. */
  public boolean claim(TypeElement type) {
    ClassName generated = GeneratedNames.dispatcherOf(ClassName.get(type));
    TypeElement owner = owners.putIfAbsent(generated, type);
    if (owner == null || owner.getQualifiedName().contentEquals(type.getQualifiedName())) {
      return true;
    }
    String message = ProcessorErrors.generatedNameClash(
        generated.canonicalName(),
        owner.getQualifiedName().toString(),
        type.getQualifiedName().toString());
    errors.error(message, owner);
    errors.error(message, type);
    return false;
  }
}
