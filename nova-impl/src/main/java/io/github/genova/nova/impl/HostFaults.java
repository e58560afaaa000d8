package io.github.genova.nova.impl;

import io.github.genova.nova.api.Event;

/**
 * How a Java exception escaping host code becomes an x86 exception event of its EC, delivered through the
 * EC's event portal like a fault of machine code would be:
 *
 * <ul>
 *   <li>{@link ArithmeticException} (integer division by zero) → #DE, {@link Event#DIVIDE_ERROR};
 *   <li>{@link StackOverflowError} → #SS, {@link Event#STACK_FAULT};
 *   <li>{@link UnsupportedOperationException} → #UD, {@link Event#INVALID_OPCODE};
 *   <li>{@link AssertionError} → #BP, {@link Event#BREAKPOINT};
 *   <li>everything else → #GP, {@link Event#GENERAL_PROTECTION}.
 * </ul>
 *
 * Java code cannot resume inside the statement that threw, so a handler's reply restarts a global EC at
 * the IP it replies (the EC's code runs again from the top with that IP) and ends a local EC's current
 * invocation, whose caller gets ABORTED.
 */
final class HostFaults {
  private HostFaults() {}

  /** Returns the event number for an exception escaping host code. */
  static int eventOf(Throwable fault) {
    return switch (fault) {
      case ArithmeticException e -> Event.DIVIDE_ERROR;
      case StackOverflowError e -> Event.STACK_FAULT;
      case UnsupportedOperationException e -> Event.INVALID_OPCODE;
      case AssertionError e -> Event.BREAKPOINT;
      default -> Event.GENERAL_PROTECTION;
    };
  }
}
