package io.github.genova.genode.base.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.GenodeKernel;
import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.nova.IpcError;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.sync.Blockade;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Checklist items 10–15 and 17–19 of genode-framework.md (entrypoints and object identity), against the
 * real kernel, with components in their own PDs where identity across PDs matters.
 */
class EntrypointTest {
  /** Counts its calls. */
  static class Counter extends RpcTest.CalculatorImpl {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public int add(int a, int b) {
      calls.incrementAndGet();
      return a + b;
    }
  }

  @Test
  void item10_invokingADissolvedObjectNeverRunsServerCodeAndGivesInvalidObject() {
    GenodeKernel k = new GenodeKernel();
    Counter counter = new Counter();
    List<String> childSaw = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      RegistryParent parent = new RegistryParent(env, k.sink());
      Capability<Calculator> cap = env.ep().manage(Calculator.class, counter);
      parent.publish("x", cap);
      parent.start("client", 0, child -> {
        Registry reg = RegistryParent.registry(child);
        Calculator x = RpcInterface.of(Calculator.class).client(reg.lookup("x").cast());
        childSaw.add("add=" + x.add(1, 2));
        reg.announce("called", Capability.invalid());
        while (!reg.lookup("dissolved").valid()) {
          k.sleep(100);
        }
        try {
          x.add(3, 4);
          childSaw.add("ran");
        } catch (IpcError e) {
          childSaw.add("IpcError");
        }
        reg.announce("done", Capability.invalid());
      });
      parent.awaitAnnouncements(1);
      env.ep().dissolve(counter);
      // In the server's own PD too: the portal is gone.
      assertThat(NativeThread.current().gate().lookupCrd(Crd.object(cap.selector(), 0, 0)).isNull()).isTrue();
      assertThatThrownBy(() -> RpcInterface.of(Calculator.class).client(cap).add(5, 6)).isInstanceOf(IpcError.class);
      parent.publish("dissolved", Capability.of(env.pd().createSemaphore(0)));
      parent.awaitAnnouncements(1);
    });
    assertThat(childSaw).containsExactly("add=3", "IpcError");
    assertThat(counter.calls.get()).isEqualTo(1);
  }

  /** A calculator whose add waits for a blockade. */
  static final class Slow extends RpcTest.CalculatorImpl {
    final Blockade entered = new Blockade();
    final Blockade proceed = new Blockade();
    final List<String> events;

    Slow(List<String> events) {
      this.events = events;
    }

    @Override
    public int add(int a, int b) {
      events.add("dispatch entered");
      entered.wakeup();
      proceed.block();
      events.add("dispatch done");
      return a + b;
    }
  }

  @Test
  void item11_dissolveReturnsOnlyAfterTheInFlightDispatchFinished() {
    GenodeKernel k = new GenodeKernel();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      Slow slow = new Slow(events);
      Capability<Calculator> cap = env.ep().manage(Calculator.class, slow);
      Thread caller = GenodeKernel.start(env.pd(), "caller",
          () -> events.add("call returned " + RpcInterface.of(Calculator.class).client(cap).add(2, 3)));
      slow.entered.block();
      Thread waker = GenodeKernel.start(env.pd(), "waker", () -> {
        // Wait until the dissolve has revoked the portal (it then waits for the dispatch), then let it end.
        while (!NativeThread.current().gate().lookupCrd(Crd.object(cap.selector(), 0, 0)).isNull()) {
          k.sleep(10);
        }
        k.sleep(1000);
        events.add("waking the dispatch");
        slow.proceed.wakeup();
      });
      env.ep().dissolve(slow);
      events.add("dissolve returned");
      caller.join();
      waker.join();
    });
    assertThat(events).containsSubsequence("dispatch entered", "waking the dispatch", "dispatch done",
        "dissolve returned");
    assertThat(events).contains("call returned 5");
  }

  @Test
  void item12_dissolvingTwiceOrAnUnmanagedObjectHasNoEffect() {
    new GenodeKernel().run(env -> {
      Counter a = new Counter();
      Counter b = new Counter();
      Capability<Calculator> capB = env.ep().manage(Calculator.class, b);
      Capability<Calculator> capA = env.ep().manage(Calculator.class, a);
      env.ep().dissolve(a);
      long inUse = env.pd().selectors().inUse();
      env.ep().dissolve(a);
      assertThat(env.pd().selectors().inUse()).isEqualTo(inUse);
      env.ep().dissolve(b);
      env.ep().dissolve(b);
      assertThat(env.pd().selectors().inUse()).isEqualTo(inUse - 1);
      env.ep().dissolve(new Counter());
      assertThat(env.pd().selectors().inUse()).isEqualTo(inUse - 1);
      assertThatThrownBy(() -> RpcInterface.of(Calculator.class).client(capA).add(1, 1)).isInstanceOf(IpcError.class);
      assertThatThrownBy(() -> RpcInterface.of(Calculator.class).client(capB).add(1, 1)).isInstanceOf(IpcError.class);
    });
  }

  @Test
  void item13_managingAnObjectTwiceReturnsTheSameCap() {
    GenodeKernel k = new GenodeKernel();
    k.run(env -> {
      Counter c = new Counter();
      Capability<Calculator> first = env.ep().manage(Calculator.class, c);
      Capability<Calculator> second = env.ep().manage(Calculator.class, c);
      assertThat(second).isEqualTo(first);
      assertThat(env.ep().apply(first)).isSameAs(c);
    });
    assertThat(k.log).anyMatch(l -> l.contains("Warning: object already managed"));
  }

  /** Server S holds a calculator X and a Caps object Y; client C passes X back to S and calls X itself. */
  private static List<String> threeParties() {
    GenodeKernel k = new GenodeKernel();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      RegistryParent parent = new RegistryParent(env, k.sink());
      parent.start("server", 0, server -> {
        Counter x = new Counter() {
          @Override
          public int add(int a, int b) {
            seen.add("X ran in " + NativeThread.current().name() + " of the server");
            return super.add(a, b);
          }
        };
        Capability<Object> capX = server.ep().manage(Calculator.class, x).cast();
        Capability<Object> capY = server.ep().manage(Caps.class, new CapsAdapter() {
          @Override
          public String three(Capability<Object> a, Capability<Object> b, Capability<Object> c) {
            StringBuilder s = new StringBuilder();
            for (Capability<Object> cap : List.of(a, b, c)) {
              s.append(!cap.valid() ? 0 : x.equals(server.ep().apply(cap)) ? 2 : 1);
            }
            seen.add("server resolved X at its selector " + (a.equals(capX) ? "of X" : a));
            return s.toString();
          }

          @Override
          public Capability<Object> give() {
            return capX;
          }
        }).cast();
        Registry reg = RegistryParent.registry(server);
        reg.announce("x", capX);
        reg.announce("y", capY);
      });
      parent.awaitAnnouncements(2);
      parent.start("client", 0, client -> {
        Registry reg = RegistryParent.registry(client);
        Capability<Object> x = reg.lookup("x");
        Caps y = RpcInterface.of(Caps.class).client(reg.lookup("y").cast());
        Capability<Object> mine = Capability.of(client.pd().createSemaphore(0));
        seen.add("three=" + y.three(x, Capability.invalid(), mine));
        seen.add("add=" + RpcInterface.of(Calculator.class).client(x.<Calculator>cast()).add(20, 22));
        Capability<Object> given = y.give();
        // The server's own capability arrives delegated (the client holds a descendant, not an ancestor).
        seen.add("given is valid: " + given.valid() + ", add=" + RpcInterface.of(Calculator.class)
            .client(given.<Calculator>cast()).add(1, 1));
        reg.announce("done", Capability.invalid());
      });
      parent.awaitAnnouncements(1);
    });
    return seen;
  }

  @Test
  void item14_capSentBackToItsServerResolvesToTheLocalObject() {
    assertThat(threeParties()).contains("three=201", "server resolved X at its selector of X",
        "given is valid: true, add=2");
  }

  @Test
  void item15_capDelegatedToAThirdPartyCanBeInvokedByIt() {
    assertThat(threeParties()).containsSubsequence("X ran in ep of the server", "add=42");
  }

  /**
   * Genode on NOVA imprints the portal id once (the server's own selector) and then revokes PT_CTRL from the
   * capability: otherwise any holder of a delegated capability could re-imprint the portal with the id of
   * another object of the server and reach that object through the capability it was given.
   */
  @Test
  void noHolderOfAnObjectCapabilityCanReimprintItsPortalId() {
    GenodeKernel k = new GenodeKernel();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      RegistryParent parent = new RegistryParent(env, k.sink());
      Counter x = new Counter();
      Counter y = new Counter() {
        @Override
        public int add(int a, int b) {
          seen.add("Y ran");
          return super.add(a, b);
        }
      };
      Capability<Calculator> capX = env.ep().manage(Calculator.class, x);
      Capability<Calculator> capY = env.ep().manage(Calculator.class, y);
      parent.publish("x", capX.cast());
      parent.start("client", 0, client -> {
        Registry reg = RegistryParent.registry(client);
        Capability<Object> given = reg.lookup("x");
        // The client learnt (as data) that Y's portal id is the server's selector of Y.
        seen.add("client pt_ctrl: " + NativeThread.current().gate().ptCtrl(given.selector(), capY.selector()));
        seen.add("client add=" + RpcInterface.of(Calculator.class).client(given.<Calculator>cast()).add(1, 2));
        reg.announce("done", Capability.invalid());
      });
      parent.awaitAnnouncements(1);
      seen.add("server pt_ctrl: " + NativeThread.current().gate().ptCtrl(capX.selector(), capY.selector()));
      seen.add("server add=" + RpcInterface.of(Calculator.class).client(capX).add(2, 2));
    });
    assertThat(seen).containsExactly("client pt_ctrl: BAD_CAP", "client add=3", "server pt_ctrl: BAD_CAP",
        "server add=4");
  }

  @Test
  void item17_requestsWaitUntilActivateWhenNotStartedOnConstruction() {
    GenodeKernel k = new GenodeKernel();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      RpcEntrypoint ep = new RpcEntrypoint(env.pd(), "lazy", 0, false);
      Capability<Calculator> cap = ep.manage(Calculator.class, new RpcTest.CalculatorImpl());
      Thread caller = GenodeKernel.start(env.pd(), "caller",
          () -> events.add("result " + RpcInterface.of(Calculator.class).client(cap).add(1, 2)));
      k.sleep(10_000);
      events.add("activate");
      ep.activate();
      caller.join();
      assertThat(RpcInterface.of(Calculator.class).client(cap).add(3, 4)).isEqualTo(7);
      ep.close();
    });
    assertThat(events).containsExactly("activate", "result 3");
  }

  @Test
  void item18_oneEntrypointServesItsObjectsStrictlyOneCallAtATime() {
    GenodeKernel k = new GenodeKernel();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger served = new AtomicInteger();
    k.run(2, env -> {
      class Busy extends RpcTest.CalculatorImpl {
        @Override
        public int add(int a, int b) {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          k.sleep(50);
          inside.decrementAndGet();
          served.incrementAndGet();
          return a + b;
        }
      }
      Capability<Calculator> one = env.ep().manage(Calculator.class, new Busy());
      Capability<Calculator> two = env.ep().manage(Calculator.class, new Busy());
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Capability<Calculator> cap = i % 2 == 0 ? one : two;
        Thread t = GenodeKernel.thread(env.pd(), "caller" + i, i % 2, () -> {
          for (int n = 0; n < 5; n++) {
            RpcInterface.of(Calculator.class).client(cap).add(n, n);
          }
        });
        t.start();
        threads.add(t);
      }
      threads.forEach(Thread::join);
    });
    assertThat(served.get()).isEqualTo(20);
    assertThat(most.get()).isEqualTo(1);
  }

  @Test
  void item19_anEntrypointNeedsNoSchedulingContextOfItsOwn() {
    AtomicReference<java.lang.Thread> server = new AtomicReference<>();
    AtomicReference<java.lang.Thread> client = new AtomicReference<>();
    new GenodeKernel().run(env -> {
      Capability<Calculator> cap = env.ep().manage(Calculator.class, new RpcTest.CalculatorImpl() {
        @Override
        public int add(int a, int b) {
          server.set(java.lang.Thread.currentThread());
          return a + b;
        }
      });
      client.set(java.lang.Thread.currentThread());
      assertThat(RpcInterface.of(Calculator.class).client(cap).add(1, 1)).isEqualTo(2);
      // The entrypoint's EC is local: it cannot even be given an SC.
      long sc = env.pd().selectors().alloc();
      assertThat(NativeThread.current().gate().createSc(sc, env.pd().selector(), env.ep().ec(), Qpd.DEFAULT))
          .isEqualTo(Status.BAD_CAP);
      assertThat(NativeThread.current().gate().lookupCrd(Crd.object(env.ep().ec(), 0, 0)).perms() & Perm.EC_BIND_SC)
          .isNotZero();
    });
    assertThat(server.get()).isSameAs(client.get());
  }

  @Test
  void anUndeclaredExceptionIsNotReflectedItEndsTheEntrypoint() {
    GenodeKernel k = new GenodeKernel();
    k.run(env -> {
      RpcEntrypoint ep = new RpcEntrypoint(env.pd(), "fragile", 0);
      Capability<Calculator> cap = ep.manage(Calculator.class, new RpcTest.CalculatorImpl() {
        @Override
        public int add(int a, int b) {
          throw new IllegalStateException("bug in the server");
        }
      });
      Calculator c = RpcInterface.of(Calculator.class).client(cap);
      assertThatThrownBy(() -> c.add(1, 2)).isInstanceOf(IpcError.class);
      assertThatThrownBy(() -> c.add(1, 2)).isInstanceOf(IpcError.class);
      // The component's main entrypoint is unaffected.
      assertThat(RpcInterface.of(Calculator.class).client(env.ep().manage(Calculator.class, new Counter())).add(1, 2))
          .isEqualTo(3);
    });
    assertThat(k.log).anyMatch(l -> l.startsWith("[root] Error: entrypoint 'fragile': opcode 0")
        && l.contains("bug in the server"));
  }

  @Test
  void closingAnEntrypointWithObjectsLeftWarnsAndDissolvesThem() {
    GenodeKernel k = new GenodeKernel();
    k.run(env -> {
      RpcEntrypoint ep = new RpcEntrypoint(env.pd(), "short-lived", 0);
      Capability<Calculator> cap = ep.manage(Calculator.class, new Counter());
      ep.close();
      assertThatThrownBy(() -> RpcInterface.of(Calculator.class).client(cap).add(1, 2)).isInstanceOf(IpcError.class);
    });
    assertThat(k.log).anyMatch(l -> l.contains("Warning: entrypoint 'short-lived': object pool not empty"));
  }

  @Test
  void delegatedCapabilitiesMoveTheReceiveWindowAndReleasedOnesFreeTheirSelectors() {
    GenodeKernel k = new GenodeKernel();
    List<Long> serverInUse = Collections.synchronizedList(new ArrayList<>());
    List<Boolean> valid = Collections.synchronizedList(new ArrayList<>());
    k.run(env -> {
      RegistryParent parent = new RegistryParent(env, k.sink());
      parent.start("server", 0, server -> {
        Capability<Object> caps = server.ep().manage(Caps.class, new CapsAdapter() {
          @Override
          public String three(Capability<Object> a, Capability<Object> b, Capability<Object> c) {
            valid.add(a.valid() && !b.valid() && !c.valid());
            // The delegated semaphore works here, then goes back.
            valid.add(NativeThread.current().gate().smUp(a.selector()) == Status.SUCCESS);
            server.pd().release(a);
            serverInUse.add((long) server.pd().selectors().inUse());
            return "";
          }
        }).cast();
        RegistryParent.registry(server).announce("caps", caps);
      });
      parent.awaitAnnouncements(1);
      Caps caps = RpcInterface.of(Caps.class).client(parent.lookup("caps").cast());
      for (int i = 0; i < 20; i++) {
        Capability<Object> sm = Capability.of(env.pd().createSemaphore(0));
        caps.three(sm, Capability.invalid(), Capability.invalid());
        assertThat(NativeThread.current().gate().smDown(sm.selector(), false, 0)).isEqualTo(Status.SUCCESS);
      }
    });
    assertThat(valid).hasSize(40).containsOnly(true);
    // Each call moved the window to fresh selectors; released ones came back, so usage stays flat.
    assertThat(serverInUse.get(19)).isLessThanOrEqualTo(serverInUse.get(1) + 4);
  }
}
