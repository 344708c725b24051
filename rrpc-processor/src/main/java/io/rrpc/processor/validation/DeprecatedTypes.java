package io.rrpc.processor.validation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * The deprecated types a dispatcher may name. javac 8 warns on the import of a deprecated type, and
 * no {@code @SuppressWarnings} reaches an import, so generated code must spell these names in full.
 */
final class DeprecatedTypes {
  private DeprecatedTypes() {}

  /**
   * The simple names of deprecated types (and of the types enclosing them) in the methods' parameter
   * types, which is where the dispatcher names types of other packages.
   */
  static Set<String> namedBy(List<ExecutableElement> methods, Elements elements) {
    Set<String> names = new TreeSet<>();
    for (ExecutableElement method : methods) {
      for (VariableElement parameter : method.getParameters()) {
        collect(parameter.asType(), elements, names);
      }
    }
    return names;
  }

  private static void collect(TypeMirror type, Elements elements, Set<String> names) {
    switch (type.getKind()) {
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        addIfDeprecated((TypeElement) declared.asElement(), elements, names);
        declared.getTypeArguments().forEach(argument -> collect(argument, elements, names));
      }
      case ARRAY -> collect(((ArrayType) type).getComponentType(), elements, names);
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          collect(wildcard.getExtendsBound(), elements, names);
        }
        if (wildcard.getSuperBound() != null) {
          collect(wildcard.getSuperBound(), elements, names);
        }
      }
      default -> { } // primitives and type variables are never imported
    }
  }

  /** {@code Outer.Inner} is imported as {@code Outer}: either one deprecated taints both names. */
  private static void addIfDeprecated(TypeElement type, Elements elements, Set<String> names) {
    boolean deprecated = false;
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      deprecated |= elements.isDeprecated(e);
    }
    if (deprecated) {
      for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
        names.add(e.getSimpleName().toString());
      }
    }
  }
}
