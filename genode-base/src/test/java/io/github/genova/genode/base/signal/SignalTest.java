package io.github.genova.genode.base.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.GenodeKernel;
import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.ComponentLauncher;
import io.github.genova.genode.base.rpc.Bound;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.sync.Semaphore;
import io.github.genova.genode.base.thread.Thread;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Checklist items 31–38 of genode-framework.md (signals), against the real kernel. */
class SignalTest {
  /** Hands a signal-context capability to a child. */
  public interface ContextHandout {
    @RpcFunction(0)
    Capability<SignalTarget> context(@Bound(16) String name);

    @RpcFunction(1)
    void done(int submits);
  }

  @Test
  void item31_submitNeverBlocksTheSender() {
    GenodeKernel k = new GenodeKernel();
    AtomicInteger submitted = new AtomicInteger();
    AtomicReference<Signal> received = new AtomicReference<>();
    k.run(env -> {
      SignalReceiver receiver = new SignalReceiver(env.pd(), 0);
      SignalContext ctx = new SignalContext();
      Capability<SignalTarget> cap = receiver.manage(ctx);
      Semaphore childDone = new Semaphore(0);
      // The sender is another component; nobody waits for signals while it submits.
      new ComponentLauncher(env, k.sink()).start("sender", 0, ContextHandout.class, new ContextHandout() {
        @Override
        public Capability<SignalTarget> context(String name) {
          return cap;
        }

        @Override
        public void done(int submits) {
          submitted.set(submits);
          childDone.up();
        }
      }, child -> {
        ContextHandout parent = RpcInterface.of(ContextHandout.class).client(child.parent().cast());
        SignalTransmitter tx = new SignalTransmitter(parent.context("ctx"));
        for (int i = 0; i < 100; i++) {
          tx.submit();
        }
        parent.done(100);
      });
      childDone.down();
      assertThat(receiver.pending()).isTrue();
      received.set(receiver.waitForSignal());
    });
    assertThat(submitted.get()).isEqualTo(100);
    assertThat(received.get().num()).isEqualTo(100);
  }

  @Test
  void item32_kSubmitsBeforeReceptionGiveOneSignalWithNumK() {
    new GenodeKernel().run(env -> {
      SignalReceiver receiver = new SignalReceiver(env.pd(), 0);
      SignalContext ctx = new SignalContext();
      SignalTransmitter tx = new SignalTransmitter(receiver.manage(ctx));
      tx.submit();
      tx.submit(3);
      tx.submit();
      Signal s = receiver.waitForSignal();
      assertThat(s.num()).isEqualTo(5);
      assertThat(receiver.pending()).isFalse();
      tx.submit();
      assertThat(receiver.waitForSignal().num()).isEqualTo(1);
    });
  }

  @Test
  void item33_differentContextsYieldDifferentSignals() {
    new GenodeKernel().run(env -> {
      SignalReceiver receiver = new SignalReceiver(env.pd(), 0);
      SignalContext a = new SignalContext();
      SignalContext b = new SignalContext();
      new SignalTransmitter(receiver.manage(a)).submit(2);
      new SignalTransmitter(receiver.manage(b)).submit(3);
      Signal first = receiver.waitForSignal();
      Signal second = receiver.waitForSignal();
      assertThat(first).isNotSameAs(second);
      assertThat(List.of(first.context(), second.context())).containsExactly(a, b);
      assertThat(List.of(first.num(), second.num())).containsExactly(2, 3);
    });
  }

  @Test
  void item34_severalPendingContextsAreDeliveredRoundRobin() {
    List<String> order = new ArrayList<>();
    new GenodeKernel().run(env -> {
      SignalReceiver receiver = new SignalReceiver(env.pd(), 0);
      List<SignalContext> contexts = new ArrayList<>();
      List<SignalTransmitter> tx = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        SignalContext c = new SignalContext();
        contexts.add(c);
        tx.add(new SignalTransmitter(receiver.manage(c)));
      }
      tx.get(0).submit();
      tx.get(1).submit();
      tx.get(2).submit();
      order.add("c" + contexts.indexOf(receiver.waitForSignal().context()));
      tx.get(0).submit(); // A again: behind B and C
      for (int i = 0; i < 3; i++) {
        order.add("c" + contexts.indexOf(receiver.waitForSignal().context()));
      }
    });
    assertThat(order).containsExactly("c0", "c1", "c2", "c0");
  }

  @Test
  void item35_waitForSignalBlocksUntilAManagedContextIsPending() {
    GenodeKernel k = new GenodeKernel();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      SignalReceiver receiver = new SignalReceiver(env.pd(), 0);
      SignalTransmitter tx = new SignalTransmitter(receiver.manage(new SignalContext()));
      Thread waiter = GenodeKernel.start(env.pd(), "waiter",
          () -> events.add("received " + receiver.waitForSignal().num()));
      k.sleep(10_000);
      events.add("submit");
      tx.submit(2);
      waiter.join();
    });
    assertThat(events).containsExactly("submit", "received 2");
  }

  @Test
  void item36_signalContextIsTheObjectPassedToManage() {
    new GenodeKernel().run(env -> {
      SignalReceiver receiver = new SignalReceiver(env.pd(), 0);
      AtomicInteger handled = new AtomicInteger();
      SignalHandler handler = new SignalHandler(s -> handled.addAndGet(s.num()));
      new SignalTransmitter(receiver.manage(handler)).submit(4);
      Signal s = receiver.dispatch();
      assertThat(s.context()).isSameAs(handler);
      assertThat(handled.get()).isEqualTo(4);
    });
  }

  @Test
  void item37_aSignalForADissolvedContextIsDroppedWithAWarning() {
    GenodeKernel k = new GenodeKernel();
    AtomicReference<Signal> next = new AtomicReference<>();
    SignalContext other = new SignalContext();
    k.run(env -> {
      SignalReceiver receiver = new SignalReceiver(env.pd(), 0);
      SignalContext gone = new SignalContext();
      SignalTransmitter tx = new SignalTransmitter(receiver.manage(gone));
      tx.submit(); // pending, then dropped by the dissolve
      receiver.dissolve(gone);
      assertThat(receiver.pending()).isFalse();
      tx.submit(); // dropped at the sender
      new SignalTransmitter(receiver.manage(other)).submit();
      next.set(receiver.waitForSignal());
    });
    assertThat(next.get().context()).isSameAs(other);
    assertThat(k.log).anyMatch(l -> l.startsWith("[root] Warning: signal dropped"));
  }

  @Test
  void item38_managingAManagedContextIsRejected() {
    new GenodeKernel().run(env -> {
      SignalReceiver receiver = new SignalReceiver(env.pd(), 0);
      SignalContext ctx = new SignalContext();
      receiver.manage(ctx);
      assertThatThrownBy(() -> receiver.manage(ctx)).isInstanceOf(ContextAlreadyInUseException.class);
      receiver.dissolve(ctx);
      receiver.manage(ctx); // after dissolve it may be managed again
    });
  }
}
