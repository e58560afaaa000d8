package io.github.genova.nova.impl.conformance;

import static io.github.genova.nova.impl.conformance.DelegationConformanceTest.send;
import static io.github.genova.nova.impl.conformance.Nova.MILLISECOND;
import static io.github.genova.nova.impl.conformance.Nova.ROOT_PD;
import static io.github.genova.nova.impl.conformance.Nova.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.impl.KernelProbe;
import io.github.genova.nova.impl.NovaKernel;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Checklist items 54–62: revocation (with and without self, transitive, per bit), lookup and selector wrap. */
class RevokeLookupConformanceTest {
  /** The root's SM at {@code sm}, delegated to b (at 0x20) and onward from b to c (at 0x70). */
  private record Chain(long sm, Nova.Agent b, Nova.Agent c) {}

  private static Chain chain(Nova n) {
    long sm = n.sm(0);
    Nova.Agent b = n.agent(n.pd(Crd.NULL));
    Nova.Agent c = n.agent(n.pd(Crd.NULL));
    b.give(sm, Perm.ALL, 0x20);
    b.give(c.pt, Perm.PT_CALL, 0x30);
    send(b, 0x30, c, Crd.object(0x70, 0, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.object(0x20, 0, Perm.ALL), 0, 0));
    assertThat(b.lookup(0x20)).isEqualTo(Crd.object(0x20, 0, Perm.SM_FRESH));
    assertThat(c.lookup(0x70)).isEqualTo(Crd.object(0x70, 0, Perm.SM_FRESH));
    return new Chain(sm, b, c);
  }

  @Test
  void item54_revokeWithoutSelfTakesTheBitsFromDescendantsButNotFromTheCallersRange() {
    try (Nova n = Nova.boot()) {
      Chain ch = chain(n);
      ok(n.sys.revoke(Crd.object(ch.sm(), 0, Perm.SM_UP), false));
      assertThat(n.lookup(ch.sm())).isEqualTo(Crd.object(ch.sm(), 0, Perm.SM_FRESH));
      assertThat(ch.b().lookup(0x20)).isEqualTo(Crd.object(0x20, 0, Perm.SM_DOWN));
      assertThat(ch.c().lookup(0x70)).isEqualTo(Crd.object(0x70, 0, Perm.SM_DOWN));
      // Down still works for b; up does not.
      Status up = ch.b().run(self -> self.smUp(0x20));
      assertThat(up).isEqualTo(Status.BAD_CAP);
    }
  }

  @Test
  void item55_revokeWithSelfAlsoTakesTheBitsFromTheCallersRange() {
    try (Nova n = Nova.boot()) {
      Chain ch = chain(n);
      ok(n.sys.revoke(Crd.object(ch.sm(), 0, Perm.SM_UP), true));
      assertThat(n.lookup(ch.sm())).isEqualTo(Crd.object(ch.sm(), 0, Perm.SM_DOWN));
      assertThat(ch.b().lookup(0x20)).isEqualTo(Crd.object(0x20, 0, Perm.SM_DOWN));
      assertThat(ch.c().lookup(0x70)).isEqualTo(Crd.object(0x70, 0, Perm.SM_DOWN));
      assertThat(n.sys.smUp(ch.sm())).isEqualTo(Status.BAD_CAP);
      // Raw form: flag SR in bits 7..4.
      long other = n.sm(0);
      ok(n.sys.hypercall(0x1 << 4 | 0x7, Crd.object(other, 0, Perm.SM_DOWN).word(), 0, 0, 0));
      assertThat(n.lookup(other)).isEqualTo(Crd.object(other, 0, Perm.SM_UP));
    }
  }

  @Test
  void item56_revocationIsTransitive() {
    try (Nova n = Nova.boot()) {
      Chain ch = chain(n);
      // Revoking in the middle of the chain reaches c but leaves the root and b.
      ok(ch.b().run(self -> self.revoke(Crd.object(0x20, 0, Perm.SM_DOWN), false)));
      assertThat(n.lookup(ch.sm())).isEqualTo(Crd.object(ch.sm(), 0, Perm.SM_FRESH));
      assertThat(ch.b().lookup(0x20)).isEqualTo(Crd.object(0x20, 0, Perm.SM_FRESH));
      assertThat(ch.c().lookup(0x70)).isEqualTo(Crd.object(0x70, 0, Perm.SM_UP));
      // From the root: down to c, through b, in one revoke.
      ok(n.sys.revoke(Crd.object(ch.sm(), 0, Perm.SM_UP), false));
      assertThat(ch.b().lookup(0x20)).isEqualTo(Crd.object(0x20, 0, Perm.SM_DOWN));
      assertThat(ch.c().lookup(0x70).isNull()).isTrue();
    }
  }

  @Test
  void item57_aCapWhosePermissionsDropToZeroBecomesNull() {
    try (Nova n = Nova.boot()) {
      Chain ch = chain(n);
      ok(n.sys.revoke(Crd.object(ch.sm(), 0, Perm.ALL), false));
      assertThat(ch.b().lookup(0x20)).isEqualTo(Crd.NULL);
      assertThat(ch.c().lookup(0x70)).isEqualTo(Crd.NULL);
      assertThat(KernelProbe.objectAt(n.kernel, ch.b().pd, 0x20)).isNull();
      // The slot is free again: a new delegation lands there.
      assertThat(ch.b().give(n.sm(0), Perm.ALL, 0x20)).isEqualTo(Crd.object(0x20, 0, Perm.ALL));
      // Bit by bit: the second revoke empties the capability.
      ok(n.sys.revoke(Crd.object(ch.sm(), 0, Perm.SM_UP), true));
      assertThat(n.lookup(ch.sm())).isEqualTo(Crd.object(ch.sm(), 0, Perm.SM_DOWN));
      ok(n.sys.revoke(Crd.object(ch.sm(), 0, Perm.SM_DOWN), true));
      assertThat(n.lookup(ch.sm())).isEqualTo(Crd.NULL);
    }
  }

  @Test
  void item57_anObjectIsDestroyedWhenItsLastCapabilityGoes() {
    try (Nova n = Nova.boot()) {
      // A local EC dies when its last capability and its portals are gone: callers waiting for it are told.
      long gate = n.sm(0);
      long ec = n.localEc(ROOT_PD, 0, (self, ip, pid) -> self.smDown(gate, false, 0));
      long pt = n.portal(ec, 0);
      AtomicReference<Status> caller = new AtomicReference<>();
      n.global(0, 10, (self, ip, arg) -> {
        self.utcb().setCounts(0, 0);
        caller.set(self.call(pt));
      });
      ok(n.sys.revoke(Crd.object(ec, 0, Perm.ALL), true));
      n.sleep(MILLISECOND);
      assertThat(caller.get()).isNull(); // the portal still refers to the EC
      ok(n.sys.revoke(Crd.object(pt, 0, Perm.ALL), true));
      n.sleep(MILLISECOND);
      assertThat(caller.get()).isEqualTo(Status.ABORTED);
    }
  }

  @Test
  void item58_revokeAlwaysReturnsSuccessEvenForEmptyRanges() {
    try (Nova n = Nova.boot()) {
      ok(n.sys.revoke(Crd.NULL, true));
      ok(n.sys.revoke(Crd.object(0x5000, 0, Perm.ALL), true));
      ok(n.sys.revoke(Crd.object(0x5000, 12, Perm.ALL), false));
      ok(n.sys.revoke(Crd.object(0x7fff_ffffL, 31, 0), true));
      ok(n.sys.revoke(Crd.memory(0x123_4567L, 20, Perm.MEM_RWX), true));
      ok(n.sys.revoke(Crd.io(0, 16, Perm.IO_ACCESS), true));
      // Whole-space CRDs from raw words, without SR: the root has delegated nothing, so nothing changes.
      // (With SR they would take the root's own PD, EC and SC capabilities, and the root EC would die.)
      for (long word : new long[] {-1L, 0x8000_0000_0000_0003L, 0xfffL, 0x7fL << 7 | 3, 0xffdL, 0xffeL}) {
        ok(n.sys.hypercall(0x7, word, 0, 0, 0));
      }
      assertThat(n.lookup(ROOT_PD)).isEqualTo(Crd.object(ROOT_PD, 0, Perm.PD_ALL));
      assertThat(n.lookup(Nova.ROOT_EC)).isEqualTo(Crd.object(Nova.ROOT_EC, 0, Perm.EC_FRESH));
    }
  }

  @Test
  void item59_removingOnlyTheWriteBitFromMemoryKeepsReadInAllDescendants() {
    try (Nova n = Nova.boot()) {
      long page = NovaKernel.ROOT_UTCB_ADDRESS >>> 12;
      assertThat(n.sys.lookupCrd(Crd.memory(page, 0, 0))).isEqualTo(Crd.memory(page, 0, Perm.MEM_R | Perm.MEM_W));
      Nova.Agent b = n.agent(n.pd(Crd.NULL));
      Nova.Agent c = n.agent(n.pd(Crd.NULL));
      b.receive(Crd.memory(0x100, 0, Perm.MEM_RWX), Crd.NULL,
          u -> u.appendDelegate(Crd.memory(page, 0, Perm.MEM_RWX), 0, 0));
      b.give(c.pt, Perm.PT_CALL, 0x30);
      send(b, 0x30, c, Crd.memory(0x200, 0, Perm.MEM_RWX), Crd.NULL,
          u -> u.appendDelegate(Crd.memory(0x100, 0, Perm.MEM_RWX), 0, 0));
      assertThat(c.lookup(Crd.memory(0x200, 0, 0))).isEqualTo(Crd.memory(0x200, 0, Perm.MEM_R | Perm.MEM_W));
      ok(n.sys.revoke(Crd.memory(page, 0, Perm.MEM_W), false));
      assertThat(n.sys.lookupCrd(Crd.memory(page, 0, 0))).isEqualTo(Crd.memory(page, 0, Perm.MEM_R | Perm.MEM_W));
      assertThat(b.lookup(Crd.memory(0x100, 0, 0))).isEqualTo(Crd.memory(0x100, 0, Perm.MEM_R));
      assertThat(c.lookup(Crd.memory(0x200, 0, 0))).isEqualTo(Crd.memory(0x200, 0, Perm.MEM_R));
      // c reads the root's UTCB through its mapping (the root wrote the word it reads).
      n.utcb().setTls(0x1122_3344_5566_7788L);
      long read = c.run(self -> self.memory().readLong(0x200_000L + 24));
      assertThat(read).isEqualTo(0x1122_3344_5566_7788L);
    }
  }

  @Test
  void item60_lookupOnAnOccupiedSelectorReturnsTypeBaseOrderAndPerms() {
    try (Nova n = Nova.boot()) {
      long sm = n.copy(n.sm(0), Perm.SM_DOWN);
      assertThat(n.lookup(sm)).isEqualTo(Crd.object(sm, 0, Perm.SM_DOWN));
      // The input CRD's order and permissions do not matter, only its type and base.
      assertThat(n.sys.lookupCrd(Crd.object(sm, 5, Perm.ALL))).isEqualTo(Crd.object(sm, 0, Perm.SM_DOWN));
      long hip = NovaKernel.HIP_ADDRESS >>> 12;
      assertThat(n.sys.lookupCrd(Crd.memory(hip, 0, 0))).isEqualTo(Crd.memory(hip, 0, Perm.MEM_R));
      Nova.Agent a = n.agent(n.pd(Crd.NULL));
      a.receive(Crd.io(0, 16, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.io(0x60, 2, Perm.ALL), 0, 0x800));
      assertThat(a.lookup(Crd.io(0x62, 0, 0))).isEqualTo(Crd.io(0x62, 0, Perm.IO_ACCESS));
      // Raw form: the CRD goes in RSI and comes back in RSI.
      ok(n.sys.hypercall(0x8, Crd.object(ROOT_PD, 0, 0).word(), 0, 0, 0));
      assertThat(Crd.of(n.sys.out1())).isEqualTo(Crd.object(ROOT_PD, 0, Perm.PD_ALL));
    }
  }

  @Test
  void item61_lookupOnAnEmptySelectorReturnsTheNullCrdAndSuccess() {
    try (Nova n = Nova.boot()) {
      ok(n.sys.lookup(Crd.object(0x7777, 0, Perm.ALL)));
      assertThat(Crd.of(n.sys.out1())).isEqualTo(Crd.NULL);
      ok(n.sys.lookup(Crd.memory(0x1234, 0, 0)));
      assertThat(n.sys.out1()).isZero();
      ok(n.sys.lookup(Crd.io(0x60, 0, 0)));
      assertThat(n.sys.out1()).isZero();
      ok(n.sys.lookup(Crd.NULL));
      assertThat(n.sys.out1()).isZero();
    }
  }

  @Test
  void item62_objectSelectorsWrapModuloTheObjectSpaceSize() {
    try (Nova n = Nova.boot()) {
      long size = n.kernel.hip().selectors();
      assertThat(size).isEqualTo(1L << 16);
      long sel = n.sel();
      ok(n.sys.createSm(sel + size, ROOT_PD, 1));
      assertThat(n.lookup(sel)).isEqualTo(Crd.object(sel, 0, Perm.SM_FRESH));
      assertThat(n.lookup(sel + 5 * size)).isEqualTo(Crd.object(sel, 0, Perm.SM_FRESH));
      ok(n.sys.smDown(sel + 3 * size, false, 0));
      assertThat(n.sys.createSm(sel + 2 * size, ROOT_PD, 1)).isEqualTo(Status.BAD_CAP);
      // The root PD answers at 32 + k * SEL too.
      assertThat(n.sys.lookupCrd(Crd.object(ROOT_PD + size, 0, 0))).isEqualTo(Crd.object(ROOT_PD, 0, Perm.PD_ALL));
      ok(n.sys.createSm(n.sel(), ROOT_PD + 7 * size, 0));
      // Raw form: the selector in RDI bits 63..8 wraps as well.
      ok(n.sys.hypercall((sel + size) << 8 | 0xc, 0, 0, 0, 0));
      assertThat(KernelProbe.counter(n.kernel, sel)).isEqualTo(1);
    }
  }
}
