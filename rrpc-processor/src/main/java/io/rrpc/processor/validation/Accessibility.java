package io.rrpc.processor.validation;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * Whether generated code in a package may name a type. The dispatcher names a parameter's type only
 * for enums ({@code E.values()}) and Gson bindings ({@code TypeToken}); a handler may legally declare
 * a parameter of a type the dispatcher's package cannot see, which would otherwise surface as a
 * compile error in generated code.
 */
final class Accessibility {
  private final Elements elements;

  Accessibility(Elements elements) {
    this.elements = elements;
  }

  boolean isAccessible(TypeMirror type, PackageElement from) {
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        if (!isAccessible((TypeElement) declared.asElement(), from)) {
          return false;
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (!isAccessible(argument, from)) {
            return false;
          }
        }
        return true;
      case ARRAY:
        return isAccessible(((ArrayType) type).getComponentType(), from);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() == null || isAccessible(wildcard.getExtendsBound(), from))
            && (wildcard.getSuperBound() == null || isAccessible(wildcard.getSuperBound(), from));
      case TYPEVAR:
        return false; // no type variable is in scope in a generated dispatcher
      default:
        return true; // primitives
    }
  }

  private boolean isAccessible(TypeElement type, PackageElement from) {
    // A nested type is as accessible as the least accessible of the types enclosing it. Protected
    // counts as package access: the dispatcher is no subclass of anything the handler declares.
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!e.getModifiers().contains(Modifier.PUBLIC) && !elements.getPackageOf(e).equals(from)) {
        return false;
      }
    }
    return true;
  }
}
