package io.github.genova.jmh;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Kernels;
import io.github.genova.nova.api.MemoryView;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Utcb;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Host code reading its PD's virtual memory through the software TLB: 1024 four-byte reads over two
 * mapped pages, reported per read. The pages are faulted in once at setup by a root-PD pager.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class HostMemoryBenchmark {
  private static final long BASE = 0x1000_0000L;
  private static final int READS = 1024;
  private Kernel kernel;
  private MemoryView memory;

  /** Boots a kernel, installs a pager and touches the two pages. */
  @Setup(Level.Trial)
  public void boot() {
    kernel = Kernels.boot(KernelConfig.defaults());
    Hypercalls root = kernel.attachRoot();
    KernelFixture.check(root.createEc(0x200, KernelFixture.ROOT_PD, 0, 0x7000_0000L, 0, 0, false,
        (self, ip, pid) -> {
          Utcb u = self.utcb();
          long page = u.qual(1) >>> 12;
          u.setCounts(1, 0);
          u.setMtd(0);
          u.appendDelegate(Crd.memory(0x400 + (page & 1), 0, Perm.MEM_RWX), page, Utcb.ITEM_HOST);
        }));
    KernelFixture.check(root.createPt(Event.PAGE_FAULT, KernelFixture.ROOT_PD, 0x200, Mtd.QUAL, 0));
    memory = root.memory();
    for (int i = 0; i < 2 * 1024; i++) {
      memory.writeInt(BASE + 4L * i, i);
    }
  }

  /** Stops the kernel. */
  @TearDown(Level.Trial)
  public void shutdown() {
    kernel.close();
  }

  /** Sums 1024 ints at a stride of 8 bytes, crossing into the second page half way. */
  @Benchmark
  @OperationsPerInvocation(READS)
  public int read4Bytes() {
    MemoryView m = memory;
    int sum = 0;
    for (int i = 0; i < READS; i++) {
      sum += m.readInt(BASE + 8L * i);
    }
    return sum;
  }
}
