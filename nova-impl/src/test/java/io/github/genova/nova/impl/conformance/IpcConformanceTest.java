package io.github.genova.nova.impl.conformance;

import static io.github.genova.nova.impl.conformance.Nova.MILLISECOND;
import static io.github.genova.nova.impl.conformance.Nova.ROOT_PD;
import static io.github.genova.nova.impl.conformance.Nova.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercall;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import io.github.genova.nova.impl.KernelProbe;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Checklist items 30–44: portal calls, message transfer, donation, helping, nesting, reply and abort. */
class IpcConformanceTest {
  private static final int NON_BLOCKING = Hypercall.FLAG_CALL_NON_BLOCKING;

  @Test
  void item30_callOnASelectorThatIsNoPortalIsBadCap() {
    try (Nova n = Nova.boot()) {
      long local = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {});
      n.utcb().setCounts(0, 0);
      for (long sel : new long[] {n.sel(), n.sm(1), local, Nova.ROOT_PD, Nova.ROOT_EC, Nova.ROOT_SC}) {
        assertThat(n.sys.call(sel)).as("call %s", sel).isEqualTo(Status.BAD_CAP);
      }
      // A portal capability without the call right is refused too.
      long pt = n.portal(local, 0);
      assertThat(n.sys.call(n.copy(pt, Perm.PT_CTRL))).isEqualTo(Status.BAD_CAP);
      ok(n.sys.call(pt));
    }
  }

  // A call through the selector of the caller's last call skips the object-space walk (the gate remembers
  // the portal); these check that what it remembers never outlives the capability.

  @Test
  void item30_aPortalSelectorJustCalledIsBadCapOnceItsCallRightOrItsCapabilityIsGone() {
    try (Nova n = Nova.boot()) {
      AtomicLong served = new AtomicLong();
      long pt = n.copy(n.portal(n.localEc(ROOT_PD, 0, (self, ip, pid) -> served.incrementAndGet()), 0), Perm.ALL);
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(pt));
      ok(n.sys.call(pt));
      ok(n.sys.revoke(Crd.object(pt, 0, Perm.PT_CALL), true));
      assertThat(n.lookup(pt)).isEqualTo(Crd.object(pt, 0, Perm.PT_CTRL));
      assertThat(n.sys.call(pt)).isEqualTo(Status.BAD_CAP);
      ok(n.sys.revoke(Crd.object(pt, 0, Perm.ALL), true));
      assertThat(n.lookup(pt)).isEqualTo(Crd.NULL);
      assertThat(n.sys.call(pt)).isEqualTo(Status.BAD_CAP);
      assertThat(served.get()).isEqualTo(2);
    }
  }

  @Test
  void item32_aSelectorJustCalledAndRefilledWithAnotherPortalStartsTheNewPortalsEc() {
    try (Nova n = Nova.boot()) {
      List<String> served = new ArrayList<>();
      long a = n.portal(n.localEc(ROOT_PD, 0, (self, ip, pid) -> served.add("a")), 0);
      long b = n.portal(n.localEc(ROOT_PD, 0, (self, ip, pid) -> served.add("b")), 0);
      long sel = n.copy(a, Perm.ALL);
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(sel));
      ok(n.sys.revoke(Crd.object(sel, 0, Perm.ALL), true));
      n.agent(ROOT_PD).receive(Crd.object(sel, 0, Perm.ALL), Crd.NULL,
          u -> u.appendDelegate(Crd.object(b, 0, Perm.ALL), 0, 0));
      assertThat(n.lookup(sel)).isEqualTo(Crd.object(sel, 0, n.lookup(b).perms()));
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(sel));
      ok(n.sys.call(a));
      assertThat(served).containsExactly("a", "b", "a");
    }
  }

  @Test
  void item56_aHolderThatJustCalledAPortalGetsBadCapOnceItsDelegatorRevokedIt() {
    try (Nova n = Nova.boot()) {
      AtomicLong served = new AtomicLong();
      long pt = n.portal(n.localEc(ROOT_PD, 0, (self, ip, pid) -> served.incrementAndGet()), 0);
      Nova.Agent holder = n.agent(n.pd(Crd.NULL));
      holder.give(pt, Perm.ALL, 0x20);
      assertThat(holder.lookup(0x20)).isEqualTo(Crd.object(0x20, 0, n.lookup(pt).perms()));
      java.util.function.Function<Hypercalls, Status> callIt = self -> {
        self.utcb().setCounts(0, 0);
        return self.call(0x20);
      };
      assertThat(holder.run(callIt)).isEqualTo(Status.SUCCESS);
      assertThat(holder.run(callIt)).isEqualTo(Status.SUCCESS);
      ok(n.sys.revoke(Crd.object(pt, 0, Perm.ALL), false));
      assertThat(holder.run(callIt)).isEqualTo(Status.BAD_CAP);
      assertThat(served.get()).isEqualTo(2);
    }
  }

  @Test
  void item62_aPortalCalledThroughOneAliasOfItsSelectorAnswersThroughEveryAlias() {
    try (Nova n = Nova.boot()) {
      long size = n.kernel.hip().selectors();
      AtomicLong served = new AtomicLong();
      long pt = n.portal(n.localEc(ROOT_PD, 0, (self, ip, pid) -> served.incrementAndGet()), 0);
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(pt));
      ok(n.sys.call(pt + size));
      ok(n.sys.call(pt + 3 * size));
      ok(n.sys.call(pt));
      ok(n.sys.revoke(Crd.object(pt + 2 * size, 0, Perm.PT_CALL), true));
      assertThat(n.sys.call(pt)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.call(pt + size)).isEqualTo(Status.BAD_CAP);
      assertThat(served.get()).isEqualTo(4);
    }
  }

  @Test
  void item31_callToAPortalOfAnEcOnAnotherCpuIsBadCpuUnlessTheCapHasTheCrossCpuBit() {
    try (Nova n = Nova.boot(2)) {
      AtomicLong served = new AtomicLong();
      long remote = n.localEc(ROOT_PD, 1, (self, ip, pid) -> served.incrementAndGet());
      long plain = n.portal(remote, 0);
      long cross = n.sel();
      ok(n.sys.createPt(cross, ROOT_PD, remote, 0, 0, true));
      assertThat(n.lookup(cross).perms()).isEqualTo(Perm.PT_FRESH | Perm.PT_XCPU);
      n.utcb().setCounts(0, 0);
      assertThat(n.sys.call(plain)).isEqualTo(Status.BAD_CPU);
      assertThat(served.get()).isZero();
      ok(n.sys.call(cross));
      assertThat(served.get()).isEqualTo(1);
      // Delegation can take the bit away, never add it.
      assertThat(n.sys.call(n.copy(cross, Perm.PT_FRESH))).isEqualTo(Status.BAD_CPU);
      assertThat(n.lookup(n.copy(plain, Perm.ALL)).perms()).isEqualTo(Perm.PT_FRESH);
      assertThat(served.get()).isEqualTo(1);
    }
  }

  @Test
  void item32_callToAFreeLocalEcStartsItAtThePortalIpWithThePortalsPid() {
    try (Nova n = Nova.boot()) {
      List<String> starts = new ArrayList<>();
      long ec = n.localEc(ROOT_PD, 0, (self, ip, pid) -> starts.add(Long.toHexString(ip) + "/" + pid));
      long a = n.portal(ec, 0x1000);
      long b = n.portal(ec, 0x2468);
      ok(n.sys.ptCtrl(b, 7));
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(a));
      ok(n.sys.call(b));
      ok(n.sys.call(a));
      assertThat(starts).containsExactly("1000/0", "2468/7", "1000/0");
    }
  }

  @Test
  void item33_theCalleeSeesExactlyTheUntypedWordsTheCallerSentFromDataWordZeroUp() {
    try (Nova n = Nova.boot()) {
      List<List<Long>> seen = new ArrayList<>();
      long pt = n.service((self, ip, pid) -> {
        Utcb u = self.utcb();
        List<Long> words = new ArrayList<>();
        words.add((long) u.untyped());
        for (int i = 0; i < 8; i++) {
          words.add(u.word(i));
        }
        seen.add(words);
        for (int i = 0; i < 8; i++) {
          u.setWord(i, 0xaa00 + i); // marks the words a shorter message must leave alone
        }
        u.setCounts(0, 0);
      });
      Utcb u = n.utcb();
      u.setMessage(1, 2, 3, 4, 5, 6, 7, 8);
      ok(n.sys.call(pt));
      u.setMessage(10, 11, 12);
      u.setWord(3, 99); // beyond the count: not sent
      ok(n.sys.call(pt));
      assertThat(seen.get(0)).containsExactly(8L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
      assertThat(seen.get(1)).containsExactly(3L, 10L, 11L, 12L, 0xaa03L, 0xaa04L, 0xaa05L, 0xaa06L, 0xaa07L);
      // Counts beyond the data area are clamped to it, not refused.
      for (int i = 0; i < Utcb.DATA_WORDS; i++) {
        u.setWord(i, i);
      }
      u.setCounts(0xffff, 0);
      ok(n.sys.call(pt));
      assertThat(seen.get(2).subList(1, 9)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }
  }

  @Test
  void item33_everyShortCountIsCopiedExactlyInBothDirections() {
    // Counts 0..10 straddle the short-message copy (up to 8 words) and the bulk copy: each direction must
    // carry exactly the counted words and leave every other word of the receiver as it was.
    try (Nova n = Nova.boot()) {
      List<long[]> seen = new ArrayList<>();
      long pt = n.service((self, ip, pid) -> {
        Utcb u = self.utcb();
        int count = u.untyped();
        long[] words = new long[12];
        for (int i = 0; i < words.length; i++) {
          words[i] = u.word(i);
        }
        seen.add(words);
        for (int i = 0; i < 12; i++) {
          u.setWord(i, i < count ? 0x5000 + i : 0x7000 + i); // the reply: count words, then the callee's own
        }
        u.setCounts(count, 0);
      });
      Utcb u = n.utcb();
      for (int count = 0; count <= 10; count++) {
        for (int i = 0; i < 12; i++) {
          u.setWord(i, i < count ? 0x1000L * (count + 1) + i : 0x9000 + i); // beyond the count: the caller's own
        }
        u.setCounts(count, 0);
        ok(n.sys.call(pt));
        long[] callee = seen.get(count);
        for (int i = 0; i < 12; i++) {
          long sent = 0x1000L * (count + 1) + i;
          if (i < count) {
            assertThat(callee[i]).as("count %d, word %d at the callee", count, i).isEqualTo(sent);
          } else {
            assertThat(callee[i]).as("count %d, word %d at the callee", count, i).isNotEqualTo(0x9000 + i);
          }
          long expectedBack = i < count ? 0x5000 + i : 0x9000 + i;
          assertThat(u.word(i)).as("count %d, word %d back at the caller", count, i).isEqualTo(expectedBack);
        }
        assertThat(u.untyped()).isEqualTo(count);
      }
    }
  }

  @Test
  void item34_theCalleesCountWordEqualsTheCallers() {
    try (Nova n = Nova.boot()) {
      List<Long> seen = new ArrayList<>();
      long pt = n.service((self, ip, pid) -> {
        seen.add(self.utcb().countWord());
        self.utcb().setCounts(0, 0);
      });
      Utcb u = n.utcb();
      u.setCounts(3, 0);
      ok(n.sys.call(pt));
      u.setCounts(2, 0);
      u.appendDelegate(Crd.object(Nova.ROOT_PD, 0, Perm.ALL), 0, 0); // the callee opened no window
      ok(n.sys.call(pt));
      long odd = 0x1234_5678_0000_0001L; // bits above 31 are ignored, but still copied
      u.page().set(ValueLayout.JAVA_LONG, 0, odd);
      ok(n.sys.call(pt));
      assertThat(seen).containsExactly(3L, 1L << 16 | 2, odd);
    }
  }

  @Test
  void item35_theCallReturnsSuccessOnlyAfterTheReplyAndCarriesTheReplyWords() {
    try (Nova n = Nova.boot()) {
      List<String> log = new ArrayList<>();
      long pt = n.service((self, ip, pid) -> {
        log.add("handler");
        Utcb u = self.utcb();
        u.setMessage(u.word(0) * 10, 77);
        replyFromDeepInside(self);
        log.add("after reply"); // never runs
      });
      n.utcb().setMessage(4);
      Status s = n.sys.call(pt);
      log.add("returned " + s);
      assertThat(log).containsExactly("handler", "returned SUCCESS");
      assertThat(n.utcb().untyped()).isEqualTo(2);
      assertThat(n.utcb().word(0)).isEqualTo(40);
      assertThat(n.utcb().word(1)).isEqualTo(77);
    }
  }

  private static void replyFromDeepInside(Hypercalls self) {
    self.reply();
  }

  @Test
  void item36_theCalleeRunsOnTheCallersScAndItsTimeIsChargedThere() {
    try (Nova n = Nova.boot()) {
      long pt = n.service((self, ip, pid) -> {
        for (int i = 0; i < 100; i++) {
          self.lookup(Crd.object(0, 0, 0)); // each kernel entry costs virtual time
        }
        self.utcb().setCounts(0, 0);
      });
      long done = n.sm(0);
      long[] times = new long[2];
      long[] callerSc = new long[1];
      // Priority 1, as the root's: it runs once the root waits, after its SC selector is known.
      long caller = n.global(0, 1, (self, ip, arg) -> {
        self.utcb().setCounts(0, 0);
        ok(self.scCtrl(callerSc[0]));
        times[0] = self.out1();
        ok(self.call(pt));
        ok(self.scCtrl(callerSc[0]));
        times[1] = self.out1();
        self.smUp(done);
      });
      callerSc[0] = caller + 1;
      ok(n.sys.scCtrl(Nova.ROOT_SC));
      long rootBefore = n.sys.out1();
      ok(n.sys.smDown(done, false, 0));
      ok(n.sys.scCtrl(Nova.ROOT_SC));
      long rootAfter = n.sys.out1();
      // 100 entries of 100 ns each: at least 10 µs, on the caller's SC and not on the root's.
      assertThat(times[1] - times[0]).isGreaterThanOrEqualTo(10);
      assertThat(rootAfter - rootBefore).isLessThan(10);
      // The root's own call charges the root's SC.
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(pt));
      ok(n.sys.scCtrl(Nova.ROOT_SC));
      assertThat(n.sys.out1() - rootAfter).isGreaterThanOrEqualTo(10);
    }
  }

  @Test
  void item37_theCalleeRunsAtTheCallersPriorityNotAnyOfItsOwn() {
    try (Nova n = Nova.boot()) {
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      long wakeMedium = n.sm(0);
      n.global(0, 10, (self, ip, arg) -> {
        while (true) {
          ok(self.smDown(wakeMedium, false, 0));
          log.add("medium ran");
        }
      });
      long pt = n.service((self, ip, pid) -> {
        log.add("handler ups");
        ok(self.smUp(wakeMedium));
        ok(self.lookup(Crd.NULL));
        log.add("handler done");
        self.utcb().setCounts(0, 0);
      });
      // Called by the root at priority 1: the medium EC (10) preempts the handler at once.
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(pt));
      n.sleep(MILLISECOND);
      assertThat(log).containsExactly("handler ups", "medium ran", "handler done");
      log.clear();
      // Called by an EC at priority 20: the handler runs at 20 and the medium EC waits for it.
      long done = n.sm(0);
      n.global(0, 20, (self, ip, arg) -> {
        self.utcb().setCounts(0, 0);
        ok(self.call(pt));
        log.add("caller returned");
        self.smUp(done);
      });
      ok(n.sys.smDown(done, false, 0));
      n.sleep(MILLISECOND);
      assertThat(log).containsExactly("handler ups", "handler done", "caller returned", "medium ran");
    }
  }

  /** A portal whose handler, called with word 0 = 1, blocks on {@code gate} before replying. */
  private static long blockingService(Nova n, long gate, List<String> log) {
    return n.service((self, ip, pid) -> {
      long who = self.utcb().word(0);
      log.add("start " + who);
      if (who == 1) {
        ok(self.smDown(gate, false, 0));
      }
      log.add("end " + who);
      self.utcb().setMessage(who + 100);
    });
  }

  @Test
  void item38_callWithTheNonBlockingFlagToABusyCalleeTimesOutAtOnce() {
    try (Nova n = Nova.boot()) {
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      long gate = n.sm(0);
      long pt = blockingService(n, gate, log);
      AtomicReference<Status> first = new AtomicReference<>();
      n.global(0, 10, (self, ip, arg) -> {
        self.utcb().setMessage(1);
        first.set(self.call(pt));
      });
      assertThat(log).containsExactly("start 1");
      long before = n.kernel.nanos();
      n.utcb().setMessage(2);
      assertThat(n.sys.call(pt, NON_BLOCKING)).isEqualTo(Status.TIMEOUT);
      assertThat(n.kernel.nanos() - before).isLessThan(MILLISECOND);
      assertThat(log).containsExactly("start 1");
      // Raw form: the flag in bits 7..4.
      assertThat(n.sys.hypercall(pt << 8 | NON_BLOCKING << 4, 0, 0, 0, 0)).isEqualTo(Status.TIMEOUT);
      ok(n.sys.smUp(gate));
      n.sleep(MILLISECOND);
      assertThat(first.get()).isEqualTo(Status.SUCCESS);
      ok(n.sys.call(pt, NON_BLOCKING)); // free again
    }
  }

  @Test
  void item39_callWithoutTheFlagToABusyCalleeCompletesAfterTheEarlierRequestInOrder() {
    try (Nova n = Nova.boot()) {
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      long gate = n.sm(0);
      long pt = blockingService(n, gate, log);
      n.global(0, 10, (self, ip, arg) -> {
        self.utcb().setMessage(1);
        log.add("caller 1 got " + self.call(pt) + " " + self.utcb().word(0));
      });
      n.global(0, 8, (self, ip, arg) -> {
        self.utcb().setMessage(3);
        log.add("caller 3 got " + self.call(pt) + " " + self.utcb().word(0));
      });
      // Whoever opens the gate later.
      n.global(0, 2, (self, ip, arg) -> {
        self.smDown(n.sm(0), false, n.kernel.nanos() + MILLISECOND);
        self.smUp(gate);
      });
      n.utcb().setMessage(2);
      Status s = n.sys.call(pt);
      log.add("caller 2 got " + s + " " + n.utcb().word(0));
      assertThat(log).containsExactly("start 1", "end 1", "caller 1 got SUCCESS 101", "start 3", "end 3",
          "caller 3 got SUCCESS 103", "start 2", "end 2", "caller 2 got SUCCESS 102");
    }
  }

  @Test
  void item39_aCallerThatWouldWaitForItselfIsKilledAsNovasLivelockLimitDoes() {
    try (Nova n = Nova.boot()) {
      long pd = n.pd(Crd.NULL);
      // An agent that calls its own portal while serving: helping could only loop.
      Nova.Agent loop = n.agent(pd);
      loop.give(loop.pt, Perm.PT_CALL, 5);
      AtomicReference<Status> saw = new AtomicReference<>();
      loop.prepare(self -> {
        self.utcb().setCounts(0, 0);
        saw.set(self.call(5));
        return 0;
      });
      n.utcb().setCounts(0, 0);
      assertThat(n.sys.call(loop.pt)).isEqualTo(Status.ABORTED);
      assertThat(saw.get()).isNull(); // killed in its call, it never saw a status
      assertThat(KernelProbe.isDead(n.kernel, loop.ec)).isTrue();

      // A cycle through a second EC: first calls second, second calls first back; the helper dies.
      Nova.Agent first = n.agent(pd);
      Nova.Agent second = n.agent(pd);
      first.give(second.pt, Perm.PT_CALL, 20);
      second.give(first.pt, Perm.PT_CALL, 21);
      first.prepare(self -> {
        self.utcb().setCounts(0, 0);
        saw.set(self.call(20));
        return 0;
      });
      second.prepare(self -> {
        self.utcb().setCounts(0, 0);
        return self.call(21);
      });
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(first.pt));
      assertThat(saw.get()).isEqualTo(Status.ABORTED);
      assertThat(KernelProbe.isDead(n.kernel, second.ec)).isTrue();
      assertThat(KernelProbe.isDead(n.kernel, first.ec)).isFalse();
    }
  }

  @Test
  void item39_aCycleOfHelpingBetweenThreadsKillsTheHelperThatClosesIt() {
    try (Nova n = Nova.boot()) {
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      long gateX = n.sm(0);
      long gateY = n.sm(0);
      long[] pts = new long[2];
      long x = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {
        self.smDown(gateX, false, 0);
        self.utcb().setCounts(0, 0);
        log.add("X's call of Y: " + self.call(pts[1]));
      });
      long y = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {
        self.smDown(gateY, false, 0);
        self.utcb().setCounts(0, 0);
        log.add("Y's call of X: " + self.call(pts[0]));
      });
      pts[0] = n.portal(x, 0);
      pts[1] = n.portal(y, 0);
      // Two ECs, two threads: the first serves X, the second Y; both wait at their gates.
      for (int i = 0; i < 2; i++) {
        long pt = pts[i];
        String who = i == 0 ? "caller of X" : "caller of Y";
        n.global(0, 10, (self, ip, arg) -> {
          self.utcb().setCounts(0, 0);
          log.add(who + ": " + self.call(pt));
        });
      }
      ok(n.sys.smUp(gateX)); // X calls Y, which is busy: X's thread waits for Y's
      n.sleep(MILLISECOND);
      assertThat(log).isEmpty();
      ok(n.sys.smUp(gateY)); // Y calls X, whose thread waits for Y's: a cycle
      n.sleep(MILLISECOND);
      assertThat(log).containsExactly("caller of Y: ABORTED", "X's call of Y: TIMEOUT", "caller of X: SUCCESS");
      assertThat(KernelProbe.isDead(n.kernel, y)).isTrue();
      assertThat(KernelProbe.isDead(n.kernel, x)).isFalse();
    }
  }

  @Test
  void item40_nestedCallsRunOnTheFirstCallersScAndUnwindInOrder() {
    try (Nova n = Nova.boot()) {
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      long pdB = n.pd(Crd.NULL);
      long pdC = n.pd(Crd.NULL);
      long ecC = n.localEc(pdC, 0, (self, ip, pid) -> {
        log.add("C");
        for (int i = 0; i < 100; i++) {
          self.lookup(Crd.NULL);
        }
        self.utcb().setMessage(self.utcb().word(0) * 3);
      });
      long ptC = n.portal(ecC, 0);
      Nova.Agent bSetup = n.agent(pdB);
      bSetup.give(ptC, Perm.PT_CALL, 7);
      long ecB = n.localEc(pdB, 0, (self, ip, pid) -> {
        log.add("B start");
        Utcb u = self.utcb();
        u.setMessage(u.word(0) + 1);
        Status s = self.call(7);
        log.add("B end " + s);
        u.setMessage(u.word(0) + 1000);
      });
      long ptB = n.portal(ecB, 0);
      long done = n.sm(0);
      long[] t = new long[3];
      long[] scOfA = new long[1];
      long a = n.global(0, 1, (self, ip, arg) -> { // runs once the root waits
        self.scCtrl(scOfA[0]);
        t[0] = self.out1();
        self.utcb().setMessage(1);
        Status s = self.call(ptB);
        log.add("A got " + s + " " + self.utcb().word(0));
        self.scCtrl(scOfA[0]);
        t[1] = self.out1();
        self.smUp(done);
      });
      scOfA[0] = a + 1;
      ok(n.sys.scCtrl(Nova.ROOT_SC));
      t[2] = n.sys.out1();
      ok(n.sys.smDown(done, false, 0));
      ok(n.sys.scCtrl(Nova.ROOT_SC));
      assertThat(log).containsExactly("B start", "C", "B end SUCCESS", "A got SUCCESS 1006");
      assertThat(t[1] - t[0]).as("C's 100 entries on A's SC").isGreaterThanOrEqualTo(10);
      assertThat(n.sys.out1() - t[2]).as("the root's SC").isLessThan(10);
    }
  }

  @Test
  void item41_replyWithoutACallerWaitsWithoutError() {
    try (Nova n = Nova.boot()) {
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      long ec = n.global(0, 5, (self, ip, arg) -> {
        log.add("before reply");
        self.reply();
        log.add("after reply");
      });
      n.sleep(MILLISECOND);
      ok(n.sys.scCtrl(ec + 1));
      long used = n.sys.out1();
      n.sleep(100 * MILLISECOND);
      ok(n.sys.scCtrl(ec + 1));
      assertThat(n.sys.out1()).isEqualTo(used); // it waits: its SC consumes nothing
      assertThat(log).containsExactly("before reply");
      assertThat(KernelProbe.isDead(n.kernel, ec)).isFalse();
      // A local EC's reply ends the invocation; the next call starts afresh at the portal.
      List<Long> ips = new ArrayList<>();
      long ecL = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {
        ips.add(ip);
        self.utcb().setCounts(0, 0);
        self.reply();
        ips.add(-1L);
      });
      long pt = n.portal(ecL, 0x42);
      n.utcb().setCounts(0, 0);
      ok(n.sys.call(pt));
      ok(n.sys.call(pt));
      assertThat(ips).containsExactly(0x42L, 0x42L);
      assertThat(KernelProbe.isDead(n.kernel, ecL)).isFalse();
    }
  }

  @Test
  void item42_afterAReplyTheCalleeIsFreeForTheNextCallToAnyOfItsPortals() {
    try (Nova n = Nova.boot()) {
      AtomicLong served = new AtomicLong();
      long ec = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {
        served.incrementAndGet();
        self.utcb().setCounts(0, 0);
      });
      long a = n.portal(ec, 0);
      long b = n.portal(ec, 0);
      n.utcb().setCounts(0, 0);
      for (int i = 0; i < 100; i++) {
        ok(n.sys.call(i % 2 == 0 ? a : b, NON_BLOCKING));
      }
      assertThat(served.get()).isEqualTo(100);
    }
  }

  @Test
  void item43_whenTheServingEcIsKilledTheBlockedCallerGetsAborted() {
    try (Nova n = Nova.boot()) {
      // Killed by an exception it has no handler for.
      long faulty = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {
        throw new IllegalStateException("handler bug");
      });
      long pt = n.portal(faulty, 0);
      n.utcb().setCounts(0, 0);
      assertThat(n.sys.call(pt)).isEqualTo(Status.ABORTED);
      assertThat(KernelProbe.isDead(n.kernel, faulty)).isTrue();

      // Killed while blocked inside the call: destroyed when its capabilities are revoked.
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      long gate = n.sm(0);
      long ec = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {
        log.add("serving");
        self.smDown(gate, false, 0);
        log.add("woke up"); // never: the EC dies in its down
      });
      long pt2 = n.portal(ec, 0);
      AtomicReference<Status> got = new AtomicReference<>();
      n.global(0, 10, (self, ip, arg) -> {
        self.utcb().setCounts(0, 0);
        got.set(self.call(pt2));
      });
      assertThat(log).containsExactly("serving");
      ok(n.sys.revoke(Crd.object(pt2, 0, Perm.ALL), true));
      ok(n.sys.revoke(Crd.object(ec, 0, Perm.ALL), true));
      n.sleep(MILLISECOND);
      assertThat(got.get()).isEqualTo(Status.ABORTED);
      assertThat(log).containsExactly("serving");
    }
  }

  @Test
  void item44_callingAPortalOfADeadEcReturnsTimeout() {
    try (Nova n = Nova.boot()) {
      long ec = n.localEc(ROOT_PD, 0, (self, ip, pid) -> {
        throw new IllegalStateException("dies");
      });
      long pt = n.portal(ec, 0);
      n.utcb().setCounts(0, 0);
      assertThat(n.sys.call(pt)).isEqualTo(Status.ABORTED);
      assertThat(n.sys.call(pt)).isEqualTo(Status.TIMEOUT);
      assertThat(n.sys.call(pt, NON_BLOCKING)).isEqualTo(Status.TIMEOUT);
      long other = n.portal(ec, 0);
      assertThat(n.sys.call(other)).isEqualTo(Status.TIMEOUT);
    }
  }
}
