package io.rrpc.processor.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * The command keys of one class: reads each method's {@code @RrpcCommand} keys and checks them against
 * the rules of the runtime's key extraction (a key is a non-blank word) and against the keys the
 * class's earlier methods declared.
 */
final class CommandKeys {
  private final ErrorReporter errors;
  private final Map<String, ExecutableElement> declaredBy = new HashMap<>();

  CommandKeys(ErrorReporter errors) {
    this.errors = errors;
  }

  /** The method's keys in declaration order, or empty after reporting what is wrong with them. */
  Optional<List<String>> read(ExecutableElement method, AnnotationMirror command) {
    Optional<AnnotationValue> written = AnnotationMirrors.explicitValue(command);
    if (written.isEmpty()) {
      return Optional.empty(); // @RrpcCommand without value: javac reports the missing member
    }
    List<? extends AnnotationValue> values = keyValues(written.get());
    if (values.isEmpty()) {
      errors.error(ProcessorErrors.NO_KEYS, method, command);
      return Optional.empty();
    }
    int errorsBefore = errors.errorCount();
    List<String> keys = new ArrayList<>();
    for (AnnotationValue value : values) {
      if (!(value.getValue() instanceof String key)) {
        continue; // not a constant: javac reports that itself
      }
      if (key.isBlank()) {
        errors.error(ProcessorErrors.BLANK_KEY, method, command, value);
      } else if (containsWhitespace(key)) {
        errors.error(ProcessorErrors.keyWithWhitespace(key), method, command, value);
      } else if (containsLoneSurrogate(key)) {
        errors.error(ProcessorErrors.keyWithLoneSurrogate(escapeSurrogates(key)), method, command, value);
      } else {
        ExecutableElement first = declaredBy.putIfAbsent(key, method);
        if (first == method) {
          errors.error(ProcessorErrors.keyRepeatedInOneMethod(key), method, command, value);
        } else if (first != null) {
          errors.error(
              ProcessorErrors.duplicateKey(key, first.getSimpleName().toString()),
              method, command, value);
        } else {
          keys.add(key);
        }
      }
    }
    return errors.errorCount() == errorsBefore ? Optional.of(keys) : Optional.empty();
  }

  @SuppressWarnings("unchecked") // javac represents an array member as a list of AnnotationValues
  private static List<? extends AnnotationValue> keyValues(AnnotationValue written) {
    return written.getValue() instanceof List<?> list
        ? (List<? extends AnnotationValue>) list
        : List.of();
  }

  /**
   * A lone surrogate survives in a Java string but not in UTF-8: the runtime decodes request bytes,
   * so such a key could never match.
   */
  private static boolean containsLoneSurrogate(String key) {
    return key.codePoints().anyMatch(c -> c <= Character.MAX_VALUE && Character.isSurrogate((char) c));
  }

  /** The key as Java source would spell it, so that a message can show the surrogate. */
  private static String escapeSurrogates(String key) {
    StringBuilder escaped = new StringBuilder();
    key.chars().forEach(c -> escaped.append(
        Character.isSurrogate((char) c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return escaped.toString();
  }

  /** Whitespace as the runtime's key extraction sees it ({@link Character#isWhitespace}). */
  private static boolean containsWhitespace(String key) {
    return key.codePoints().anyMatch(Character::isWhitespace);
  }
}
