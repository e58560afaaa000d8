package io.github.genova.nova.impl;

/**
 * How the kernel leaves host code early without allocating: a preallocated, stackless {@link Error} that
 * unwinds a host EC's Java frames back to the kernel frame that entered them. {@link #REPLY} ends a portal
 * invocation ({@code reply} called deep inside a handler); {@link #DEATH} ends the code of an EC that was
 * killed. Host code must not catch them (it would keep a dead EC's code running until its next kernel
 * entry, which throws again).
 */
final class KernelUnwind extends Error {
  private static final long serialVersionUID = 1L;

  /** Ends the current portal invocation with a reply. */
  @SuppressWarnings("StaticAssignmentOfThrowable") // preallocated on purpose: unwinding must not allocate
  static final KernelUnwind REPLY = new KernelUnwind("reply");

  /** Ends the code of a killed EC. */
  @SuppressWarnings("StaticAssignmentOfThrowable") // preallocated on purpose: unwinding must not allocate
  static final KernelUnwind DEATH = new KernelUnwind("EC killed");

  private KernelUnwind(String what) {
    super(what, null, false, false);
  }
}
