package io.github.genova.genode.base.rpc;

/** A test interface extending {@link Calculator}: its own function takes the next opcode. */
public interface AdvancedCalculator extends Calculator {
  @RpcFunction(4)
  int negate(int x);
}
