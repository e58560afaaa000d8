package io.github.genova.nova.impl;

import static io.github.genova.nova.impl.RootWorld.ROOT_PD;
import static io.github.genova.nova.impl.RootWorld.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.Hip;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.MemoryView;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.RootTaskFailure;
import io.github.genova.nova.api.Utcb;
import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;
import io.github.genova.platform.device.vga.Vga;
import io.github.genova.platform.pc.StandardPc;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Host code reading and writing virtual memory and ports: checklist items 66, 67 and 69 (the page-fault
 * protocol), the fault-and-retry loop, memory rights, TLB invalidation by revoke, and port access through
 * the port space.
 */
class HostMemoryTest {
  private static final long PAGER_EC = 100;
  private static final long DATA = 0x1000_0000L;
  /** The physical page the pager maps, well inside available RAM. */
  private static final long FRAME = 0x200;
  private static final long USER_WRITE = MemoryView.FAULT_USER | MemoryView.FAULT_WRITE;

  /**
   * A root-PD pager on the root EC's page-fault portal (SEL_EVT 0): it records error code and address and
   * maps FRAME + (page index) at the faulting page with the permissions {@code permsForFault} gives for the
   * n-th fault (0: map nothing).
   */
  private static void installPager(Hypercalls sys, List<Long> faults, IntUnaryOperator permsForFault) {
    check(sys.createEc(PAGER_EC, ROOT_PD, 0, 0x7000_0000L, 0, 0, false, (self, ip, pid) -> {
      Utcb u = self.utcb();
      long address = u.qual(1);
      faults.add(u.qual(0));
      faults.add(address);
      int perms = permsForFault.applyAsInt(faults.size() / 2);
      long page = address >>> 12;
      u.setMtd(0);
      u.setCounts(0, 0);
      if (perms != 0) {
        u.appendDelegate(Crd.memory(FRAME + (page - (DATA >>> 12)), 0, perms), page, Utcb.ITEM_HOST);
      }
    }));
    check(sys.createPt(Event.PAGE_FAULT, ROOT_PD, PAGER_EC, Mtd.QUAL, 0));
  }

  @Test
  void item66_pageFaultIsDeliveredThroughSelEvtPlus0x0eWithErrorCodeInQual0AndAddressInQual1() {
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long done = w.semaphore(0);
        long pager = w.local(0, (self, ip2, pid) -> {
          Utcb u = self.utcb();
          seen.add(pid);
          seen.add(u.qual(0));
          seen.add(u.qual(1));
          u.setMtd(0);
          u.setCounts(0, 0);
          u.appendDelegate(Crd.memory(FRAME, 0, Perm.MEM_RWX), u.qual(1) >>> 12, Utcb.ITEM_HOST);
        });
        long pt = RootWorld.eventBase(0) + Event.PAGE_FAULT;
        check(sys.createPt(pt, ROOT_PD, pager, Mtd.QUAL, 0));
        check(sys.ptCtrl(pt, 0xe));
        w.global(0, 5, 1000, (self, ip2, a) -> {
          self.memory().writeInt(0x2345_6010L, 7);
          self.smUp(done);
        });
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(10));
    }
    assertThat(seen).containsExactly(0xeL, USER_WRITE, 0x2345_6010L);
  }

  @Test
  void item67_handlersUtcbHoldsThePortalsMtdAndOnlyTheFieldsItSelects() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        check(sys.createEc(PAGER_EC, ROOT_PD, 0, 0x7000_0000L, 0, 0, false, (self, ip2, pid) -> {
          Utcb u = self.utcb();
          seen.add("mtd " + u.mtd() + " qual1 " + Long.toHexString(u.qual(1)) + " ip " + Long.toHexString(u.ip())
              + " rdi " + Long.toHexString(u.gpr(7)));
          long page = u.qual(1) >>> 12;
          u.setIp(0xdead); // scribbles the kernel must leave alone next time (the portal's MTD lacks them)
          u.setGpr(7, 0xbeef);
          u.setMtd(0);
          u.setCounts(0, 0);
          u.appendDelegate(Crd.memory(FRAME + (page & 1), 0, Perm.MEM_RWX), page, Utcb.ITEM_HOST);
        }));
        check(sys.createPt(Event.PAGE_FAULT, ROOT_PD, PAGER_EC, Mtd.QUAL, 0));
        sys.memory().writeByte(DATA, (byte) 1);
        sys.memory().writeByte(DATA + 0x1000, (byte) 1);
      }, Duration.ofSeconds(10));
    }
    assertThat(seen).containsExactly("mtd " + Mtd.QUAL + " qual1 10000000 ip 0 rdi 0",
        "mtd " + Mtd.QUAL + " qual1 10001000 ip dead rdi beef");
  }

  @Test
  void item69_pageFaultReplyWithAMemoryDelegateItemMapsThePageSoTheRetriedAccessSucceeds() {
    List<Long> faults = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        installPager(sys, faults, n -> Perm.MEM_RWX);
        MemoryView mem = sys.memory();
        mem.writeLong(DATA + 8, 0x1122_3344_5566_7788L);
        assertThat(mem.readLong(DATA + 8)).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(mem.readInt(DATA + 12)).isEqualTo(0x1122_3344);
        assertThat(sys.lookupCrd(Crd.memory(DATA >>> 12, 0, 0))).isEqualTo(Crd.memory(DATA >>> 12, 0, Perm.MEM_RWX));
        // A write crossing into the next page faults that page in too.
        mem.writeInt(DATA + 4094, 0xcafe_babe);
        assertThat(mem.readInt(DATA + 4094)).isEqualTo(0xcafe_babe);
      }, Duration.ofSeconds(10));
      assertThat(faults).containsExactly(USER_WRITE, DATA + 8, USER_WRITE, DATA + 4096);
      assertThat(k.machine().memory().frame(FRAME).get(ValueLayout.JAVA_LONG_UNALIGNED, 8))
          .isEqualTo(0x1122_3344_5566_7788L);
    }
  }

  @Test
  void pageFaultRetryLoopFaultsAgainUntilTheHandlerMapsThePage() {
    List<Long> faults = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        installPager(sys, faults, n -> n < 3 ? 0 : Perm.MEM_R); // the first two replies map nothing
        assertThat(sys.memory().readShort(DATA + 0x20)).isZero();
      }, Duration.ofSeconds(10));
    }
    long read = MemoryView.FAULT_USER;
    assertThat(faults).containsExactly(read, DATA + 0x20, read, DATA + 0x20, read, DATA + 0x20);
  }

  @Test
  void memoryRightsAreEnforcedAWriteToAReadOnlyPageIsAPresentWriteFault() {
    List<Long> faults = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        check(sys.createEc(PAGER_EC, ROOT_PD, 0, 0x7000_0000L, 0, 0, false, (self, ip2, pid) -> {
          Utcb u = self.utcb();
          faults.add(u.qual(0));
          long page = u.qual(1) >>> 12;
          boolean upgrade = (u.qual(0) & MemoryView.FAULT_PRESENT) != 0;
          if (upgrade) {
            // A delegation never widens an existing mapping (item 50): drop the read-only one first.
            check(self.revoke(Crd.memory(page, 0, Perm.MEM_RWX), true));
          }
          u.setMtd(0);
          u.setCounts(0, 0);
          u.appendDelegate(Crd.memory(FRAME, 0, upgrade ? Perm.MEM_R | Perm.MEM_W : Perm.MEM_R), page, Utcb.ITEM_HOST);
        }));
        check(sys.createPt(Event.PAGE_FAULT, ROOT_PD, PAGER_EC, Mtd.QUAL, 0));
        MemoryView mem = sys.memory();
        k.machine().memory().frame(FRAME).set(ValueLayout.JAVA_INT_UNALIGNED, 0, 41);
        assertThat(mem.readInt(DATA)).isEqualTo(41);
        mem.writeInt(DATA, 42);
        assertThat(mem.readInt(DATA)).isEqualTo(42);
      }, Duration.ofSeconds(10));
    }
    assertThat(faults).containsExactly((long) MemoryView.FAULT_USER,
        (long) (MemoryView.FAULT_USER | MemoryView.FAULT_PRESENT | MemoryView.FAULT_WRITE));
  }

  @Test
  void revokingWriteAccessInvalidatesTheTlbAndTheNextWriteFaultsAsProtectionViolation() {
    List<Long> faults = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        installPager(sys, faults, n -> Perm.MEM_RWX);
        MemoryView mem = sys.memory();
        mem.writeByte(DATA, (byte) 1);
        faults.clear();
        check(sys.revoke(Crd.memory(DATA >>> 12, 0, Perm.MEM_W), true));
        assertThat(mem.readByte(DATA)).isEqualTo((byte) 1);
        assertThat(faults).isEmpty();
        // The pager's delegation would land in the occupied read-only slot (item 50) and the EC would fault
        // forever, so drop the rest of the mapping and let the pager map it anew.
        check(sys.revoke(Crd.memory(DATA >>> 12, 0, Perm.MEM_RWX), true));
        mem.writeByte(DATA, (byte) 2);
        assertThat(faults).containsExactly(USER_WRITE, DATA);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void revokeInvalidatesTheTlbOfAnEcInAnotherPdOnAnotherCpu() {
    List<Long> childFaults = Collections.synchronizedList(new ArrayList<>());
    List<Integer> values = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(2))) {
      k.runRoot((sys, ip, arg) -> {
        installPager(sys, new ArrayList<>(), n -> Perm.MEM_RWX);
        RootWorld w = new RootWorld(k, sys, 2);
        sys.memory().writeInt(DATA, 7); // the root PD owns the page
        // Objects at 0x800.. become the child PD's selectors 0..31: its STARTUP and page-fault portals
        // (for its EC on CPU 1) and two semaphores.
        long range = 0x800;
        long starter = w.local(1, (self, ip2, pid) -> {
          self.utcb().setMtd(Mtd.RIP_LEN);
          self.utcb().setIp(0x1000);
        });
        check(sys.createPt(range + Event.STARTUP, ROOT_PD, starter, 0, 0));
        long childPager = w.local(1, (self, ip2, pid) -> {
          Utcb u = self.utcb();
          childFaults.add(u.qual(1));
          u.setMtd(0);
          u.setCounts(0, 0);
          // The root PD's own page, delegated (not from the kernel): the child's mapping derives from it.
          u.appendDelegate(Crd.memory(DATA >>> 12, 0, Perm.MEM_R), u.qual(1) >>> 12, 0);
        });
        check(sys.createPt(range + Event.PAGE_FAULT, ROOT_PD, childPager, Mtd.QUAL, 0));
        check(sys.createSm(range + 0x10, ROOT_PD, 0)); // read done
        check(sys.createSm(range + 0x11, ROOT_PD, 0)); // go on
        long child = w.sel();
        check(sys.createPd(child, ROOT_PD, Crd.object(range, 5, 0x1f)));
        long reader = w.sel();
        check(sys.createEc(reader, child, 1, 0x5000_0000L, 0, 0, true, (self, ip2, a) -> {
          for (int round = 0; round < 3; round++) {
            values.add(self.memory().readInt(DATA));
            self.smUp(0x10);
            self.smDown(0x11, false, 0);
          }
        }));
        check(sys.createSc(reader + 1, ROOT_PD, reader, new Qpd(5, 1000)));
        check(sys.smDown(range + 0x10, false, 0)); // first read: faulted in, cached in the reader's TLB
        sys.memory().writeInt(DATA, 8);
        check(sys.smUp(range + 0x11));
        check(sys.smDown(range + 0x10, false, 0)); // second read: from the TLB, no fault
        check(sys.revoke(Crd.memory(DATA >>> 12, 0, Perm.MEM_RWX), false)); // the child's copy goes
        sys.memory().writeInt(DATA, 9); // the root keeps its own
        check(sys.smUp(range + 0x11));
        check(sys.smDown(range + 0x10, false, 0)); // third read: the TLB was invalidated, so it faults
      }, Duration.ofSeconds(10));
    }
    assertThat(values).containsExactly(7, 8, 9);
    assertThat(childFaults).containsExactly(DATA, DATA);
  }

  @Test
  void faultWithoutPagerKillsTheEc() {
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.start((sys, ip, arg) -> sys.memory().writeLong(DATA, 1));
      assertThat(Assertions.catchThrowable(() -> k.awaitRoot(Duration.ofSeconds(10))))
          .isInstanceOf(RootTaskFailure.class)
          .hasMessageContaining("killed: no portal for event 0xe");
    }
  }

  @Test
  void portAccessWithoutTheRightRaisesGpWithItReachesThePortBusAndRevokeTakesItAway() {
    List<Long> protectionFaults = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.machine().ports().claim(0x80, 1, new PortDevice() {
        private int last;

        @Override
        public int in(int port, int size) {
          return last;
        }

        @Override
        public void out(int port, int size, int value) {
          last = value;
        }
      });
      k.runRoot((sys, ip, arg) -> {
        check(sys.createEc(PAGER_EC, ROOT_PD, 0, 0x7000_0000L, 0, 0, false, (self, ip2, pid) -> {
          protectionFaults.add(pid);
          Utcb u = self.utcb();
          u.setCounts(0, 0);
          u.setMtd(0);
          u.appendDelegate(Crd.io(0x80, 0, Perm.IO_ACCESS), 0, Utcb.ITEM_HOST);
        }));
        check(sys.createPt(Event.GENERAL_PROTECTION, ROOT_PD, PAGER_EC, 0, 0));
        check(sys.ptCtrl(Event.GENERAL_PROTECTION, 0xd));
        sys.out(0x80, 1, 0x42);
        assertThat(protectionFaults).hasSize(1);
        assertThat(sys.in(0x80, 1)).isEqualTo(0x42);
        assertThat(protectionFaults).hasSize(1);
        assertThat(sys.lookupCrd(Crd.io(0x80, 0, 0))).isEqualTo(Crd.io(0x80, 0, Perm.IO_ACCESS));
        check(sys.revoke(Crd.io(0x80, 0, Perm.IO_ACCESS), true));
        assertThat(sys.lookupCrd(Crd.io(0x80, 0, 0))).isEqualTo(Crd.NULL);
        assertThat(sys.in(0x80, 1)).isEqualTo(0x42); // faults again; the handler delegates it anew
        assertThat(protectionFaults).containsExactly(0xdL, 0xdL);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void portAccessWithoutAHandlerKillsTheEcAndNeverReachesTheDevice() {
    int[] writes = {0};
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.machine().ports().claim(0x80, 1, new PortDevice() {
        @Override
        public int in(int port, int size) {
          return 0;
        }

        @Override
        public void out(int port, int size, int value) {
          writes[0]++;
        }
      });
      k.start((sys, ip, arg) -> sys.out(0x80, 1, 1));
      assertThat(Assertions.catchThrowable(() -> k.awaitRoot(Duration.ofSeconds(10))))
          .isInstanceOf(RootTaskFailure.class)
          .hasMessageContaining("killed: no portal for event 0xd");
    }
    assertThat(writes[0]).isZero();
  }

  @Test
  void deviceMemoryIsListedInTheHipAndMapsToTheDevicesOwnMemory() {
    KernelConfig config = KernelConfig.defaults();
    Machine machine = Machine.builder()
        .cpus(config.cpus())
        .ram(config.ramBytes())
        .virtualTime(true)
        .devices(StandardPc.devices())
        .build();
    Vga vga = StandardPc.of(machine).vga();
    try (NovaKernel k = NovaKernel.boot(machine, config)) {
      assertThat(k.hip().memory())
          .contains(new Hip.MemoryRegion(Vga.DEFAULT_LFB, Vga.VRAM_BYTES, Hip.MEM_RESERVED, 0))
          .as("the legacy VGA window is a hole, not available RAM")
          .noneMatch(r -> r.type() == Hip.MEM_AVAILABLE && r.address() < 0xc0000 && r.address() + r.size() > 0xa0000);
      k.runRoot((sys, ip, arg) -> {
        check(sys.createEc(PAGER_EC, ROOT_PD, 0, 0x7000_0000L, 0, 0, false, (self, ip2, pid) -> {
          Utcb u = self.utcb();
          long page = u.qual(1) >>> 12;
          u.setMtd(0);
          u.setCounts(0, 0);
          u.appendDelegate(Crd.memory((Vga.DEFAULT_LFB >>> 12) + (page - (DATA >>> 12)), 0, Perm.MEM_R | Perm.MEM_W),
              page, Utcb.ITEM_HOST);
        }));
        check(sys.createPt(Event.PAGE_FAULT, ROOT_PD, PAGER_EC, Mtd.QUAL, 0));
        sys.memory().writeInt(DATA + 0x1ffe, 0x1234_5678); // across two device pages
        vga.vram().set(ValueLayout.JAVA_INT_UNALIGNED, 0x10, 0x5a5a_5a5a);
        assertThat(sys.memory().readInt(DATA + 0x10)).isEqualTo(0x5a5a_5a5a);
        assertThat(vga.vram().get(ValueLayout.JAVA_INT_UNALIGNED, 0x1ffe)).isEqualTo(0x1234_5678);
      }, Duration.ofSeconds(10));
    }
  }
}
