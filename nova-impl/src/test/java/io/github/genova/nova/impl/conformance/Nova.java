package io.github.genova.nova.impl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.HostCode;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import io.github.genova.nova.impl.NovaKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A booted kernel whose root EC is the test thread, with helpers that build the scene through hypercalls:
 * fresh selectors and UTCB addresses, PDs, local ECs with portals, global ECs started through a STARTUP
 * portal, and {@link Agent}s that run test code inside another PD.
 */
final class Nova implements AutoCloseable {
  static final long ROOT_PD = 32;
  static final long ROOT_EC = 33;
  static final long ROOT_SC = 34;
  /** Virtual time the tests let pass when they wait for "nothing happens". */
  static final long MILLISECOND = 1_000_000;

  final NovaKernel kernel;
  final Hypercalls sys;
  private long nextSel = 0x400;
  private long nextUtcb = 0x4000_0000L;
  private final long[] startupBase;

  private Nova(int cpus) {
    this.kernel = NovaKernel.boot(KernelConfig.defaults().withCpus(cpus));
    this.sys = kernel.attachRoot();
    this.startupBase = new long[cpus];
  }

  static Nova boot() {
    return new Nova(1);
  }

  static Nova boot(int cpus) {
    return new Nova(cpus);
  }

  @Override
  public void close() {
    kernel.close();
  }

  static void ok(Status s) {
    assertThat(s).isEqualTo(Status.SUCCESS);
  }

  Utcb utcb() {
    return sys.utcb();
  }

  /** A free root selector. */
  long sel() {
    return nextSel++;
  }

  /** {@code 2^order} free root selectors, naturally aligned; returns the first. */
  long sels(int order) {
    long size = 1L << order;
    long base = (nextSel + size - 1) & -size;
    nextSel = base + size;
    return base;
  }

  /** A page address no EC of any PD uses as its UTCB yet. */
  long utcbAddress() {
    long a = nextUtcb;
    nextUtcb += Utcb.SIZE;
    return a;
  }

  /** Creates a semaphore; returns its root selector. */
  long sm(long counter) {
    long s = sel();
    ok(sys.createSm(s, ROOT_PD, counter));
    return s;
  }

  /** Creates a PD (owned through the root PD) with the caller's range {@code caps} at its selectors 0... */
  long pd(Crd caps) {
    long s = sel();
    ok(sys.createPd(s, ROOT_PD, caps));
    return s;
  }

  /** Creates a local EC in PD {@code pd} on {@code cpu}; returns its root selector. */
  long localEc(long pd, int cpu, HostCode code) {
    long s = sel();
    ok(sys.createEc(s, pd, cpu, utcbAddress(), 0, 0, false, code));
    return s;
  }

  /** Creates a portal to local EC {@code ec}; returns its root selector. */
  long portal(long ec, long ip) {
    long s = sel();
    ok(sys.createPt(s, ROOT_PD, ec, 0, ip));
    return s;
  }

  /** Creates a local EC of the root PD on CPU 0 and one portal to it; returns the portal's selector. */
  long service(HostCode code) {
    return portal(localEc(ROOT_PD, 0, code), 0);
  }

  /**
   * Creates a global EC of the root PD on {@code cpu} with an SC of {@code priority}: it starts (through a
   * STARTUP portal whose handler replies IP 0x1000) and runs {@code code}. Returns the EC's selector; its
   * SC is at the next one.
   */
  long global(int cpu, int priority, HostCode code) {
    long base = startupBase(cpu);
    long ec = sel();
    long sc = sel();
    ok(sys.createEc(ec, ROOT_PD, cpu, utcbAddress(), 0, base, true, code));
    ok(sys.createSc(sc, ROOT_PD, ec, new Qpd(priority, 10_000)));
    return ec;
  }

  private long startupBase(int cpu) {
    if (startupBase[cpu] == 0) {
      long base = sels(5);
      long starter = localEc(ROOT_PD, cpu, (self, ip, pid) -> {
        Utcb u = self.utcb();
        u.setMtd(Mtd.RIP_LEN);
        u.setIp(0x1000);
        u.setCounts(0, 0);
      });
      ok(sys.createPt(base + Event.STARTUP, ROOT_PD, starter, Mtd.RSP, 0));
      startupBase[cpu] = base;
    }
    return startupBase[cpu];
  }

  /** Lets {@code nanos} of virtual time pass while the root EC waits (every other EC may run). */
  void sleep(long nanos) {
    long s = sm(0);
    assertThat(sys.smDown(s, false, kernel.nanos() + nanos)).isEqualTo(Status.TIMEOUT);
  }

  /** Returns the root PD's capability at {@code sel} as a CRD (null CRD if empty). */
  Crd lookup(long sel) {
    return sys.lookupCrd(Crd.object(sel, 0, 0));
  }

  /** Creates an agent: a local EC with a portal in PD {@code pd} (root selector; 32 for the root PD). */
  Agent agent(long pd) {
    return new Agent(this, pd);
  }

  /**
   * Copies root capability {@code sel} to a fresh root selector with permissions {@code sel's & mask},
   * by delegating it to the root PD itself; returns the new selector.
   */
  long copy(long sel, int mask) {
    Agent mirror = agent(ROOT_PD);
    long target = sel();
    Crd got = mirror.receive(Crd.object(target, 0, Perm.ALL), Crd.NULL,
        u -> u.appendDelegate(Crd.object(sel, 0, mask), 0, 0)).getFirst();
    assertThat(got.isNull()).as("copy of %s with mask 0x%s", sel, Integer.toHexString(mask)).isFalse();
    return target;
  }

  /** Fetches kernel object {@code kernelSel} (an interrupt SM) into a fresh root selector. */
  long fromKernel(long kernelSel, int perms) {
    Agent mirror = agent(ROOT_PD);
    long target = sel();
    Crd got = mirror.receive(Crd.object(target, 0, Perm.ALL), Crd.NULL,
        u -> u.appendDelegate(Crd.object(kernelSel, 0, perms), 0, Utcb.ITEM_HOST)).getFirst();
    assertThat(got.isNull()).isFalse();
    return target;
  }

  /**
   * Test code running as a local EC of some PD: {@link #run} executes a function with that EC's hypercall
   * gate (its selectors are the PD's own), on the root EC's thread and time, as a portal call does.
   */
  static final class Agent {
    final Nova nova;
    /** Root selectors of the agent's PD, EC and portal. */
    final long pd;
    final long ec;
    final long pt;
    private Function<Hypercalls, @Nullable Object> action = self -> null;
    private Consumer<Utcb> reply = u -> u.setCounts(0, 0);
    private @Nullable Object result;

    Agent(Nova nova, long pd) {
      this.nova = nova;
      this.pd = pd;
      this.ec = nova.localEc(pd, 0, (self, ip, pid) -> {
        result = action.apply(self);
        reply.accept(self.utcb());
      });
      this.pt = nova.portal(ec, 0);
    }

    /** Makes {@code f} what the agent runs on its next calls (by anyone); the reply carries no message. */
    @SuppressWarnings("unchecked")
    void prepare(Function<Hypercalls, ?> f) {
      action = (Function<Hypercalls, @Nullable Object>) f;
      reply = u -> u.setCounts(0, 0);
    }

    /** Runs {@code f} in the agent's PD and returns what it returned. */
    @SuppressWarnings("unchecked")
    <T> T run(Function<Hypercalls, T> f) {
      action = (Function<Hypercalls, @Nullable Object>) f;
      reply = u -> u.setCounts(0, 0);
      nova.utcb().setCounts(0, 0);
      ok(nova.sys.call(pt));
      return (T) java.util.Objects.requireNonNull(result, "the agent's action returned null");
    }

    /**
     * Opens the agent's receive windows, then calls it with the typed items {@code items} writes into the
     * root UTCB; returns the CRDs the agent received (one per item, null CRD where nothing arrived).
     */
    List<Crd> receive(Crd delegateWindow, Crd translateWindow, Consumer<Utcb> items) {
      run(self -> {
        self.utcb().setDelegateWindow(delegateWindow);
        self.utcb().setTranslateWindow(translateWindow);
        return 0;
      });
      List<Crd> got = new ArrayList<>();
      action = self -> {
        Utcb u = self.utcb();
        for (int i = 0; i < u.typed(); i++) {
          got.add(u.item(i));
        }
        return 0;
      };
      Utcb mine = nova.utcb();
      mine.setCounts(0, 0);
      items.accept(mine);
      ok(nova.sys.call(pt));
      return got;
    }

    /**
     * Calls the agent with no items and lets its reply carry the typed items {@code items} writes; returns
     * the CRDs the root received, against the root UTCB's windows.
     */
    List<Crd> replyWith(Consumer<Utcb> items) {
      action = self -> 0;
      reply = u -> {
        u.setCounts(0, 0);
        items.accept(u);
      };
      Utcb mine = nova.utcb();
      mine.setCounts(0, 0);
      ok(nova.sys.call(pt));
      List<Crd> got = new ArrayList<>();
      for (int i = 0; i < mine.typed(); i++) {
        got.add(mine.item(i));
      }
      mine.setCounts(0, 0);
      return got;
    }

    /** Looks up the agent PD's object capability at {@code sel}. */
    Crd lookup(long sel) {
      return run(self -> self.lookupCrd(Crd.object(sel, 0, 0)));
    }

    /** Looks up any CRD in the agent's PD. */
    Crd lookup(Crd crd) {
      return run(self -> self.lookupCrd(crd));
    }

    /** Gives the agent's PD root capability {@code sel} at its selector {@code at}, masked by {@code mask}. */
    Crd give(long sel, int mask, long at) {
      return receive(Crd.object(at, 0, Perm.ALL), Crd.NULL, u -> u.appendDelegate(Crd.object(sel, 0, mask), 0, 0))
          .getFirst();
    }
  }
}
