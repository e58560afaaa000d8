package io.github.genova.genode.base.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.GenodeKernel;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.nova.StackArea;
import io.github.genova.nova.api.Crd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Checklist items 20–23 of genode-framework.md (threads), against the real kernel. */
class ThreadTest {
  @Test
  void item20_myselfIsNullInTheMainThreadAndTheCallingThreadElsewhere() {
    List<Object> seen = Collections.synchronizedList(new ArrayList<>());
    AtomicReference<Thread> started = new AtomicReference<>();
    new GenodeKernel().run(env -> {
      seen.add(String.valueOf(Thread.myself()));
      Thread t = new Thread(env.pd(), "worker", 0) {
        @Override
        protected void entry() {
          seen.add(Thread.myself() == this ? "self" : "other");
        }
      };
      started.set(t);
      t.start();
      t.join();
    });
    assertThat(seen).containsExactly("null", "self");
  }

  @Test
  void item21_eachThreadsStackIsInItsOwn1MiBSlotAbove0x40000000() {
    List<Thread> threads = new ArrayList<>();
    new GenodeKernel().run(env -> {
      for (int i = 0; i < 3; i++) {
        Thread t = GenodeKernel.start(env.pd(), "t" + i, () -> { });
        threads.add(t);
      }
      threads.forEach(Thread::join);
      for (Thread t : threads) {
        // The EC exists with its UTCB where the slot says: the kernel refuses another EC on that UTCB page.
        assertThat(NativeThread.current().gate().lookupCrd(Crd.object(t.ec(), 0, 0)).isNull()).isFalse();
      }
    });
    List<Integer> slots = new ArrayList<>();
    for (Thread t : threads) {
      int slot = StackArea.slotOf(t.stackTop());
      assertThat(slot).isPositive();
      assertThat(StackArea.slotOf(t.utcbAddress())).isEqualTo(slot);
      assertThat(t.stackTop()).isGreaterThan(0x4000_0000L).isLessThan(0x5000_0000L);
      assertThat(t.utcbAddress() - StackArea.slotBase(slot)).isEqualTo(StackArea.SLOT_SIZE - 0x1000);
      slots.add(slot);
    }
    assertThat(slots).doesNotHaveDuplicates();
  }

  @Test
  void item22_overflowingAStackFaultsInsteadOfCorruptingANeighbour() {
    AtomicInteger neighbour = new AtomicInteger();
    AtomicInteger afterRecursion = new AtomicInteger();
    new GenodeKernel().run(env -> {
      Thread overflow = GenodeKernel.start(env.pd(), "overflow", () -> {
        recurse(0);
        afterRecursion.incrementAndGet();
      });
      Thread other = GenodeKernel.start(env.pd(), "neighbour", () -> {
        for (int i = 0; i < 100; i++) {
          neighbour.incrementAndGet();
        }
      });
      overflow.join();
      other.join();
      // The faulting thread's EC is dead (no stack-fault handler): a recall of it still names the EC,
      // but its code never continues.
    });
    assertThat(afterRecursion.get()).isZero();
    assertThat(neighbour.get()).isEqualTo(100);
  }

  @SuppressWarnings("InfiniteRecursion") // the point: overflow the stack
  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void item23_startRunsEntryExactlyOnce() {
    AtomicInteger runs = new AtomicInteger();
    new GenodeKernel().run(env -> {
      Thread t = GenodeKernel.thread(env.pd(), "once", 0, runs::incrementAndGet);
      assertThat(runs.get()).isZero();
      t.start();
      t.join();
      assertThatThrownBy(t::start).isInstanceOf(IllegalStateException.class);
      t.join();
    });
    assertThat(runs.get()).isEqualTo(1);
  }

  @Test
  void threadsRunOnTheirChosenCpu() {
    List<Integer> cpus = Collections.synchronizedList(new ArrayList<>());
    new GenodeKernel().run(2, env -> {
      Thread t0 = GenodeKernel.thread(env.pd(), "cpu0", 0, () -> cpus.add(NativeThread.current().gate().cpu()));
      Thread t1 = GenodeKernel.thread(env.pd(), "cpu1", 1, () -> cpus.add(NativeThread.current().gate().cpu()));
      t0.start();
      t0.join();
      t1.start();
      t1.join();
    });
    assertThat(cpus).containsExactly(0, 1);
  }
}
