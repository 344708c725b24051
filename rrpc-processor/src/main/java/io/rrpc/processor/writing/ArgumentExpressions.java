package io.rrpc.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.rrpc.processor.model.Argument;
import io.rrpc.processor.model.KnownNames;
import java.util.Map;

/**
 * The expression that computes one handler argument from {@code request}. Every {@code @RrpcParam}
 * conversion is a static call into {@code RrpcParams}, so that a missing or mistyped member throws
 * {@code invalid_params} before the handler is called. A parameter declared non-null wraps that call in
 * {@code RrpcParams.requirePresent}.
 */
final class ArgumentExpressions {
  private ArgumentExpressions() {}

  private static final Map<TypeName, String> PRIMITIVE_SUFFIXES = Map.of(
      TypeName.BOOLEAN, "Boolean",
      TypeName.BYTE, "Byte",
      TypeName.SHORT, "Short",
      TypeName.INT, "Int",
      TypeName.LONG, "Long",
      TypeName.FLOAT, "Float",
      TypeName.DOUBLE, "Double",
      TypeName.CHAR, "Char");

  static CodeBlock of(Argument argument) {
    CodeBlock value = valueOf(argument);
    // The optional* call gives null for a missing or JSON null member; a non-null parameter refuses it.
    return argument.nonNull()
        ? CodeBlock.of("$T.requirePresent($L, $S)", KnownNames.RRPC_PARAMS, value, argument.paramName())
        : value;
  }

  private static CodeBlock valueOf(Argument argument) {
    TypeName type = argument.type().withoutAnnotations();
    String name = argument.paramName();
    return switch (argument.source()) {
      case REQUEST -> CodeBlock.of("request");
      case PAYLOAD -> CodeBlock.of("request.payload()");
      case ARGUMENT_TEXT -> CodeBlock.of("request.argumentText()");
      case REQUIRED_PRIMITIVE -> params("require" + PRIMITIVE_SUFFIXES.get(type), name);
      case OPTIONAL_BOX -> params("optional" + PRIMITIVE_SUFFIXES.get(type.unbox()), name);
      case OPTIONAL_STRING -> params("optionalString", name);
      case JSON_ELEMENT -> params("optionalJsonElement", name);
      case JSON_OBJECT -> params("optionalJsonObject", name);
      case JSON_ARRAY -> params("optionalJsonArray", name);
      case OPTIONAL_ENUM -> CodeBlock.of(
          "$T.optionalEnum(request, $S, $T.values())", KnownNames.RRPC_PARAMS, name, type);
      case GSON -> CodeBlock.of(
          "$T.optionalGson(request, $S, $L)", KnownNames.RRPC_PARAMS, name, typeToken(type));
    };
  }

  private static CodeBlock params(String method, String name) {
    return CodeBlock.of("$T.$N(request, $S)", KnownNames.RRPC_PARAMS, method, name);
  }

  /**
   * {@code TypeToken.get(T.class)} when a class literal says it all; an anonymous subclass, which
   * keeps the type arguments, for a parameterized type.
   */
  private static CodeBlock typeToken(TypeName type) {
    if (isParameterized(type)) {
      return CodeBlock.of("new $T() {}", ParameterizedTypeName.get(KnownNames.TYPE_TOKEN, type));
    }
    return CodeBlock.of("$T.get($T.class)", KnownNames.TYPE_TOKEN, type);
  }

  private static boolean isParameterized(TypeName type) {
    if (type instanceof ArrayTypeName array) {
      return isParameterized(array.componentType());
    }
    return type instanceof ParameterizedTypeName;
  }
}
