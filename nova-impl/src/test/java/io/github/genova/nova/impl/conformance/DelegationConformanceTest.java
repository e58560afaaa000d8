package io.github.genova.nova.impl.conformance;

import static io.github.genova.nova.impl.conformance.Nova.ROOT_PD;
import static io.github.genova.nova.impl.conformance.Nova.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import io.github.genova.nova.impl.KernelProbe;
import io.github.genova.nova.impl.NovaKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Checklist items 45–53: delegation (types, permissions, hotspot, occupied slots, ports) and translation. */
class DelegationConformanceTest {
  /**
   * Agent {@code from} sends the typed items {@code items} writes to agent {@code to}, calling the portal
   * capability {@code ptInFrom} of its own PD; returns what {@code to} received against the given windows.
   */
  static List<Crd> send(Nova.Agent from, long ptInFrom, Nova.Agent to, Crd delegateWindow, Crd translateWindow,
      Consumer<Utcb> items) {
    to.run(self -> {
      self.utcb().setDelegateWindow(delegateWindow);
      self.utcb().setTranslateWindow(translateWindow);
      return 0;
    });
    List<Crd> got = new ArrayList<>();
    to.prepare(self -> {
      for (int i = 0; i < self.utcb().typed(); i++) {
        got.add(self.utcb().item(i));
      }
      return 0;
    });
    Status s = from.run(self -> {
      self.utcb().setCounts(0, 0);
      items.accept(self.utcb());
      return self.call(ptInFrom);
    });
    assertThat(s).isEqualTo(Status.SUCCESS);
    return got;
  }

  @Test
  void item45_aDelegateItemIntoAWindowOfAnotherTypeGivesANullCrdAndInstallsNothing() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(0);
      Nova.Agent a = n.agent(n.pd(Crd.NULL));
      List<Crd> got = a.receive(Crd.memory(0x10, 0, Perm.MEM_RWX), Crd.NULL,
          u -> u.appendDelegate(Crd.object(sm, 0, Perm.ALL), 0x10, 0));
      assertThat(got).containsExactly(Crd.NULL);
      assertThat(a.lookup(0x10).isNull()).isTrue();
      assertThat(a.lookup(Crd.memory(0x10, 0, 0)).isNull()).isTrue();
      // A memory item into an object window, and anything into the null window.
      long page = NovaKernel.ROOT_UTCB_ADDRESS >>> 12;
      got = a.receive(Crd.object(0x10, 0, Perm.ALL), Crd.NULL,
          u -> u.appendDelegate(Crd.memory(page, 0, Perm.MEM_R), 0, 0));
      assertThat(got).containsExactly(Crd.NULL);
      got = a.receive(Crd.NULL, Crd.NULL, u -> u.appendDelegate(Crd.object(sm, 0, Perm.ALL), 0, 0));
      assertThat(got).containsExactly(Crd.NULL);
      got = a.receive(Crd.io(0, 16, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.object(sm, 0, Perm.ALL), 0, 0));
      assertThat(got).containsExactly(Crd.NULL);
      assertThat(a.lookup(0x10).isNull()).isTrue();
      assertThat(a.lookup(0).isNull()).isTrue();
      assertThat(a.lookup(Crd.memory(0, 0, 0)).isNull()).isTrue();
    }
  }

  @Test
  void item46_delegatedPermsAreSourceAndMaskAndWindow() {
    try (Nova n = Nova.boot()) {
      Nova.Agent a = n.agent(n.pd(Crd.NULL));
      long pd = Nova.ROOT_PD; // source permissions 0x1f
      int[][] cases = {{0x1f, 0x1f}, {0x0b, 0x1f}, {0x1f, 0x1a}, {0x0b, 0x1a}, {0x13, 0x07}};
      long at = 0x40;
      for (int[] c : cases) {
        List<Crd> got = a.receive(Crd.object(at, 0, c[1]), Crd.NULL,
            u -> u.appendDelegate(Crd.object(pd, 0, c[0]), 0, 0));
        int expected = Perm.PD_ALL & c[0] & c[1];
        assertThat(a.lookup(at)).isEqualTo(Crd.object(at, 0, expected));
        assertThat(got).containsExactly(Crd.object(at, 0, c[0] & c[1]));
        at++;
      }
      // The source's own permissions bound the result: an SM (0x03) offered with every bit.
      long sm = n.copy(n.sm(0), Perm.SM_DOWN);
      a.receive(Crd.object(at, 0, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.object(sm, 0, Perm.ALL), 0, 0));
      assertThat(a.lookup(at)).isEqualTo(Crd.object(at, 0, Perm.SM_DOWN));
      // Memory: the root UTCB (read-write) into a read-execute window.
      long page = NovaKernel.ROOT_UTCB_ADDRESS >>> 12;
      a.receive(Crd.memory(0x300, 0, Perm.MEM_R | Perm.MEM_X), Crd.NULL,
          u -> u.appendDelegate(Crd.memory(page, 0, Perm.MEM_RWX), 0, 0));
      assertThat(a.lookup(Crd.memory(0x300, 0, 0))).isEqualTo(Crd.memory(0x300, 0, Perm.MEM_R));
    }
  }

  @Test
  void item47_zeroCombinedPermsInstallNothingAndGiveANullCrd() {
    try (Nova n = Nova.boot()) {
      Nova.Agent a = n.agent(n.pd(Crd.NULL));
      long sm = n.sm(0); // 0x03
      // Mask and window disjoint.
      List<Crd> got = a.receive(Crd.object(0x40, 0, Perm.SM_DOWN), Crd.NULL,
          u -> u.appendDelegate(Crd.object(sm, 0, Perm.SM_UP), 0, 0));
      assertThat(got).containsExactly(Crd.NULL);
      // Mask and window overlap only outside the source's permissions: the combined perms are zero too.
      got = a.receive(Crd.object(0x41, 0, 0x1c), Crd.NULL, u -> u.appendDelegate(Crd.object(sm, 0, 0x1c), 0, 0));
      assertThat(got).containsExactly(Crd.NULL);
      assertThat(a.lookup(0x40).isNull()).isTrue();
      assertThat(a.lookup(0x41).isNull()).isTrue();
      // An empty mask.
      got = a.receive(Crd.object(0x42, 0, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.object(sm, 0, 0), 0, 0));
      assertThat(got).containsExactly(Crd.NULL);
      assertThat(a.lookup(0x42).isNull()).isTrue();
    }
  }

  @Test
  void item48_senderOrderZeroIntoAWindowOfOrderFourLandsAtWindowBasePlusHotspotModSixteen() {
    try (Nova n = Nova.boot()) {
      Nova.Agent a = n.agent(n.pd(Crd.NULL));
      long sm = n.sm(0);
      for (long hot : new long[] {0x1237, 0x0, 0xf, 0x10}) {
        Nova.Agent b = n.agent(n.pd(Crd.NULL));
        List<Crd> got = b.receive(Crd.object(0x40, 4, Perm.ALL), Crd.NULL,
            u -> u.appendDelegate(Crd.object(sm, 0, Perm.ALL), hot, 0));
        long target = 0x40 + (hot % 16);
        assertThat(got).containsExactly(Crd.object(target, 0, Perm.ALL));
        for (long s = 0x40; s < 0x50; s++) {
          assertThat(b.lookup(s).isNull()).as("selector %s", s).isEqualTo(s != target);
        }
        assertThat(KernelProbe.objectAt(n.kernel, b.pd, target)).isSameAs(KernelProbe.objectAt(n.kernel, ROOT_PD, sm));
      }
      // An unaligned window base is aligned down first.
      a.receive(Crd.object(0x47, 4, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.object(sm, 0, Perm.ALL), 2, 0));
      assertThat(a.lookup(0x42).isNull()).isFalse();
    }
  }

  @Test
  void item49_senderOrderFourIntoAWindowOfOrderZeroDelegatesOnlyTheCapAtBasePlusHotspotModSixteen() {
    try (Nova n = Nova.boot()) {
      long base = n.sels(4);
      for (int i = 0; i < 16; i++) {
        ok(n.sys.createSm(base + i, ROOT_PD, i));
      }
      for (long hot : new long[] {0x35, 0x0, 0xf}) {
        Nova.Agent a = n.agent(n.pd(Crd.NULL));
        List<Crd> got = a.receive(Crd.object(0x80, 0, Perm.ALL), Crd.NULL,
            u -> u.appendDelegate(Crd.object(base, 4, Perm.ALL), hot, 0));
        assertThat(got).containsExactly(Crd.object(0x80, 0, Perm.ALL));
        assertThat(KernelProbe.objectAt(n.kernel, a.pd, 0x80))
            .isSameAs(KernelProbe.objectAt(n.kernel, ROOT_PD, base + hot % 16));
        assertThat(a.lookup(0x81).isNull()).isTrue();
        assertThat(a.lookup(0x7f).isNull()).isTrue();
      }
      // Equal orders: the whole range, in place.
      Nova.Agent b = n.agent(n.pd(Crd.NULL));
      b.receive(Crd.object(0x100, 4, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.object(base, 4, Perm.ALL), 0, 0));
      for (int i = 0; i < 16; i++) {
        assertThat(KernelProbe.objectAt(n.kernel, b.pd, 0x100 + i))
            .isSameAs(KernelProbe.objectAt(n.kernel, ROOT_PD, base + i));
      }
    }
  }

  @Test
  void item50_delegatingIntoAnOccupiedSlotLeavesTheExistingCapUntouched() {
    try (Nova n = Nova.boot()) {
      long mine = n.sm(0);
      long theirs = n.sm(0);
      Nova.Agent a = n.agent(n.pd(Crd.NULL));
      a.give(mine, Perm.SM_UP, 0x11);
      Object before = KernelProbe.objectAt(n.kernel, a.pd, 0x11);
      a.receive(Crd.object(0x11, 0, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.object(theirs, 0, Perm.ALL), 0, 0));
      assertThat(KernelProbe.objectAt(n.kernel, a.pd, 0x11)).isSameAs(before);
      assertThat(a.lookup(0x11)).isEqualTo(Crd.object(0x11, 0, Perm.SM_UP));
      // In a range, only the occupied slot is skipped.
      long base = n.sels(2);
      for (int i = 0; i < 4; i++) {
        ok(n.sys.createSm(base + i, ROOT_PD, 0));
      }
      a.receive(Crd.object(0x10, 2, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.object(base, 2, Perm.ALL), 0, 0));
      assertThat(KernelProbe.objectAt(n.kernel, a.pd, 0x11)).isSameAs(before);
      assertThat(a.lookup(0x11)).isEqualTo(Crd.object(0x11, 0, Perm.SM_UP));
      for (int i : new int[] {0, 2, 3}) {
        assertThat(KernelProbe.objectAt(n.kernel, a.pd, 0x10 + i)).isSameAs(KernelProbe.objectAt(n.kernel, ROOT_PD, base + i));
      }
    }
  }

  @Test
  void item51_portDelegationInstallsTheSamePortNumbersInTheReceiver() {
    try (Nova n = Nova.boot()) {
      Nova.Agent a = n.agent(n.pd(Crd.NULL));
      // The root's ports come from the kernel's space (host flag); the hotspot is ignored.
      List<Crd> got = a.receive(Crd.io(0, 16, Perm.IO_ACCESS), Crd.NULL,
          u -> u.appendDelegate(Crd.io(0x3f8, 3, Perm.IO_ACCESS), 0x1234, Utcb.ITEM_HOST));
      assertThat(got).containsExactly(Crd.io(0x3f8, 3, Perm.IO_ACCESS));
      for (int p = 0x3f0; p < 0x408; p++) {
        Crd c = a.lookup(Crd.io(p, 0, 0));
        assertThat(c).as("port %x", p).isEqualTo(p >= 0x3f8 && p < 0x400 ? Crd.io(p, 0, Perm.IO_ACCESS) : Crd.NULL);
      }
      // A smaller window inside the range: only the intersection, at its own numbers.
      Nova.Agent b = n.agent(n.pd(Crd.NULL));
      got = b.receive(Crd.io(0x3fa, 1, Perm.IO_ACCESS), Crd.NULL,
          u -> u.appendDelegate(Crd.io(0x3f8, 3, Perm.IO_ACCESS), 0, Utcb.ITEM_HOST));
      assertThat(got).containsExactly(Crd.io(0x3fa, 1, Perm.IO_ACCESS));
      assertThat(b.lookup(Crd.io(0x3f9, 0, 0))).isEqualTo(Crd.NULL);
      assertThat(b.lookup(Crd.io(0x3fa, 0, 0))).isEqualTo(Crd.io(0x3fa, 0, Perm.IO_ACCESS));
      assertThat(b.lookup(Crd.io(0x3fb, 0, 0))).isEqualTo(Crd.io(0x3fb, 0, Perm.IO_ACCESS));
      assertThat(b.lookup(Crd.io(0x3fc, 0, 0))).isEqualTo(Crd.NULL);
      // Disjoint ranges: nothing.
      got = b.receive(Crd.io(0x60, 0, Perm.IO_ACCESS), Crd.NULL,
          u -> u.appendDelegate(Crd.io(0x3f8, 3, Perm.IO_ACCESS), 0x60, Utcb.ITEM_HOST));
      assertThat(got).containsExactly(Crd.NULL);
      assertThat(b.lookup(Crd.io(0x60, 0, 0))).isEqualTo(Crd.NULL);
      // Onward from a PD that holds them: still the same numbers.
      a.give(b.pt, Perm.PT_CALL, 0x50);
      got = send(a, 0x50, b, Crd.io(0, 16, Perm.IO_ACCESS), Crd.NULL,
          u -> u.appendDelegate(Crd.io(0x3fe, 1, Perm.IO_ACCESS), 0, 0));
      assertThat(got).containsExactly(Crd.io(0x3fe, 1, Perm.IO_ACCESS));
      assertThat(b.lookup(Crd.io(0x3ff, 0, 0))).isEqualTo(Crd.io(0x3ff, 0, Perm.IO_ACCESS));
    }
  }

  @Test
  void item52_translatingACapTheReceiverDelegatedYieldsTheReceiversOriginalSelector() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(0);
      Nova.Agent b = n.agent(n.pd(Crd.NULL));
      b.give(sm, Perm.SM_UP | Perm.SM_DOWN, 0x20);
      n.utcb().setTranslateWindow(Crd.object(0, 16, Perm.ALL));
      List<Crd> got = b.replyWith(u -> u.appendTranslate(Crd.object(0x20, 0, Perm.ALL)));
      assertThat(got).containsExactly(Crd.object(sm, 0, Perm.SM_UP | Perm.SM_DOWN));
      // Two levels down: root -> b -> c; c's translation still finds the root's selector.
      Nova.Agent c = n.agent(n.pd(Crd.NULL));
      b.give(c.pt, Perm.PT_CALL, 0x30);
      send(b, 0x30, c, Crd.object(0x70, 0, Perm.ALL), Crd.NULL,
          u -> u.appendDelegate(Crd.object(0x20, 0, Perm.SM_UP), 0, 0));
      assertThat(c.lookup(0x70)).isEqualTo(Crd.object(0x70, 0, Perm.SM_UP));
      got = c.replyWith(u -> u.appendTranslate(Crd.object(0x70, 0, Perm.ALL)));
      assertThat(got).containsExactly(Crd.object(sm, 0, Perm.SM_UP));
      // And c translating to b finds b's selector.
      c.give(b.pt, Perm.PT_CALL, 0x31);
      got = send(c, 0x31, b, Crd.NULL, Crd.object(0, 8, Perm.ALL),
          u -> u.appendTranslate(Crd.object(0x70, 0, Perm.ALL)));
      assertThat(got).containsExactly(Crd.object(0x20, 0, Perm.SM_UP));
      n.utcb().setTranslateWindow(Crd.NULL);
    }
  }

  @Test
  void item53_translatingACapNotDerivedFromTheReceiverYieldsANullCrd() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(0);
      Nova.Agent b = n.agent(n.pd(Crd.NULL));
      Nova.Agent c = n.agent(n.pd(Crd.NULL));
      b.give(sm, Perm.ALL, 0x20);
      b.give(c.pt, Perm.PT_CALL, 0x30);
      // c is no ancestor of b's capability.
      List<Crd> got = send(b, 0x30, c, Crd.NULL, Crd.object(0, 16, Perm.ALL),
          u -> u.appendTranslate(Crd.object(0x20, 0, Perm.ALL)));
      assertThat(got).containsExactly(Crd.NULL);
      // The root is the ancestor, but its translate window does not cover its selector.
      n.utcb().setTranslateWindow(Crd.object(sm + 1, 0, Perm.ALL));
      assertThat(b.replyWith(u -> u.appendTranslate(Crd.object(0x20, 0, Perm.ALL)))).containsExactly(Crd.NULL);
      // An empty selector translates to nothing; translation installs nothing.
      n.utcb().setTranslateWindow(Crd.object(0, 16, Perm.ALL));
      assertThat(b.replyWith(u -> u.appendTranslate(Crd.object(0x21, 0, Perm.ALL)))).containsExactly(Crd.NULL);
      assertThat(b.replyWith(u -> u.appendTranslate(Crd.object(0x20, 0, Perm.ALL))))
          .containsExactly(Crd.object(sm, 0, Perm.SM_FRESH));
      assertThat(n.lookup(sm)).isEqualTo(Crd.object(sm, 0, Perm.SM_FRESH));
      n.utcb().setTranslateWindow(Crd.NULL);
    }
  }
}
