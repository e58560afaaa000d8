package io.github.genova.genode.base.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code byte[]} parameter of an RPC function as INOUT (Genode's non-const reference): it is sent,
 * and the server's final content of it is written back into the caller's array from the reply, also when
 * the function raises a declared exception. Parameters without it are IN and never written back.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface InOut {}
