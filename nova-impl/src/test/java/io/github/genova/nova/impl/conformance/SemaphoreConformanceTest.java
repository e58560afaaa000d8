package io.github.genova.nova.impl.conformance;

import static io.github.genova.nova.impl.conformance.Nova.MILLISECOND;
import static io.github.genova.nova.impl.conformance.Nova.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.impl.KernelProbe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Checklist items 21–29: semaphore counting, FIFO release, permissions and absolute deadlines. */
class SemaphoreConformanceTest {
  @Test
  void item21_nDownsOnACounterOfNSucceedWithoutBlockingAndTheNextBlocks() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(3);
      long start = n.kernel.nanos();
      for (int i = 0; i < 3; i++) {
        ok(n.sys.smDown(sm, false, start + MILLISECOND));
      }
      assertThat(n.kernel.nanos()).isLessThan(start + MILLISECOND);
      assertThat(KernelProbe.counter(n.kernel, sm)).isZero();
      // The fourth blocks: it comes back only at its deadline.
      long deadline = n.kernel.nanos() + MILLISECOND;
      assertThat(n.sys.smDown(sm, false, deadline)).isEqualTo(Status.TIMEOUT);
      assertThat(n.kernel.nanos()).isGreaterThanOrEqualTo(deadline);
    }
  }

  @Test
  void item21_theCounterIsAnUnsignedWord() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(-1); // 2^64 - 1
      ok(n.sys.smDown(sm, false, n.kernel.nanos() + MILLISECOND));
      assertThat(KernelProbe.counter(n.kernel, sm)).isEqualTo(-2);
      long big = n.sm(Long.MIN_VALUE); // 2^63
      ok(n.sys.smDown(big, false, n.kernel.nanos() + MILLISECOND));
      assertThat(KernelProbe.counter(n.kernel, big)).isEqualTo(Long.MAX_VALUE);
    }
  }

  @Test
  void item22_downWithZeroCountOnACounterOfFiveReturnsAtOnceAndLeavesZero() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(5);
      long start = n.kernel.nanos();
      ok(n.sys.smDown(sm, true, start + MILLISECOND));
      assertThat(n.kernel.nanos()).isLessThan(start + MILLISECOND);
      assertThat(KernelProbe.counter(n.kernel, sm)).isZero();
      assertThat(n.sys.smDown(sm, false, n.kernel.nanos() + MILLISECOND)).isEqualTo(Status.TIMEOUT);
      // Raw form: SM_CTRL with flags OP (down) and ZC.
      long raw = n.sm(5);
      ok(n.sys.hypercall(raw << 8 | 0x3 << 4 | 0xc, 0, 0, 0, 0));
      assertThat(KernelProbe.counter(n.kernel, raw)).isZero();
    }
  }

  @Test
  void item23_upWithoutWaitersIncrementsTheCounterByExactlyOne() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(0);
      ok(n.sys.smUp(sm));
      assertThat(KernelProbe.counter(n.kernel, sm)).isEqualTo(1);
      ok(n.sys.smUp(sm));
      ok(n.sys.smUp(sm));
      assertThat(KernelProbe.counter(n.kernel, sm)).isEqualTo(3);
      for (int i = 0; i < 3; i++) {
        ok(n.sys.smDown(sm, false, n.kernel.nanos() + MILLISECOND));
      }
      assertThat(n.sys.smDown(sm, false, n.kernel.nanos() + MILLISECOND)).isEqualTo(Status.TIMEOUT);
    }
  }

  @Test
  void item24_upWithWaitersReleasesExactlyTheEarliestAndLeavesTheCounter() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(0);
      List<Integer> woken = Collections.synchronizedList(new ArrayList<>());
      for (int i = 1; i <= 3; i++) {
        int id = i;
        // A higher priority than the root's: each starts and blocks at once, in creation order.
        n.global(0, 10 - i, (self, ip, arg) -> {
          ok(self.smDown(sm, false, 0));
          woken.add(id);
        });
      }
      n.sleep(MILLISECOND);
      assertThat(woken).isEmpty();
      ok(n.sys.smUp(sm));
      n.sleep(MILLISECOND);
      assertThat(woken).containsExactly(1);
      assertThat(KernelProbe.counter(n.kernel, sm)).isZero();
      ok(n.sys.smUp(sm));
      n.sleep(MILLISECOND);
      assertThat(woken).containsExactly(1, 2);
      assertThat(KernelProbe.counter(n.kernel, sm)).isZero();
      ok(n.sys.smUp(sm));
      ok(n.sys.smUp(sm));
      n.sleep(MILLISECOND);
      assertThat(woken).containsExactly(1, 2, 3);
      assertThat(KernelProbe.counter(n.kernel, sm)).isEqualTo(1);
    }
  }

  @Test
  void item24_waitersAreReleasedInArrivalOrderNotPriorityOrder() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(0);
      List<Integer> woken = Collections.synchronizedList(new ArrayList<>());
      int[] priorities = {5, 20, 10};
      for (int i = 0; i < 3; i++) {
        int id = i;
        n.global(0, priorities[i], (self, ip, arg) -> {
          ok(self.smDown(sm, false, 0));
          woken.add(id);
        });
        n.sleep(MILLISECOND);
      }
      for (int i = 0; i < 3; i++) {
        ok(n.sys.smUp(sm));
        n.sleep(MILLISECOND);
      }
      assertThat(woken).containsExactly(0, 1, 2);
    }
  }

  @Test
  void item25_upWithoutBit0OrDownWithoutBit1IsBadCap() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(2);
      long downOnly = n.copy(sm, Perm.SM_DOWN);
      long upOnly = n.copy(sm, Perm.SM_UP);
      assertThat(n.sys.smUp(downOnly)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.smDown(upOnly, false, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.smDown(upOnly, true, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(KernelProbe.counter(n.kernel, sm)).isEqualTo(2);
      // Not a semaphore at all.
      assertThat(n.sys.smUp(Nova.ROOT_PD)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.smDown(n.sel(), false, 0)).isEqualTo(Status.BAD_CAP);
      // The remaining right works.
      ok(n.sys.smUp(upOnly));
      ok(n.sys.smDown(downOnly, false, 0));
      assertThat(KernelProbe.counter(n.kernel, sm)).isEqualTo(2);
    }
  }

  @Test
  void item26_downWithADeadlineTimesOutOnceTimeReachesIt() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(0);
      long deadline = n.kernel.nanos() + 5 * MILLISECOND;
      assertThat(n.sys.smDown(sm, false, deadline)).isEqualTo(Status.TIMEOUT);
      assertThat(n.kernel.nanos()).isGreaterThanOrEqualTo(deadline);
      // A deadline already past times out at once.
      long now = n.kernel.nanos();
      assertThat(n.sys.smDown(sm, false, 1)).isEqualTo(Status.TIMEOUT);
      assertThat(n.kernel.nanos()).isLessThan(now + MILLISECOND);
      // Raw form: the deadline's high half in RSI, low half in RDX.
      long at = n.kernel.nanos() + 2 * MILLISECOND;
      assertThat(n.sys.hypercall(sm << 8 | 0x1 << 4 | 0xc, at >>> 32, at & 0xffff_ffffL, 0, 0))
          .isEqualTo(Status.TIMEOUT);
      assertThat(n.kernel.nanos()).isGreaterThanOrEqualTo(at);
      assertThat(KernelProbe.counter(n.kernel, sm)).isZero();
    }
  }

  @Test
  void item27_downWithDeadlineZeroNeverTimesOut() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(0);
      AtomicReference<Status> got = new AtomicReference<>();
      n.global(0, 5, (self, ip, arg) -> got.set(self.smDown(sm, false, 0)));
      n.sleep(60_000 * MILLISECOND); // a virtual minute
      assertThat(got.get()).isNull();
      ok(n.sys.smUp(sm));
      n.sleep(MILLISECOND);
      assertThat(got.get()).isEqualTo(Status.SUCCESS);
    }
  }

  @Test
  void item28_anUpBeforeTheDeadlineMakesTheDownSucceedAndCancelsTheTimeout() {
    try (Nova n = Nova.boot()) {
      long sm = n.sm(0);
      long later = n.sm(0);
      List<Status> got = Collections.synchronizedList(new ArrayList<>());
      long deadline = n.kernel.nanos() + 10 * MILLISECOND;
      n.global(0, 5, (self, ip, arg) -> {
        got.add(self.smDown(sm, false, deadline));
        got.add(self.smDown(later, false, 0)); // a stale timeout would end this wait
      });
      n.sleep(MILLISECOND);
      ok(n.sys.smUp(sm));
      n.sleep(MILLISECOND);
      assertThat(got).containsExactly(Status.SUCCESS);
      n.sleep(20 * MILLISECOND);
      assertThat(got).containsExactly(Status.SUCCESS);
      assertThat(KernelProbe.counter(n.kernel, sm)).isZero();
      ok(n.sys.smUp(later));
      n.sleep(MILLISECOND);
      assertThat(got).containsExactly(Status.SUCCESS, Status.SUCCESS);
    }
  }
}
