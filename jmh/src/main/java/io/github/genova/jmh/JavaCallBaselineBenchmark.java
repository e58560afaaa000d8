package io.github.genova.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline the IPC round trip is measured against: a plain Java interface call that copies eight
 * message words into the callee's buffer and eight reply words back, as a portal call does with the
 * UTCB. The ratio (kernel IPC) / (this) is the price of the kernel.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class JavaCallBaselineBenchmark {
  /** A server reached through an interface, as a portal handler is. */
  interface Server {
    void handle(long[] in, long[] out);
  }

  /** Adds one to every word, so the reply depends on the request. */
  static final class Incrementer implements Server {
    @Override
    public void handle(long[] in, long[] out) {
      for (int i = 0; i < 8; i++) {
        out[i] = in[i] + 1;
      }
    }
  }

  private final long[] callerWords = {1, 2, 3, 4, 5, 6, 7, 8};
  private final long[] calleeIn = new long[8];
  private final long[] calleeOut = new long[8];
  private final long[] replyWords = new long[8];
  private final Server server = new Incrementer();

  /** Copies eight words in, calls through the interface, copies eight words back. */
  @Benchmark
  public long callCopying8Words() {
    System.arraycopy(callerWords, 0, calleeIn, 0, 8);
    server.handle(calleeIn, calleeOut);
    System.arraycopy(calleeOut, 0, replyWords, 0, 8);
    return replyWords[7];
  }
}
