package io.rrpc.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * Where the value of one handler parameter comes from.
 *
 * @param source the kind of binding
 * @param type the parameter's declared type
 * @param paramName the {@code "params"} member name for {@code @RrpcParam} bindings, else {@code null}
 * @param nonNull whether a reference-typed {@code @RrpcParam} parameter carries a non-null annotation
 *     ({@code @NonNull}, {@code @NotNull}, {@code @Nonnull}), which makes it required: a missing or JSON
 *     {@code null} member is {@code invalid_params}, as for a primitive, instead of a {@code null}
 *     argument. Always {@code false} for the other bindings.
 */
public record Argument(Source source, TypeName type, String paramName, boolean nonNull) {

  /** The kinds of parameter binding; see {@code docs/processor.md} for the table. */
  public enum Source {
    /** {@code RrpcRequest}: the request itself. */
    REQUEST,
    /** Unannotated {@code byte[]}: the raw payload. */
    PAYLOAD,
    /** Unannotated {@code String}: the argument text. */
    ARGUMENT_TEXT,
    /** {@code @RrpcParam} on a primitive: required, {@code RrpcParams.requireX}. */
    REQUIRED_PRIMITIVE,
    /** {@code @RrpcParam} on a boxed primitive: {@code RrpcParams.optionalX}. */
    OPTIONAL_BOX,
    /** {@code @RrpcParam String}: {@code RrpcParams.optionalString}. */
    OPTIONAL_STRING,
    /** {@code @RrpcParam} on an enum: {@code RrpcParams.optionalEnum} with {@code E.values()}. */
    OPTIONAL_ENUM,
    /** {@code @RrpcParam JsonElement}. */
    JSON_ELEMENT,
    /** {@code @RrpcParam JsonObject}. */
    JSON_OBJECT,
    /** {@code @RrpcParam JsonArray}. */
    JSON_ARRAY,
    /** {@code @RrpcParam} on any other type: Gson's reflective binding through a {@code TypeToken}. */
    GSON
  }
}
