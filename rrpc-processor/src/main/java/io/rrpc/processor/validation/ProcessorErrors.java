package io.rrpc.processor.validation;

/**
 * Every message the rrpc processor reports, in one place so that they read alike, say how to fix the
 * problem, and are asserted by the tests with these same constants and functions.
 */
public final class ProcessorErrors {
  private ProcessorErrors() {}

  // ---- Command keys ----

  public static final String NO_KEYS =
      "@RrpcCommand needs at least one command key, for example @RrpcCommand(\"closed\")";

  public static final String BLANK_KEY =
      "@RrpcCommand key must not be empty or blank: a request's command key is its first word, which"
          + " is never blank; write the key, for example @RrpcCommand(\"closed\")";

  /**
   * Runs of every Unicode space and separator ({@code Z*}) and of Java whitespace: {@code \s} alone
   * misses U+2029 and the no-break spaces, which a suggested key must not keep either.
   */
  private static final String SPACES = "[\\p{Z}\\p{javaWhitespace}]+";

  public static String keyWithWhitespace(String key) {
    String suggestion = key.replaceAll("^" + SPACES + "|" + SPACES + "$", "").replaceAll(SPACES, "_");
    return "@RrpcCommand key \"" + key + "\" contains whitespace, so no text request could match it"
        + " (a request's key is its first whitespace-separated word); use a key without whitespace,"
        + " such as \"" + suggestion + "\"";
  }

  public static String duplicateKey(String key, String firstMethod) {
    return "command key \"" + key + "\" is already declared by " + firstMethod + "() in this class;"
        + " each key may be declared once: remove it from one of the two methods";
  }

  public static String keyRepeatedInOneMethod(String key) {
    return "command key \"" + key + "\" is listed more than once in this @RrpcCommand;"
        + " list each key once";
  }

  public static String keyWithLoneSurrogate(String escapedKey) {
    return "@RrpcCommand key \"" + escapedKey + "\" contains a lone surrogate, which no UTF-8"
        + " request can carry, so no request could ever match it; use a key of whole characters";
  }

  public static String tooManyCommands(int keys, int max) {
    return "this class declares " + keys + " command keys, more than the " + max + " one generated"
        + " dispatcher can hold (a class file's limits); split the commands over several classes,"
        + " each of which gets its own dispatcher";
  }

  // ---- Handler methods ----

  public static final String PRIVATE_METHOD =
      "a handler method must not be private: the generated dispatcher calls it directly;"
          + " make it package-private or public";

  public static final String GENERIC_METHOD =
      "a handler method must not have type parameters: the generated dispatcher cannot choose its"
          + " type arguments; use concrete types";

  public static final String COMMAND_AND_FALLBACK =
      "a method cannot be both @RrpcCommand and @RrpcFallback: the fallback answers only the keys no"
          + " method declares; remove one of the two annotations";

  public static String undeclarableException(String type) {
    return "the handler declares throws " + type + ", which is neither an Exception nor an Error, but"
        + " the generated dispatch() may throw only Exception; declare throws Exception (or a"
        + " subclass of it)";
  }

  public static final String SUSPEND_FUNCTION =
      "suspend functions cannot be RRPC handlers: kapt shows them as methods with a trailing"
          + " Continuation parameter, which the generated Java dispatcher cannot supply; return"
          + " CompletableFuture<T> (kotlinx-coroutines' future { } builds one)";

  public static String duplicateFallback(String firstMethod) {
    return "a class may have only one @RrpcFallback method, and " + firstMethod + "() already is;"
        + " remove @RrpcFallback from one of them";
  }

  // ---- Where the method is declared ----

  public static String notInClass(String typeName) {
    return typeName + " is an interface or annotation type, but @RrpcCommand and @RrpcFallback methods"
        + " must be declared in a class (or enum or record), whose instance the generated dispatcher"
        + " calls; move the method to a class, which may implement " + typeName;
  }

  public static String notInNamedClass(String annotation) {
    return "@" + annotation + " has no effect in a local class, an anonymous class, an enum"
        + " constant's body or a lambda: javac hands annotation processors only what named classes"
        + " declare, so no dispatcher would call it and the command would be missing at run time;"
        + " move the method to a top-level or static nested class";
  }

  public static String generatedNameClash(String generatedName, String first, String second) {
    return first + " and " + second + " both get the generated class " + generatedName
        + " (nested names are joined with _); rename one of them";
  }

  public static String privateEnclosingClass(String className) {
    return className + " is private, so the generated dispatcher cannot call this method;"
        + " make " + className + " package-private or public";
  }

  public static String innerClass(String className) {
    return className + " is an inner (non-static) class: its instances need an enclosing instance,"
        + " so neither the generated code nor Dagger can provide one; declare " + className
        + " static";
  }

  public static String genericClass(String className) {
    return className + " has type parameters, and the generated dispatcher cannot choose its type"
        + " arguments; declare the commands in a class without type parameters";
  }

  // ---- Parameters ----

  public static String unsupportedParameter(String type) {
    return "cannot bind a parameter of type " + type + ": a handler parameter is RrpcRequest (the"
        + " request), byte[] (the payload), String (the argument text), or a member of the JSON"
        + " request's \"params\" annotated @RrpcParam(\"name\")";
  }

  public static String emptyParamName(String parameterName) {
    return "@RrpcParam needs the name of a member of the request's \"params\" object, for example"
        + " @RrpcParam(\"" + parameterName + "\")";
  }

  public static String duplicateParamName(String name, String firstParameter) {
    return "@RrpcParam(\"" + name + "\") is already bound to parameter " + firstParameter
        + " of this method; give each parameter its own member name";
  }

  public static final String PARAM_ON_REQUEST =
      "@RrpcParam cannot bind an RrpcRequest: an unannotated RrpcRequest parameter receives the"
          + " request itself; remove @RrpcParam";

  public static final String OPTIONAL_PARAMETER =
      "@RrpcParam cannot bind an Optional: a missing or null member already arrives as null in a"
          + " boxed, String, enum or object parameter; declare that type instead (Integer rather"
          + " than Optional<Integer> or OptionalInt)";

  public static final String PARAM_WITHOUT_HANDLER =
      "@RrpcParam has no effect here: it binds parameters of @RrpcCommand and @RrpcFallback methods"
          + " only; annotate the method, or remove @RrpcParam";

  public static String inaccessibleParameterType(String type, String packageName) {
    return "the generated dispatcher names the type " + type + " but cannot access it from "
        + (packageName.isEmpty() ? "the unnamed package" : "package " + packageName)
        + "; make it (and the classes enclosing it) package-private in that package, or public";
  }

  // ---- Return types ----

  public static String rawCompletionStage(String type) {
    return "the handler returns " + type + " without a type argument; declare what the stage"
        + " completes with, for example CompletionStage<String>, or CompletionStage<Void> for an"
        + " \"ok\" reply";
  }

  public static String nestedCompletionStage(String type) {
    return "the handler returns " + type + ", a stage of a stage; combine them (thenCompose) and"
        + " return a CompletionStage of the reply value";
  }

  public static String optionalReturn(String type) {
    return "the handler returns " + type + ", which has no reply of its own (Gson cannot write it);"
        + " return the value itself, or null for an empty reply";
  }

  // ---- The compilation as a whole ----

  public static String unresolvedTypes(String className) {
    return "could not generate the rrpc dispatcher of " + className + " because types its handler"
        + " methods use could not be resolved; fix the errors about those types first";
  }

  public static String invalidDaggerOption(String value) {
    return "-Arrpc.dagger=" + value + " is not a valid value; use enabled (the default: a Dagger"
        + " module is written when Dagger is on the classpath) or disabled";
  }

  public static String internalError(String className, RuntimeException e) {
    return "the rrpc processor failed unexpectedly on " + className + " (" + e
        + "); this is a bug in rrpc, please report it with the class that caused it";
  }

  public static String writeFailed(String className, Exception e) {
    return "could not write the generated sources of " + className + ": " + e.getMessage();
  }
}
