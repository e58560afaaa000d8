package io.github.genova.genode.base.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.GenodeKernel;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Checklist items 24–30 of genode-framework.md (synchronisation), against the real kernel. */
class SyncTest {
  @Test
  void item24_contendedLockAcquisitionIsFifo() {
    GenodeKernel k = new GenodeKernel();
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      Lock lock = new Lock();
      lock.lock();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String name = "t" + i;
        threads.add(GenodeKernel.start(env.pd(), name, () -> {
          lock.lock();
          order.add(name);
          lock.unlock();
        }));
        int queued = i + 1;
        k.await(() -> lock.applicants() == queued);
      }
      lock.unlock();
      threads.forEach(Thread::join);
    });
    assertThat(order).containsExactly("t0", "t1", "t2", "t3");
  }

  @Test
  void item25_unlockWithWaitersPassesOwnershipWithoutTheLockBecomingFree() {
    GenodeKernel k = new GenodeKernel();
    AtomicReference<String> afterUnlock = new AtomicReference<>();
    k.run(env -> {
      Lock lock = new Lock();
      lock.lock();
      AtomicReference<NativeThread> waiter = new AtomicReference<>();
      Thread t = GenodeKernel.start(env.pd(), "waiter", () -> {
        waiter.set(NativeThread.current());
        lock.lock();
        lock.unlock();
      });
      k.await(() -> lock.applicants() == 1);
      lock.unlock();
      // The waiter has not run yet (one CPU, no kernel entry since), yet it owns the lock.
      afterUnlock.set("locked=" + lock.isLocked() + " waiterOwns=" + lock.isOwner(waiter.get()));
      t.join();
      assertThat(lock.isLocked()).isFalse();
    });
    assertThat(afterUnlock.get()).isEqualTo("locked=true waiterOwns=true");
  }

  @Test
  void item26_aWakeUpSentBeforeTheWaiterBlocksIsNotLost() {
    new GenodeKernel().run(env -> {
      Blockade b = new Blockade();
      b.wakeup();
      b.block(); // returns at once
      // The same at the kernel level: an up on a thread's semaphore before its down.
      NativeThread me = NativeThread.current();
      me.wake();
      assertThat(me.block()).isEqualTo(Status.SUCCESS);
      Semaphore s = new Semaphore(0);
      s.up();
      s.down();
      assertThat(s.count()).isZero();
    });
  }

  @Test
  void item27_locksConsumeNoKernelObjectsEachThreadHasExactlyOneBlockingSemaphore() {
    GenodeKernel k = new GenodeKernel();
    k.run(env -> {
      long before = env.pd().selectors().inUse();
      List<Object> many = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Lock l = new Lock();
        l.lock();
        l.unlock();
        Mutex m = new Mutex();
        m.acquire();
        m.release();
        many.add(l);
        many.add(m);
        many.add(new Semaphore(1));
        many.add(new Blockade());
      }
      assertThat(env.pd().selectors().inUse()).isEqualTo(before);
      assertThat(many).hasSize(400);
      // A contended lock: still nothing from the kernel but each thread's own semaphore.
      Lock contended = new Lock();
      contended.lock();
      Thread t = GenodeKernel.start(env.pd(), "contender", () -> {
        contended.lock();
        contended.unlock();
      });
      k.await(() -> contended.applicants() == 1);
      contended.unlock();
      t.join();
      // A thread costs an EC, an SC and one semaphore (and nothing per lock it used).
      assertThat(env.pd().selectors().inUse()).isEqualTo(before + 3);
      assertThat(NativeThread.current().gate().lookupCrd(Crd.object(t.blockingSemaphore(), 0, 0)).isNull()).isFalse();
    });
  }

  @Test
  void item28_cancelBlockingMakesALockWaiterThrowAndLeaveTheQueue() {
    GenodeKernel k = new GenodeKernel();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      Lock lock = new Lock();
      lock.lock();
      Thread t = GenodeKernel.start(env.pd(), "victim", () -> {
        try {
          lock.lock();
          events.add("got the lock");
        } catch (BlockingCanceledException e) {
          events.add("canceled");
        }
      });
      k.await(() -> lock.applicants() == 1);
      t.cancelBlocking();
      t.join();
      events.add("applicants=" + lock.applicants() + " locked=" + lock.isLocked());
      lock.unlock();
      assertThat(lock.isLocked()).isFalse();
    });
    assertThat(events).containsExactly("canceled", "applicants=0 locked=true");
  }

  @Test
  void item29_reacquiringAnOwnedMutexLogsDeadlockAheadReleasingAForeignOneIsRefused() {
    GenodeKernel k = new GenodeKernel();
    AtomicBoolean secondAcquireReturned = new AtomicBoolean();
    AtomicReference<String> state = new AtomicReference<>();
    k.run(env -> {
      Mutex mutex = new Mutex();
      mutex.acquire();
      Thread foreign = GenodeKernel.start(env.pd(), "foreign", mutex::release);
      foreign.join();
      state.set("still held by main: " + mutex.heldByMe());
      mutex.release();
      Thread self = GenodeKernel.start(env.pd(), "selfish", () -> {
        mutex.acquire();
        mutex.acquire(); // blocks for good, as in Genode
        secondAcquireReturned.set(true);
      });
      k.await(() -> k.log.stream().anyMatch(l -> l.contains("deadlock ahead")));
      k.sleep(1000);
      assertThat(self.ec()).isPositive();
    });
    assertThat(state.get()).isEqualTo("still held by main: true");
    assertThat(k.log).anyMatch(l -> l.startsWith("[root] Error: release denied"));
    assertThat(k.log).anyMatch(l -> l.startsWith("[root] Error: deadlock ahead"));
    assertThat(secondAcquireReturned.get()).isFalse();
  }

  @Test
  void item30_semaphoreNTheNPlusFirstDownBlocksUntilAnUp() {
    GenodeKernel k = new GenodeKernel();
    AtomicInteger downs = new AtomicInteger();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      Semaphore s = new Semaphore(3);
      Thread t = GenodeKernel.start(env.pd(), "taker", () -> {
        for (int i = 0; i < 4; i++) {
          s.down();
          downs.incrementAndGet();
        }
        events.add("fourth down returned");
      });
      k.await(() -> downs.get() == 3);
      k.sleep(10_000);
      events.add("downs before up: " + downs.get());
      s.up();
      t.join();
    });
    assertThat(events).containsExactly("downs before up: 3", "fourth down returned");
  }

  @Test
  void semaphoreWakesWaitersInFifoOrder() {
    GenodeKernel k = new GenodeKernel();
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger waiting = new AtomicInteger();
    k.run(env -> {
      Semaphore s = new Semaphore(0);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String name = "w" + i;
        threads.add(GenodeKernel.start(env.pd(), name, () -> {
          waiting.incrementAndGet();
          s.down();
          order.add(name);
        }));
        int n = i + 1;
        k.await(() -> waiting.get() == n);
        k.sleep(100);
      }
      for (int i = 0; i < 3; i++) {
        s.up(); // one at a time, so the order of running is the order of hand-out
        int n = i + 1;
        k.await(() -> order.size() == n);
      }
      threads.forEach(Thread::join);
    });
    assertThat(order).containsExactly("w0", "w1", "w2");
  }
}
