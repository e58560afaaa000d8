package io.github.genova.nova.impl;

import org.jspecify.annotations.Nullable;

/**
 * A protection domain: the unit of isolation, owning an object space (kernel-object capabilities), a
 * memory space (4 KiB pages) and an I/O-port space. It lives while capabilities or ECs refer to it; when it
 * is destroyed every capability in its spaces is removed, and with it everything delegated from them.
 */
final class Pd extends Kobject {
  /** Object-space size: selectors wrap modulo 2^16 (the HIP's SEL). */
  static final int SELECTOR_BITS = 16;

  final CapabilitySpace objects = CapabilitySpace.objectSpace();
  final CapabilitySpace memory = new CapabilitySpace(CapabilitySpace.Kind.MEMORY, 9, 4);
  final CapabilitySpace ports = new CapabilitySpace(CapabilitySpace.Kind.IO, 8, 2);
  final String name;
  private volatile boolean destroyed;
  /** Moves whenever a mapping of this PD's memory space goes away or loses permissions (TLB shootdown). */
  private volatile int mappingGeneration;

  Pd(NovaKernel kernel, String name) {
    super(kernel, Type.PD);
    this.name = name;
  }

  CapabilitySpace space(CapabilitySpace.Kind kind) {
    return switch (kind) {
      case OBJECT -> objects;
      case MEMORY -> memory;
      case IO -> ports;
    };
  }

  /**
   * Returns the object at selector {@code sel} if it has the type and every bit of {@code perm}, without
   * taking the capability lock.
   */
  @Nullable Kobject object(long sel, Type t, int perm) {
    MdbNode node = objects.get(sel);
    if (node == null || (node.perms & perm) != perm) {
      return null;
    }
    return node.objectOf(t);
  }

  /** Returns the node at selector {@code sel} if it names an object of type {@code t}, else null. */
  @Nullable MdbNode node(long sel, Type t) {
    MdbNode node = objects.get(sel);
    return node != null && node.objectOf(t) != null ? node : null;
  }

  int mappingGeneration() {
    return mappingGeneration;
  }

  /** Invalidates every software TLB caching this PD's memory space. Caller holds the capability lock. */
  @SuppressWarnings("NonAtomicVolatileUpdate") // writers are serialised by the capability lock
  void flushTlbs() {
    mappingGeneration++;
  }

  boolean isDestroyed() {
    return destroyed;
  }

  @Override
  void destroy() {
    destroyed = true;
    kernel.mdb.demolish(this);
  }

  @Override
  public String toString() {
    return "PD " + name;
  }
}
