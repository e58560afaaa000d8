package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.MemoryView;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host code reading and writing virtual memory: the page-fault protocol, the TLB and port access. */
class HostMemoryTest {
  private static final long ROOT_PD = 32;
  private static final long PAGER_EC = 100;
  private static final long DATA = 0x1000_0000L;
  /** The physical page the pager maps, well inside available RAM. */
  private static final long FRAME = 0x200;

  /** A root-PD pager mapping FRAME + (page index) at every faulting page, with the given permissions. */
  private static void installPager(io.github.genova.nova.api.Hypercalls sys, List<Long> faults, int perms) {
    assertThat(sys.createEc(PAGER_EC, ROOT_PD, 0, 0x7000_0000L, 0, 0, false, (self, ip, pid) -> {
      Utcb u = self.utcb();
      long address = u.qual(1);
      faults.add(u.qual(0));
      faults.add(address);
      long page = address >>> 12;
      u.setCounts(1, 0);
      u.setMtd(0);
      u.appendDelegate(Crd.memory(FRAME + (page - (DATA >>> 12)), 0, perms), page, Utcb.ITEM_HOST);
    })).isEqualTo(Status.SUCCESS);
    assertThat(sys.createPt(Event.PAGE_FAULT, ROOT_PD, PAGER_EC, Mtd.QUAL, 0)).isEqualTo(Status.SUCCESS);
  }

  @Test
  void pageFaultRetryLoopMapsThePageAndTheAccessSucceeds() {
    List<Long> faults = new ArrayList<>();
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        installPager(sys, faults, Perm.MEM_RWX);
        MemoryView mem = sys.memory();
        mem.writeLong(DATA + 8, 0x1122_3344_5566_7788L);
        assertThat(mem.readLong(DATA + 8)).isEqualTo(0x1122_3344_5566_7788L);
        assertThat(mem.readInt(DATA + 12)).isEqualTo(0x1122_3344);
        // A write crossing into the next page faults that page in too.
        mem.writeInt(DATA + 4094, 0xcafe_babe);
        assertThat(mem.readInt(DATA + 4094)).isEqualTo(0xcafe_babe);
      }, Duration.ofSeconds(10));
      assertThat(faults).containsExactly(
          (long) (MemoryView.FAULT_USER | MemoryView.FAULT_WRITE), DATA + 8,
          (long) (MemoryView.FAULT_USER | MemoryView.FAULT_WRITE), DATA + 4096);
      assertThat(k.machine().memory().frame(FRAME).get(ValueLayout.JAVA_LONG_UNALIGNED, 8))
          .isEqualTo(0x1122_3344_5566_7788L);
    }
  }

  @Test
  void revokingWriteAccessInvalidatesTheTlbAndTheNextWriteFaultsAsProtectionViolation() {
    List<Long> faults = new ArrayList<>();
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        installPager(sys, faults, Perm.MEM_RWX);
        MemoryView mem = sys.memory();
        mem.writeByte(DATA, (byte) 1);
        faults.clear();
        assertThat(sys.revoke(Crd.memory(DATA >>> 12, 0, Perm.MEM_W), true)).isEqualTo(Status.SUCCESS);
        assertThat(mem.readByte(DATA)).isEqualTo((byte) 1);
        assertThat(faults).isEmpty();
        // The pager's delegation lands in an occupied slot (read-only node): the EC would fault forever, so
        // drop the rest of the mapping and let the pager map it anew.
        assertThat(sys.revoke(Crd.memory(DATA >>> 12, 0, Perm.MEM_RWX), true)).isEqualTo(Status.SUCCESS);
        mem.writeByte(DATA, (byte) 2);
        assertThat(faults).containsExactly((long) (MemoryView.FAULT_USER | MemoryView.FAULT_WRITE), DATA);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void faultWithoutPagerKillsTheEc() {
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.start((sys, ip, arg) -> sys.memory().writeLong(DATA, 1));
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> k.awaitRoot(Duration.ofSeconds(10))))
          .isInstanceOf(io.github.genova.nova.api.RootTaskFailure.class)
          .hasMessageContaining("killed: no portal for event 0xe");
    }
  }

  @Test
  void portAccessNeedsThePortInThePortSpaceAndAHandlerMayDelegateIt() {
    List<Long> protectionFaults = new ArrayList<>();
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.machine().ports().claim(0x80, 1, new io.github.genova.platform.PortDevice() {
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
        assertThat(sys.createEc(PAGER_EC, ROOT_PD, 0, 0x7000_0000L, 0, 0, false, (self, ip2, pid) -> {
          protectionFaults.add(pid);
          Utcb u = self.utcb();
          u.setCounts(1, 0);
          u.setMtd(0);
          u.appendDelegate(Crd.io(0x80, 0, Perm.IO_ACCESS), 0, Utcb.ITEM_HOST);
        })).isEqualTo(Status.SUCCESS);
        assertThat(sys.createPt(Event.GENERAL_PROTECTION, ROOT_PD, PAGER_EC, 0, 0)).isEqualTo(Status.SUCCESS);
        sys.out(0x80, 1, 0x42);
        assertThat(sys.in(0x80, 1)).isEqualTo(0x42);
      }, Duration.ofSeconds(10));
    }
    assertThat(protectionFaults).hasSize(1);
  }
}
