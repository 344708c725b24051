package io.rrpc.processor.validation;

import com.palantir.javapoet.ClassName;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Questions the binding and return rules ask about a type. Types the processor cannot load are named
 * in {@link io.rrpc.processor.model.KnownNames}; JDK types by their class.
 */
final class KnownTypes {
  private KnownTypes() {}

  private static final Set<String> BOXES = Set.of(
      Boolean.class.getName(), Byte.class.getName(), Short.class.getName(), Integer.class.getName(),
      Long.class.getName(), Float.class.getName(), Double.class.getName(), Character.class.getName());

  /** The JDK's optional containers, which the dispatcher does not bind or convert. */
  private static final Set<String> OPTIONALS = Set.of(
      java.util.Optional.class.getName(), java.util.OptionalInt.class.getName(),
      java.util.OptionalLong.class.getName(), java.util.OptionalDouble.class.getName());

  /** Whether the type is this class or interface (with any type arguments). */
  static boolean is(TypeMirror type, ClassName name) {
    return is(type, name.canonicalName());
  }

  /** Whether the type is this JDK class or interface (with any type arguments). */
  static boolean is(TypeMirror type, Class<?> jdkType) {
    return is(type, jdkType.getCanonicalName());
  }

  static boolean isBox(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && BOXES.contains(qualifiedNameOf((DeclaredType) type));
  }

  static boolean isOptional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && OPTIONALS.contains(qualifiedNameOf((DeclaredType) type));
  }

  static boolean isByteArray(TypeMirror type) {
    return type.getKind() == TypeKind.ARRAY
        && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
  }

  private static boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && qualifiedNameOf((DeclaredType) type).equals(qualifiedName);
  }

  private static String qualifiedNameOf(DeclaredType type) {
    return ((TypeElement) type.asElement()).getQualifiedName().toString();
  }
}
