package io.rrpc.processor.writing;

import com.palantir.javapoet.ClassName;

/** The names generated code refers to, spelled out: the processor does not depend on them. */
final class RuntimeTypes {
  private RuntimeTypes() {}

  static final ClassName RRPC_DISPATCHER = ClassName.get("io.rrpc.runtime", "RrpcDispatcher");
  static final ClassName RRPC_REQUEST = ClassName.get("io.rrpc.runtime", "RrpcRequest");
  static final ClassName RRPC_REPLY = ClassName.get("io.rrpc.runtime", "RrpcReply");
  static final ClassName RRPC_PARAMS = ClassName.get("io.rrpc.runtime.internal", "RrpcParams");
  static final ClassName TYPE_TOKEN = ClassName.get("com.google.gson.reflect", "TypeToken");

  static final ClassName DAGGER_MODULE = ClassName.get("dagger", "Module");
  static final ClassName DAGGER_PROVIDES = ClassName.get("dagger", "Provides");
  static final ClassName DAGGER_INTO_SET = ClassName.get("dagger.multibindings", "IntoSet");
}
