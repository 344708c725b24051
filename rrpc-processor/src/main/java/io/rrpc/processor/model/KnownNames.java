package io.rrpc.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * Every type the processor knows by name and cannot load: rrpc's annotations and runtime, Gson, Dagger,
 * the {@code @Generated} markers and Kotlin's {@code Continuation}. Each is spelled here once; the
 * validators compare against {@link ClassName#canonicalName()} and the writers emit the same
 * {@code ClassName}, so the two cannot drift apart.
 */
public final class KnownNames {
  private KnownNames() {}

  // ---- rrpc-annotations: what the processor reads ----
  public static final ClassName RRPC_COMMAND = ClassName.get("io.rrpc.annotations", "RrpcCommand");
  public static final ClassName RRPC_FALLBACK = ClassName.get("io.rrpc.annotations", "RrpcFallback");
  public static final ClassName RRPC_PARAM = ClassName.get("io.rrpc.annotations", "RrpcParam");

  /** The annotations the processor supports, in the order it reads them. */
  public static final List<ClassName> ANNOTATIONS = List.of(RRPC_COMMAND, RRPC_FALLBACK, RRPC_PARAM);

  // ---- rrpc-runtime: what handlers declare and generated code calls ----
  public static final ClassName RRPC_DISPATCHER = ClassName.get("io.rrpc.runtime", "RrpcDispatcher");
  public static final ClassName RRPC_REQUEST = ClassName.get("io.rrpc.runtime", "RrpcRequest");
  public static final ClassName RRPC_REPLY = ClassName.get("io.rrpc.runtime", "RrpcReply");
  public static final ClassName RRPC_PARAMS = ClassName.get("io.rrpc.runtime.internal", "RrpcParams");

  // ---- Gson ----
  public static final ClassName JSON_ELEMENT = ClassName.get("com.google.gson", "JsonElement");
  public static final ClassName JSON_OBJECT = ClassName.get("com.google.gson", "JsonObject");
  public static final ClassName JSON_ARRAY = ClassName.get("com.google.gson", "JsonArray");
  public static final ClassName TYPE_TOKEN = ClassName.get("com.google.gson.reflect", "TypeToken");

  // ---- Dagger ----
  public static final ClassName DAGGER_MODULE = ClassName.get("dagger", "Module");
  public static final ClassName DAGGER_PROVIDES = ClassName.get("dagger", "Provides");
  public static final ClassName DAGGER_INTO_SET = ClassName.get("dagger.multibindings", "IntoSet");

  // ---- The @Generated markers: Java 9 and later, then Java 8 ----
  public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  public static final ClassName GENERATED_JAVA8 = ClassName.get("javax.annotation", "Generated");

  // ---- Kotlin: the last parameter kapt gives a suspend function ----
  public static final ClassName KOTLIN_CONTINUATION = ClassName.get("kotlin.coroutines", "Continuation");
}
