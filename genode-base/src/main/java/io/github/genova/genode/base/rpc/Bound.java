package io.github.genova.genode.base.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The declared maximum size in bytes of a string (including its terminating NUL) or byte buffer that an
 * RPC function takes or returns, Genode's {@code Rpc_in_buffer<MAX>}: longer values are truncated to it.
 * On a parameter or record component it bounds that value; on an RPC function, its return value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Bound {
  /** The maximum size in bytes, at least 1. */
  int value();
}
