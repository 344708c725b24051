package io.rrpc.processor.writing;

/**
 * Generated source in plain ASCII. javac writes a generated file in the compilation's encoding
 * ({@code -encoding}, else the platform default), so a key such as {@code "caf\u00e9"} would become
 * {@code "caf?"} where that encoding cannot hold it. Every other character is written as a Unicode
 * escape, which javac reads back exactly whatever the encoding, in literals, identifiers and comments
 * alike.
 */
final class AsciiSource {
  private AsciiSource() {}

  static String of(String source) {
    StringBuilder ascii = new StringBuilder(source.length());
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c < 0x80) {
        ascii.append(c);
      } else {
        // JavaPoet writes a backslash in a literal as two, so this one always starts an escape.
        ascii.append(String.format("\\u%04x", (int) c));
      }
    }
    return ascii.toString();
  }
}
