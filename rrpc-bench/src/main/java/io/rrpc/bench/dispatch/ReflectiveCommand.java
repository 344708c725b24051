package io.rrpc.bench.dispatch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The reflective baseline's command annotation. Unlike {@code @RrpcCommand} (class retention: only the
 * processor reads it) it is kept at run time, as reflection-based frameworks need.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ReflectiveCommand {
  String value();
}
