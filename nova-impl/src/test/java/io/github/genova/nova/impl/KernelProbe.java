package io.github.genova.nova.impl;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Test-only window into kernel state the interface does not show (a semaphore's counter, whether an EC
 * died, which object a capability names), so conformance tests can assert exact effects. Selectors are
 * the root PD's unless a PD selector is given.
 */
public final class KernelProbe {
  private KernelProbe() {}

  /** Returns the object named by {@code sel} in the PD named by root selector {@code pdSel} (32: root). */
  public static @Nullable Object objectAt(NovaKernel k, long pdSel, long sel) {
    MdbNode node = pd(k, pdSel).objects.get(sel);
    return node == null ? null : node.object;
  }

  /** Returns the permissions of {@code sel} in the object space of PD {@code pdSel}, 0 if empty. */
  public static int objectPerms(NovaKernel k, long pdSel, long sel) {
    MdbNode node = pd(k, pdSel).objects.get(sel);
    return node == null ? 0 : node.perms;
  }

  /** Returns the counter of the semaphore at root selector {@code sel}. */
  public static long counter(NovaKernel k, long sel) {
    return ((Sm) Objects.requireNonNull(k.rootPd.object(sel, Kobject.Type.SM, 0), "no SM at " + sel)).counter();
  }

  /** Returns whether the EC at root selector {@code sel} was killed. */
  public static boolean isDead(NovaKernel k, long sel) {
    return ((Ec) Objects.requireNonNull(k.rootPd.object(sel, Kobject.Type.EC, 0), "no EC at " + sel)).isDead();
  }

  private static Pd pd(NovaKernel k, long pdSel) {
    return (Pd) Objects.requireNonNull(k.rootPd.object(pdSel, Kobject.Type.PD, 0), "no PD at " + pdSel);
  }
}
