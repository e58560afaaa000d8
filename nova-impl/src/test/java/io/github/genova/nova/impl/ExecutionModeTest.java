package io.github.genova.nova.impl;

import static io.github.genova.nova.impl.RootWorld.ROOT_PD;
import static io.github.genova.nova.impl.RootWorld.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.ExecutionMode;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The two execution modes: DETERMINISTIC repeats a run event for event from its seed, and its virtual time
 * skips idle time; PARALLEL runs the same workload with one token per CPU, on real threads at once.
 */
class ExecutionModeTest {
  private static final int CPUS = 4;
  private static final int PDS = 4;
  private static final int WORKERS = 8;
  private static final int ROUNDS = 30;

  /** What one run of the workload produced. */
  record Run(long hash, List<TraceEvent> trace, int served) {
    /** The interleaving: who ran where, in which order, without the times. */
    List<String> interleaving() {
      return trace.stream().map(e -> e.kind() + " ec" + e.ec() + " cpu" + e.cpu()).toList();
    }
  }

  /**
   * Four child PDs with two workers each, spread over 4 CPUs at three priorities with 200 µs quanta. Each
   * round a worker ups its neighbour's semaphore, downs its own with a timeout, calls a server in another PD
   * on its own CPU, and every tenth round a server on CPU 3 through a cross-CPU portal.
   */
  static Run workload(long seed, ExecutionMode mode) {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    long[] hash = {0};
    int[] cut = {0};
    AtomicInteger served = new AtomicInteger();
    KernelConfig config = KernelConfig.defaults().withCpus(CPUS).withSeed(seed).withMode(mode);
    try (NovaKernel k = NovaKernel.boot(mode == ExecutionMode.DETERMINISTIC ? config.withTrace(trace::add) : config)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, CPUS);
        // Root selectors 0x800..0x8ff become selectors 0..0xff of every child PD.
        long range = 0x800;
        for (int cpu = 0; cpu < CPUS; cpu++) {
          int on = cpu;
          long starter = w.local(cpu, (self, ip2, pid) -> {
            self.utcb().setMtd(Mtd.RIP_LEN);
            self.utcb().setIp(0x1000 + on);
          });
          check(sys.createPt(range + 0x20L * cpu + Event.STARTUP, ROOT_PD, starter, 0, 0));
        }
        long ping = 0x80;
        long done = 0x90;
        for (int i = 0; i < CPUS; i++) {
          check(sys.createSm(range + ping + i, ROOT_PD, 0));
        }
        check(sys.createSm(range + done, ROOT_PD, 0));
        long server = w.sel();
        check(sys.createPd(server, ROOT_PD, Crd.NULL));
        long serverPortals = 0xa0;
        for (int cpu = 0; cpu < CPUS; cpu++) {
          long ec = w.sel();
          check(sys.createEc(ec, server, cpu, 0x1000_0000L + 0x1000L * cpu, 0, 0, false, (self, ip2, pid) -> {
            served.incrementAndGet();
            for (int i = 0; i < (int) pid; i++) {
              self.lookup(Crd.object(0, 0, 0));
            }
          }));
          check(sys.createPt(range + serverPortals + cpu, ROOT_PD, ec, 0, 0, cpu == CPUS - 1));
          check(sys.ptCtrl(range + serverPortals + cpu, 3 + cpu));
        }
        long[] pds = new long[PDS];
        for (int p = 0; p < PDS; p++) {
          pds[p] = w.sel();
          check(sys.createPd(pds[p], ROOT_PD, Crd.object(range, 8, 0x1f)));
        }
        for (int i = 0; i < WORKERS; i++) {
          int me = i;
          int cpu = i % CPUS;
          long ec = w.sel();
          check(sys.createEc(ec, pds[i % PDS], cpu, 0x2000_0000L + 0x1000L * i, 0, 0x20L * cpu, true,
              (self, ip2, a) -> {
                for (int round = 0; round < ROUNDS; round++) {
                  self.smUp(ping + (me + 1) % CPUS);
                  Status s = self.smDown(ping + me % CPUS, false, k.nanos() + 5_000L * (me + 1));
                  if (s != Status.SUCCESS && s != Status.TIMEOUT) {
                    throw new IllegalStateException("down: " + s);
                  }
                  check(self.call(serverPortals + cpu));
                  if (round % 10 == 0) {
                    check(self.call(serverPortals + CPUS - 1));
                  }
                }
                self.smUp(done);
              }));
          check(sys.createSc(ec + 1, ROOT_PD, ec, new Qpd(5 + i % 3, 200)));
        }
        for (int i = 0; i < WORKERS; i++) {
          check(sys.smDown(range + done, false, 0));
        }
        // Read by the root EC itself: a fixed point of the run. Shutdown, by the test thread, is not part
        // of the deterministic run, so the trace is cut here too.
        hash[0] = k.traceHash();
        cut[0] = trace.size();
      }, Duration.ofSeconds(60));
    }
    return new Run(hash[0], List.copyOf(trace.subList(0, cut[0])), served.get());
  }

  @Test
  void sameSeedGivesTheSameTraceTwentyTimesAndAnotherSeedAnotherInterleaving() {
    Run first = workload(42, ExecutionMode.DETERMINISTIC);
    assertThat(first.served()).isEqualTo(WORKERS * (ROUNDS + ROUNDS / 10));
    assertThat(first.trace()).hasSizeGreaterThan(500);
    for (int run = 1; run < 20; run++) {
      Run again = workload(42, ExecutionMode.DETERMINISTIC);
      if (!again.trace().equals(first.trace())) {
        int i = 0;
        while (i < Math.min(again.trace().size(), first.trace().size())
            && again.trace().get(i).equals(first.trace().get(i))) {
          i++;
        }
        int from = Math.max(0, i - 5);
        assertThat(again.trace().subList(from, Math.min(again.trace().size(), i + 5)))
            .as("run %d diverges from run 0 at trace event %d", run, i)
            .isEqualTo(first.trace().subList(from, Math.min(first.trace().size(), i + 5)));
      }
      assertThat(again.hash()).as("trace hash of run %d", run).isEqualTo(first.hash());
    }
    Run other = workload(43, ExecutionMode.DETERMINISTIC);
    assertThat(other.served()).isEqualTo(first.served());
    assertThat(other.hash()).isNotEqualTo(first.hash());
    assertThat(other.interleaving()).isNotEqualTo(first.interleaving());
  }

  @Test
  void theSameWorkloadCompletesInParallelMode() {
    Run run = workload(42, ExecutionMode.PARALLEL);
    assertThat(run.served()).isEqualTo(WORKERS * (ROUNDS + ROUNDS / 10));
  }

  @Test
  void parallelModeRunsTheCurrentEcsOfTwoCpusAtTheSameTime() {
    // Two ECs spinning until both run at once can only meet when the host runs two threads at once.
    Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2,
        "needs two host CPUs (the JVM sees " + Runtime.getRuntime().availableProcessors() + ", e.g. under taskset)");
    AtomicInteger handshake = new AtomicInteger();
    boolean[] met = {false, false};
    KernelConfig config = KernelConfig.defaults().withCpus(2).withMode(ExecutionMode.PARALLEL);
    try (NovaKernel k = NovaKernel.boot(config)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long done = w.semaphore(0);
        // Each EC announces itself and waits for the other in plain Java, without entering the kernel:
        // with one token for the machine neither could ever see the other; with a token per CPU both do.
        // CPU 1 first: the EC on CPU 0 preempts the root (priority 1) there for good.
        for (int cpu = 1; cpu >= 0; cpu--) {
          int me = cpu;
          w.global(cpu, 5, 10_000, (self, ip2, a) -> {
            handshake.incrementAndGet();
            long giveUp = System.nanoTime() + 10_000_000_000L;
            while (handshake.get() < 2 && System.nanoTime() < giveUp) {
              Thread.onSpinWait();
            }
            met[me] = handshake.get() == 2;
            self.smUp(done);
          });
        }
        check(sys.smDown(done, false, 0));
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(30));
    }
    assertThat(met).containsExactly(true, true);
  }

  @Test
  void virtualTimeCompletesASixtySecondDownWithoutWaitingForIt() {
    long wallStart = System.nanoTime();
    long[] clock = {0, 0};
    long[] wall = {0, 0};
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(2))) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long sm = w.semaphore(0);
        long other = w.semaphore(0);
        // Another EC on CPU 1 sleeps 30 s meanwhile: the clock jumps to each deadline in turn.
        w.global(1, 5, 1000, (self, ip2, a) -> self.smDown(other, false, k.nanos() + 30_000_000_000L));
        clock[0] = k.nanos();
        wall[0] = System.nanoTime();
        assertThat(sys.smDown(sm, false, clock[0] + 60_000_000_000L)).isEqualTo(Status.TIMEOUT);
        clock[1] = k.nanos();
        wall[1] = System.nanoTime();
      }, Duration.ofSeconds(30));
    }
    System.out.printf("virtual time: a 60 s down took %.3f ms of wall time (kernel clock %.3f s -> %.3f s);"
        + " boot to shutdown %.1f ms%n", (wall[1] - wall[0]) / 1e6, clock[0] / 1e9, clock[1] / 1e9,
        (System.nanoTime() - wallStart) / 1e6);
    assertThat(clock[1] - clock[0]).isGreaterThanOrEqualTo(60_000_000_000L);
  }
}
