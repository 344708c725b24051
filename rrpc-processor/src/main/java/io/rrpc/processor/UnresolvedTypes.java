package io.rrpc.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Whether handler methods mention a type javac could not resolve yet, typically one another
 * processor generates in a later round. Such a class is processed again in the next round instead
 * of being reported for types that will exist by then.
 */
final class UnresolvedTypes {
  private UnresolvedTypes() {}

  static boolean in(List<ExecutableElement> methods) {
    for (ExecutableElement method : methods) {
      if (isUnresolved(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (isUnresolved(parameter.asType())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isUnresolved(TypeMirror type) {
    switch (type.getKind()) {
      case ERROR:
        return true;
      case DECLARED:
        return ((DeclaredType) type).getTypeArguments().stream().anyMatch(UnresolvedTypes::isUnresolved);
      case ARRAY:
        return isUnresolved(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() != null && isUnresolved(wildcard.getExtendsBound()))
            || (wildcard.getSuperBound() != null && isUnresolved(wildcard.getSuperBound()));
      default:
        return false;
    }
  }
}
