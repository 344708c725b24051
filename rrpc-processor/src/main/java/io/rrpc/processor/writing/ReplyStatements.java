package io.rrpc.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.rrpc.processor.model.KnownNames;
import io.rrpc.processor.model.Reply;
import io.rrpc.processor.model.Reply.Conversion;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** The statements that call a handler and return its result as an {@code RrpcReply}. */
final class ReplyStatements {
  private ReplyStatements() {}

  /**
   * @param call the handler call expression
   * @param handlerName {@code Class.method}, for the message of a null {@code RrpcReply}
   */
  static CodeBlock of(CodeBlock call, Reply reply, String handlerName) {
    if (reply.async()) {
      // The stage's value type is inferred from the call, so the lambda picks the right overload.
      // A value type the dispatcher cannot name would become the lambda's parameter type: see the
      // stage as one of the type the conversion takes instead.
      CodeBlock stage = reply.valueTypeNameable()
          ? call
          : CodeBlock.of("($T) $L", widenedStage(reply.conversion()), call);
      return CodeBlock.builder()
          .addStatement("return $T.async($L, value -> $L)",
              KnownNames.RRPC_REPLY, stage,
              conversion(CodeBlock.of("value"), reply.conversion(), handlerName))
          .build();
    }
    if (reply.conversion() == Conversion.OK) {
      return CodeBlock.builder()
          .addStatement("$L", call)
          .addStatement("return $T.ok()", KnownNames.RRPC_REPLY)
          .build();
    }
    return CodeBlock.builder()
        .addStatement("return $L", conversion(call, reply.conversion(), handlerName))
        .build();
  }

  /**
   * Only an object or a {@code CharSequence} value can be of a private class: boxes, {@code Void} and
   * {@code RrpcReply} are public.
   */
  private static TypeName widenedStage(Conversion conversion) {
    ClassName stage = ClassName.get(CompletionStage.class);
    return conversion == Conversion.OF
        ? ParameterizedTypeName.get(stage, WildcardTypeName.subtypeOf(CharSequence.class))
        : ParameterizedTypeName.get(stage, WildcardTypeName.subtypeOf(Object.class));
  }

  private static CodeBlock conversion(CodeBlock value, Conversion conversion, String handlerName) {
    ClassName reply = KnownNames.RRPC_REPLY;
    return switch (conversion) {
      case OK -> CodeBlock.of("$T.ok()", reply);
      // A null reply would read as "no such command" to the runtime: fail loudly instead.
      case AS_IS -> CodeBlock.of("$T.requireNonNull($L, $S)",
          Objects.class, value, handlerName + " returned a null RrpcReply");
      case OF -> CodeBlock.of("$T.of($L)", reply, value);
      case TEXT -> CodeBlock.of("$T.text($L)", reply, value);
      case JSON -> CodeBlock.of("$T.json($L)", reply, value);
    };
  }
}
