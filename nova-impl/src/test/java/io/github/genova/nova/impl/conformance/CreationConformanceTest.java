package io.github.genova.nova.impl.conformance;

import static io.github.genova.nova.impl.conformance.Nova.ROOT_PD;
import static io.github.genova.nova.impl.conformance.Nova.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercall;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.impl.KernelProbe;
import io.github.genova.nova.impl.NovaKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Checklist items 1–20: hypercall numbers, status codes, the create_* checks and fresh permissions, portals. */
class CreationConformanceTest {
  /** User address limit on x86-64. */
  private static final long USER_LIMIT = 0x0000_7fff_ffff_f000L;

  @Test
  void item01_hypercallNumbersAreClassicAndFifteenIsBadHyp() {
    List<String> names = new ArrayList<>();
    for (int n = 0; n <= 0xe; n++) {
      Hypercall h = java.util.Objects.requireNonNull(Hypercall.ofNumber(n));
      assertThat(h.number()).isEqualTo(n);
      names.add(h.name());
    }
    assertThat(names).containsExactly("CALL", "REPLY", "CREATE_PD", "CREATE_EC", "CREATE_SC", "CREATE_PT",
        "CREATE_SM", "REVOKE", "LOOKUP", "EC_CTRL", "SC_CTRL", "PT_CTRL", "SM_CTRL", "ASSIGN_PCI", "ASSIGN_GSI");
    assertThat(Hypercall.ofNumber(0xf)).isNull();
    try (Nova n = Nova.boot()) {
      assertThat(n.sys.hypercall(0xf, 0, 0, 0, 0)).isEqualTo(Status.BAD_HYP);
      assertThat(n.sys.hypercall(0x1234L << 8 | 0xf, -1, -1, -1, -1)).isEqualTo(Status.BAD_HYP);
      // The raw numbers reach the calls they name: 6 creates an SM, 0xc ups it, 8 looks it up.
      long sm = n.sel();
      ok(n.sys.hypercall(sm << 8 | 0x6, ROOT_PD, 0, 0, 0));
      ok(n.sys.hypercall(sm << 8 | 0xc, 0, 0, 0, 0));
      assertThat(KernelProbe.counter(n.kernel, sm)).isEqualTo(1);
      ok(n.sys.hypercall(0x8, Crd.object(sm, 0, 0).word(), 0, 0, 0));
      assertThat(Crd.of(n.sys.out1())).isEqualTo(Crd.object(sm, 0, Perm.SM_FRESH));
      // 5 creates a portal, 0xb sets its id, 0 calls it.
      AtomicLong pid = new AtomicLong(-1);
      long ec = n.localEc(ROOT_PD, 0, (self, ip, arg) -> pid.set(arg));
      long pt = n.sel();
      ok(n.sys.hypercall(pt << 8 | 0x5, ROOT_PD, ec, 0, 0x100));
      ok(n.sys.hypercall(pt << 8 | 0xb, 99, 0, 0, 0));
      n.utcb().setCounts(0, 0);
      ok(n.sys.hypercall(pt << 8, 0, 0, 0, 0));
      assertThat(pid.get()).isEqualTo(99);
    }
  }

  @Test
  void item02_statusCodesHaveTheClassicValues() {
    assertThat(Status.values()).extracting(Status::name).containsExactly("SUCCESS", "TIMEOUT", "ABORTED",
        "BAD_HYP", "BAD_CAP", "BAD_PAR", "BAD_FTR", "BAD_CPU", "BAD_DEV");
    assertThat(Status.values()).extracting(Status::code).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    for (Status s : Status.values()) {
      assertThat(Status.ofCode(s.code())).isSameAs(s);
    }
  }

  @Test
  void item03_everyCreateIntoAnOccupiedSelectorIsBadCapAndCreatesNothing() {
    try (Nova n = Nova.boot()) {
      long taken = n.sm(7);
      Crd before = n.lookup(taken);
      long local = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {});
      long utcb = n.utcbAddress();
      long global = n.sel();
      ok(n.sys.createEc(global, ROOT_PD, 0, n.utcbAddress(), 0, 0, true, null));

      assertThat(n.sys.createPd(taken, ROOT_PD, Crd.NULL)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createEc(taken, ROOT_PD, 0, utcb, 0, 0, false, null)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createSc(taken, ROOT_PD, global, Qpd.DEFAULT)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createPt(taken, ROOT_PD, local, 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createSm(taken, ROOT_PD, 3)).isEqualTo(Status.BAD_CAP);
      // Also for the root PD's own capabilities.
      assertThat(n.sys.createSm(Nova.ROOT_PD, ROOT_PD, 3)).isEqualTo(Status.BAD_CAP);
      assertThat(n.lookup(Nova.ROOT_PD)).isEqualTo(Crd.object(Nova.ROOT_PD, 0, Perm.PD_ALL));

      // Nothing was created: the slot holds the same semaphore with its counter, the UTCB address is still
      // free, and the global EC got no SC: it never started (it has no STARTUP portal, so a start would
      // have killed it).
      n.sleep(Nova.MILLISECOND);
      assertThat(KernelProbe.isDead(n.kernel, global)).isFalse();
      assertThat(n.lookup(taken)).isEqualTo(before);
      assertThat(KernelProbe.counter(n.kernel, taken)).isEqualTo(7);
      ok(n.sys.createEc(n.sel(), ROOT_PD, 0, utcb, 0, 0, false, null));
    }
  }

  @Test
  void item04_createPdWithAnOwnerLackingPermBit0IsBadCap() {
    try (Nova n = Nova.boot()) {
      long weak = n.copy(ROOT_PD, Perm.PD_ALL & ~Perm.PD_CREATE_PD);
      long sel = n.sel();
      assertThat(n.sys.createPd(sel, weak, Crd.NULL)).isEqualTo(Status.BAD_CAP);
      assertThat(n.lookup(sel).isNull()).isTrue();
      // Not a PD at all.
      long sm = n.sm(0);
      assertThat(n.sys.createPd(sel, sm, Crd.NULL)).isEqualTo(Status.BAD_CAP);
      ok(n.sys.createPd(sel, n.copy(ROOT_PD, Perm.PD_CREATE_PD), Crd.NULL));
    }
  }

  @Test
  void item05_createPdGivesTheNewCapExactlyThePermissionsOfTheOwnerCap() {
    try (Nova n = Nova.boot()) {
      long full = n.sel();
      ok(n.sys.createPd(full, ROOT_PD, Crd.NULL));
      assertThat(n.lookup(full)).isEqualTo(Crd.object(full, 0, Perm.PD_ALL));
      for (int perms : new int[] {Perm.PD_CREATE_PD, Perm.PD_CREATE_PD | Perm.PD_CREATE_SM, 0x15}) {
        long owner = n.copy(ROOT_PD, perms);
        long pd = n.sel();
        ok(n.sys.createPd(pd, owner, Crd.NULL));
        assertThat(n.lookup(pd)).isEqualTo(Crd.object(pd, 0, perms));
      }
    }
  }

  @Test
  void item06_createPdMakesTheCapsRangeAppearAtSelectorsZeroUpOfTheNewPd() {
    try (Nova n = Nova.boot()) {
      long base = n.sels(2);
      for (int i = 0; i < 4; i++) {
        ok(n.sys.createSm(base + i, ROOT_PD, i));
      }
      long pd = n.pd(Crd.object(base, 2, Perm.ALL));
      Nova.Agent a = n.agent(pd);
      for (int i = 0; i < 4; i++) {
        assertThat(a.lookup(i)).isEqualTo(Crd.object(i, 0, Perm.SM_FRESH));
        assertThat(KernelProbe.objectAt(n.kernel, pd, i)).isSameAs(KernelProbe.objectAt(n.kernel, ROOT_PD, base + i));
      }
      assertThat(a.lookup(4).isNull()).isTrue();
      // The mask applies: a range handed over with only UP.
      long pd2 = n.pd(Crd.object(base, 1, Perm.SM_UP));
      Nova.Agent b = n.agent(pd2);
      assertThat(b.lookup(0)).isEqualTo(Crd.object(0, 0, Perm.SM_UP));
      assertThat(b.lookup(1)).isEqualTo(Crd.object(1, 0, Perm.SM_UP));
      assertThat(b.lookup(2).isNull()).isTrue();
    }
  }

  @Test
  void item07_createEcOnACpuThatIsNotOnlineIsBadCpu() {
    try (Nova n = Nova.boot(2)) {
      long sel = n.sel();
      assertThat(n.sys.createEc(sel, ROOT_PD, 2, n.utcbAddress(), 0, 0, false, null)).isEqualTo(Status.BAD_CPU);
      assertThat(n.sys.createEc(sel, ROOT_PD, -1, n.utcbAddress(), 0, 0, false, null)).isEqualTo(Status.BAD_CPU);
      // Raw form: the CPU is the low 12 bits of RDX.
      assertThat(n.sys.hypercall(sel << 8 | 0x3, ROOT_PD, n.utcbAddress() | 0xfff, 0, 0)).isEqualTo(Status.BAD_CPU);
      assertThat(n.lookup(sel).isNull()).isTrue();
      ok(n.sys.createEc(sel, ROOT_PD, 1, n.utcbAddress(), 0, 0, false, null));
    }
  }

  @Test
  void item08_createEcWithUtcbZeroOnAMachineWithoutVmxOrSvmIsBadFtr() {
    try (Nova n = Nova.boot()) {
      assertThat(n.kernel.hip().features() & 6).isZero();
      long sel = n.sel();
      assertThat(n.sys.createEc(sel, ROOT_PD, 0, 0, 0, 0, true, null)).isEqualTo(Status.BAD_FTR);
      assertThat(n.sys.createEc(sel, ROOT_PD, 0, 0, 0, 0, false, null)).isEqualTo(Status.BAD_FTR);
      assertThat(n.lookup(sel).isNull()).isTrue();
    }
  }

  @Test
  void item09_createEcWithAnUnalignedUtcbIsBadPar() {
    try (Nova n = Nova.boot()) {
      long sel = n.sel();
      for (long utcb : new long[] {0x1001, 0x2800, 0x3ff8, 0x7fff_ffff_e001L}) {
        assertThat(n.sys.createEc(sel, ROOT_PD, 0, utcb, 0, 0, false, null)).isEqualTo(Status.BAD_PAR);
      }
      assertThat(n.lookup(sel).isNull()).isTrue();
    }
  }

  @Test
  void item10_createEcWithAUtcbAtOrAboveTheUserLimitIsBadPar() {
    try (Nova n = Nova.boot()) {
      long sel = n.sel();
      for (long utcb : new long[] {USER_LIMIT, USER_LIMIT + 0x1000, 0x8000_0000_0000L, 0xffff_ffff_ffff_f000L}) {
        assertThat(n.sys.createEc(sel, ROOT_PD, 0, utcb, 0, 0, false, null)).isEqualTo(Status.BAD_PAR);
      }
      assertThat(n.lookup(sel).isNull()).isTrue();
      ok(n.sys.createEc(sel, ROOT_PD, 0, USER_LIMIT - 3 * 0x1000L, 0, 0, false, null));
    }
  }

  @Test
  void item11_createEcWithAUtcbAddressAlreadyUsedInThatPdIsBadPar() {
    try (Nova n = Nova.boot()) {
      long utcb = n.utcbAddress();
      ok(n.sys.createEc(n.sel(), ROOT_PD, 0, utcb, 0, 0, false, null));
      long sel = n.sel();
      assertThat(n.sys.createEc(sel, ROOT_PD, 0, utcb, 0, 0, true, null)).isEqualTo(Status.BAD_PAR);
      // Existing mappings: the HIP and the root UTCB.
      assertThat(n.sys.createEc(sel, ROOT_PD, 0, NovaKernel.HIP_ADDRESS, 0, 0, false, null))
          .isEqualTo(Status.BAD_PAR);
      assertThat(n.sys.createEc(sel, ROOT_PD, 0, NovaKernel.ROOT_UTCB_ADDRESS, 0, 0, false, null))
          .isEqualTo(Status.BAD_PAR);
      assertThat(n.lookup(sel).isNull()).isTrue();
      // The same address is free in another PD.
      long pd = n.pd(Crd.NULL);
      ok(n.sys.createEc(sel, pd, 0, utcb, 0, 0, false, null));
    }
  }

  @Test
  void item12_createEcWithAnOwnerLackingPermBit1IsBadCap() {
    try (Nova n = Nova.boot()) {
      long weak = n.copy(ROOT_PD, Perm.PD_ALL & ~Perm.PD_CREATE_EC);
      long sel = n.sel();
      assertThat(n.sys.createEc(sel, weak, 0, n.utcbAddress(), 0, 0, false, null)).isEqualTo(Status.BAD_CAP);
      assertThat(n.lookup(sel).isNull()).isTrue();
      ok(n.sys.createEc(sel, n.copy(ROOT_PD, Perm.PD_CREATE_EC), 0, n.utcbAddress(), 0, 0, false, null));
    }
  }

  @Test
  void item03to18_createChecksFollowTheClassicOrderOfPrecedence() {
    try (Nova n = Nova.boot()) {
      long weak = n.copy(ROOT_PD, 0x01);
      long taken = n.sm(0);
      long sm = n.sm(0);
      // create_ec: CPU, then vCPU support, then owner, then UTCB, then the selector.
      assertThat(n.sys.createEc(taken, weak, 5, 0x1001, 0, 0, false, null)).isEqualTo(Status.BAD_CPU);
      assertThat(n.sys.createEc(taken, weak, 0, 0, 0, 0, false, null)).isEqualTo(Status.BAD_FTR);
      assertThat(n.sys.createEc(taken, weak, 0, 0x1001, 0, 0, false, null)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createEc(taken, ROOT_PD, 0, 0x1001, 0, 0, false, null)).isEqualTo(Status.BAD_PAR);
      assertThat(n.sys.createEc(taken, ROOT_PD, 0, n.utcbAddress(), 0, 0, false, null)).isEqualTo(Status.BAD_CAP);
      // create_sc: owner, EC capability, EC kind, then QPD, then the selector.
      long local = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {});
      long global = n.sel();
      ok(n.sys.createEc(global, ROOT_PD, 0, n.utcbAddress(), 0, 0, true, null));
      Qpd bad = new Qpd(0, 0);
      assertThat(n.sys.createSc(taken, weak, sm, bad)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createSc(taken, ROOT_PD, sm, bad)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createSc(taken, ROOT_PD, local, bad)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createSc(taken, ROOT_PD, global, bad)).isEqualTo(Status.BAD_PAR);
      assertThat(n.sys.createSc(taken, ROOT_PD, global, Qpd.DEFAULT)).isEqualTo(Status.BAD_CAP);
      // create_pt, create_pd, create_sm: capabilities first, the selector last.
      assertThat(n.sys.createPt(taken, weak, local, 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createPt(n.sel(), ROOT_PD, global, 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createSm(taken, weak, 0)).isEqualTo(Status.BAD_CAP);
      ok(n.sys.createPd(n.sel(), weak, Crd.NULL));
      assertThat(n.sys.createPd(taken, weak, Crd.NULL)).isEqualTo(Status.BAD_CAP);
      assertThat(KernelProbe.counter(n.kernel, taken)).isZero();
    }
  }

  @Test
  void item13_aFreshEcCapabilityHasPermissions0x0d() {
    try (Nova n = Nova.boot()) {
      long local = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {});
      long global = n.sel();
      ok(n.sys.createEc(global, ROOT_PD, 0, n.utcbAddress(), 0, 0, true, null));
      assertThat(n.lookup(local)).isEqualTo(Crd.object(local, 0, 0x0d));
      assertThat(n.lookup(global)).isEqualTo(Crd.object(global, 0, 0x0d));
      assertThat(Perm.EC_FRESH).isEqualTo(0x0d);
      // And the other fresh permissions of [C]: SC 0x01, PT 0x03, SM 0x03, root PD 0x1f.
      assertThat(n.lookup(n.sm(0)).perms()).isEqualTo(0x03);
      assertThat(n.lookup(n.portal(local, 0)).perms()).isEqualTo(0x03);
      assertThat(n.lookup(Nova.ROOT_SC).perms()).isEqualTo(0x01);
      assertThat(n.lookup(Nova.ROOT_PD).perms()).isEqualTo(0x1f);
    }
  }

  @Test
  void item14_createScBindingToALocalEcIsBadCap() {
    try (Nova n = Nova.boot()) {
      long local = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {});
      long sel = n.sel();
      assertThat(n.sys.createSc(sel, ROOT_PD, local, Qpd.DEFAULT)).isEqualTo(Status.BAD_CAP);
      assertThat(n.lookup(sel).isNull()).isTrue();
    }
  }

  @Test
  void item15_createScWithPriorityZeroOrQuantumZeroIsBadPar() {
    try (Nova n = Nova.boot()) {
      long global = n.sel();
      ok(n.sys.createEc(global, ROOT_PD, 0, n.utcbAddress(), 0, 0, true, null));
      long sel = n.sel();
      assertThat(n.sys.createSc(sel, ROOT_PD, global, new Qpd(0, 1000))).isEqualTo(Status.BAD_PAR);
      assertThat(n.sys.createSc(sel, ROOT_PD, global, new Qpd(1, 0))).isEqualTo(Status.BAD_PAR);
      assertThat(n.sys.createSc(sel, ROOT_PD, global, new Qpd(128, 1000))).isEqualTo(Status.BAD_PAR); // [G]
      // Raw QPD word: priority in bits 7..0, quantum in bits 63..12.
      assertThat(n.sys.hypercall(sel << 8 | 0x4, ROOT_PD, global, 0x5000, 0)).isEqualTo(Status.BAD_PAR);
      assertThat(n.sys.hypercall(sel << 8 | 0x4, ROOT_PD, global, 0x0fff, 0)).isEqualTo(Status.BAD_PAR);
      assertThat(n.lookup(sel).isNull()).isTrue();
    }
  }

  @Test
  void item16_createScWithAnEcCapLackingBit2IsBadCap() {
    try (Nova n = Nova.boot()) {
      long global = n.sel();
      ok(n.sys.createEc(global, ROOT_PD, 0, n.utcbAddress(), 0, 0, true, null));
      long weak = n.copy(global, Perm.EC_FRESH & ~Perm.EC_BIND_SC);
      long sel = n.sel();
      assertThat(n.sys.createSc(sel, ROOT_PD, weak, Qpd.DEFAULT)).isEqualTo(Status.BAD_CAP);
      assertThat(n.lookup(sel).isNull()).isTrue();
      ok(n.sys.createSc(sel, ROOT_PD, n.copy(global, Perm.EC_BIND_SC), Qpd.DEFAULT));
    }
  }

  @Test
  void item17_createPtBindingToAGlobalEcIsBadCap() {
    try (Nova n = Nova.boot()) {
      long global = n.sel();
      ok(n.sys.createEc(global, ROOT_PD, 0, n.utcbAddress(), 0, 0, true, null));
      long sel = n.sel();
      assertThat(n.sys.createPt(sel, ROOT_PD, global, 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.createPt(sel, ROOT_PD, Nova.ROOT_EC, 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.lookup(sel).isNull()).isTrue();
    }
  }

  @Test
  void item18_createPtWithAnEcCapLackingBit3IsBadCap() {
    try (Nova n = Nova.boot()) {
      long local = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {});
      long weak = n.copy(local, Perm.EC_FRESH & ~Perm.EC_BIND_PT);
      long sel = n.sel();
      assertThat(n.sys.createPt(sel, ROOT_PD, weak, 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.lookup(sel).isNull()).isTrue();
      ok(n.sys.createPt(sel, ROOT_PD, n.copy(local, Perm.EC_BIND_PT), 0, 0));
    }
  }

  @Test
  void item19_aNewPortalHasPidZeroAndPtCtrlSetsThePidTheCalleeReceives() {
    try (Nova n = Nova.boot()) {
      List<Long> pids = new ArrayList<>();
      long ec = n.localEc(ROOT_PD, 0, (self, ip, pid) -> pids.add(pid));
      long pt = n.portal(ec, 0);
      long other = n.portal(ec, 0);
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(pt));
      ok(n.sys.ptCtrl(pt, 0xfeed_beefL));
      ok(n.sys.call(pt));
      ok(n.sys.call(other)); // a second portal to the same EC keeps its own id
      ok(n.sys.ptCtrl(pt, -1));
      ok(n.sys.call(pt));
      assertThat(pids).containsExactly(0L, 0xfeed_beefL, 0L, -1L);
    }
  }

  @Test
  void item20_ptCtrlOnAPortalCapLackingBit0IsBadCap() {
    try (Nova n = Nova.boot()) {
      List<Long> pids = new ArrayList<>();
      long ec = n.localEc(ROOT_PD, 0, (self, ip, pid) -> pids.add(pid));
      long pt = n.portal(ec, 0);
      long callOnly = n.copy(pt, Perm.PT_CALL);
      assertThat(n.sys.ptCtrl(callOnly, 5)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.ptCtrl(n.sm(0), 5)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.ptCtrl(n.sel(), 5)).isEqualTo(Status.BAD_CAP);
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(callOnly));
      assertThat(pids).containsExactly(0L);
    }
  }
}
