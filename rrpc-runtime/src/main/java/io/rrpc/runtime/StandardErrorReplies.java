package io.rrpc.runtime;

import java.nio.charset.StandardCharsets;

/** The documented error reply format; see {@link ErrorReplyPolicy#standard()}. */
final class StandardErrorReplies implements ErrorReplyPolicy {
  static final StandardErrorReplies INSTANCE = new StandardErrorReplies();

  private StandardErrorReplies() {}

  @Override
  public byte[] errorReply(Outcome outcome, String code, String message, RrpcRequest request) {
    String text;
    if (request.isJson()) {
      StringBuilder json = new StringBuilder(48 + code.length() + message.length());
      json.append("{\"error\":{\"code\":");
      quote(json, code);
      json.append(",\"message\":");
      quote(json, message);
      text = json.append("}}").toString();
    } else {
      text = "error " + code + ": " + message;
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON string literal; hand-written because error replies must not depend on Gson's binding. */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
