package io.github.genova.nova.impl;

/**
 * A kernel object: what an object capability names. Counts its references (capabilities in any object
 * space, plus internal ones such as an EC's reference to its PD) and is destroyed when the last one goes.
 * Reference counts change only under the kernel's capability lock.
 */
abstract sealed class Kobject permits Pd, Ec, Sc, Pt, Sm {
  /** The object types, with NOVA's type codes as their order. */
  enum Type {
    PD,
    EC,
    SC,
    PT,
    SM
  }

  final NovaKernel kernel;
  final Type type;
  private int references;

  Kobject(NovaKernel kernel, Type type) {
    this.kernel = kernel;
    this.type = type;
  }

  /** Adds a reference. Caller holds the capability lock. */
  final void acquire() {
    references++;
  }

  /** Drops a reference; the last one destroys the object. Caller holds the capability lock. */
  final void release() {
    if (--references == 0) {
      destroy();
    }
  }

  /** Returns the number of references. Caller holds the capability lock. */
  final int references() {
    return references;
  }

  /** Tears the object down once nothing refers to it. Caller holds the capability lock. */
  abstract void destroy();
}
