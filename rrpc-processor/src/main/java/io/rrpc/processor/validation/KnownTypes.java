package io.rrpc.processor.validation;

import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The types the binding and return rules recognise, by qualified name: the processor does not depend
 * on the runtime or on Gson, it only names them.
 */
final class KnownTypes {
  private KnownTypes() {}

  static final String RRPC_COMMAND = "io.rrpc.annotations.RrpcCommand";
  static final String RRPC_FALLBACK = "io.rrpc.annotations.RrpcFallback";
  static final String RRPC_PARAM = "io.rrpc.annotations.RrpcParam";

  static final String RRPC_REQUEST = "io.rrpc.runtime.RrpcRequest";
  static final String RRPC_REPLY = "io.rrpc.runtime.RrpcReply";

  static final String JSON_ELEMENT = "com.google.gson.JsonElement";
  static final String JSON_OBJECT = "com.google.gson.JsonObject";
  static final String JSON_ARRAY = "com.google.gson.JsonArray";

  static final String STRING = "java.lang.String";
  static final String CHAR_SEQUENCE = "java.lang.CharSequence";
  static final String VOID = "java.lang.Void";
  static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";

  private static final Set<String> BOXES = Set.of(
      "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer",
      "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Character");

  /** Whether the type is the class or interface with this qualified name (any type arguments). */
  static boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && qualifiedNameOf((DeclaredType) type).equals(qualifiedName);
  }

  static boolean isBox(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && BOXES.contains(qualifiedNameOf((DeclaredType) type));
  }

  static boolean isByteArray(TypeMirror type) {
    return type.getKind() == TypeKind.ARRAY
        && ((javax.lang.model.type.ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
  }

  private static String qualifiedNameOf(DeclaredType type) {
    return ((TypeElement) type.asElement()).getQualifiedName().toString();
  }
}
