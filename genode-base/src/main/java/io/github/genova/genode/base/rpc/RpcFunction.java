package io.github.genova.genode.base.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an abstract method of an RPC interface as an RPC function with its opcode, Genode's {@code
 * GENODE_RPC}. Opcodes are the 0-based index of the function in the interface's function list: an
 * interface's own functions take the opcodes after those of the interfaces it extends (in {@code extends}
 * order), so a derived interface keeps its bases' opcodes and appends its own. The opcodes are explicit so
 * that they are stable and visible; {@link RpcInterface#of} checks that they follow that rule.
 *
 * <p>The declared exceptions of the method ({@code throws}, in order) are reflected to the client: each
 * must have a public no-argument constructor.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RpcFunction {
  /** The opcode. */
  int value();
}
