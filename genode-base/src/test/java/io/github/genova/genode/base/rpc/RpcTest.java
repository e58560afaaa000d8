package io.github.genova.genode.base.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.GenodeKernel;
import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.nova.RpcExceptionCode;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Checklist items 1–9 and 16 of genode-framework.md (the RPC wire protocol), against the real kernel.
 */
class RpcTest {
  /** A plain calculator. */
  static class CalculatorImpl implements Calculator {
    @Override
    public int add(int a, int b) {
      return a + b;
    }

    @Override
    public long divide(long a, long b) throws Overflow, DivideByZero {
      if (b == 0) {
        throw new DivideByZero();
      }
      if (a == Long.MIN_VALUE && b == -1) {
        throw new Overflow();
      }
      return a / b;
    }

    @Override
    public double scale(double x, float f, boolean negate, byte b, short s, char c) {
      double r = x * f + b + s + c;
      return negate ? -r : r;
    }

    @Override
    public void nothing() {}
  }

  static final class AdvancedCalculatorImpl extends CalculatorImpl implements AdvancedCalculator {
    @Override
    public int negate(int x) {
      return -x;
    }
  }

  static final class BuffersImpl implements Buffers {
    @Override
    public int inOnly(byte[] data) {
      int sum = 0;
      for (byte b : data) {
        sum += b;
      }
      Arrays.fill(data, (byte) 0x7f);
      return sum;
    }

    @Override
    public int inOut(byte[] data) {
      for (int i = 0; i < data.length; i++) {
        data[i]++;
      }
      return data.length;
    }

    @Override
    public int failAfterWrite(byte[] data) throws Failed {
      Arrays.fill(data, (byte) 0x55);
      throw new Failed();
    }

    @Override
    public String echo(String s) {
      return s + "|" + s.length();
    }

    @Override
    public Point mirror(Point p, Colour c) {
      return new Point(-p.x(), -p.y(), p.label() + "!", c);
    }

    @Override
    public long layout(byte b, String s, long l) {
      return b + s.length() + l;
    }
  }

  /** Calls portal {@code pt} with the raw words; returns the reply's untyped words. */
  static long[] rawCall(long pt, long... words) {
    Hypercalls sys = NativeThread.current().gate();
    Utcb u = sys.utcb();
    u.setMessage(words);
    assertThat(sys.call(pt)).isEqualTo(Status.SUCCESS);
    long[] reply = new long[u.untyped()];
    for (int i = 0; i < reply.length; i++) {
      reply[i] = u.word(i);
    }
    return reply;
  }

  /** A raw portal in the root PD that records the words of each call and replies {@code [0, 7]}. */
  static long recordingPortal(Env env, List<long[]> calls) {
    int slot = env.pd().stackArea().alloc();
    long ec = env.pd().createLocalEc(0, slot, (self, ip, pid) -> {
      Utcb u = self.utcb();
      long[] words = new long[u.untyped()];
      for (int i = 0; i < words.length; i++) {
        words[i] = u.word(i);
      }
      calls.add(words);
      u.setMessage(0, 7);
    });
    long pt = env.pd().selectors().alloc();
    env.pd().createPortal(pt, ec, 0);
    return pt;
  }

  @Test
  void item01_opcodeIsTheZeroBasedIndexOfTheFunction() {
    RpcInterface<Calculator> rpc = RpcInterface.of(Calculator.class);
    assertThat(rpc.functionCount()).isEqualTo(4);
    assertThat(List.of(rpc.function(0).getName(), rpc.function(1).getName(), rpc.function(2).getName(),
        rpc.function(3).getName())).containsExactly("add", "divide", "scale", "nothing");
    assertThatThrownBy(() -> RpcInterface.of(Misnumbered.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index");
    new GenodeKernel().run(env -> {
      Capability<Calculator> cap = env.ep().manage(Calculator.class, new CalculatorImpl());
      // Opcode 0 on the wire (word 1) selects add, the first function.
      assertThat(rawCall(cap.selector(), 0, 0, 20, 22)).containsExactly(0, 42);
      assertThat(RpcInterface.of(Calculator.class).client(cap).add(1, 2)).isEqualTo(3);
    });
  }

  /** Opcodes must start at 0. */
  public interface Misnumbered {
    @RpcFunction(1)
    void f();
  }

  /** A derived interface whose own function reuses a base opcode. */
  public interface MisnumberedDerived extends Calculator {
    @RpcFunction(3)
    int g();
  }

  @Test
  void item02_inheritedInterfaceKeepsBaseOpcodesAndAppends() {
    RpcInterface<AdvancedCalculator> rpc = RpcInterface.of(AdvancedCalculator.class);
    assertThat(rpc.functionCount()).isEqualTo(5);
    assertThat(rpc.function(0).getName()).isEqualTo("add");
    assertThat(rpc.function(4).getName()).isEqualTo("negate");
    assertThatThrownBy(() -> RpcInterface.of(MisnumberedDerived.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("opcode 3");
    new GenodeKernel().run(env -> {
      Capability<AdvancedCalculator> cap = env.ep().manage(AdvancedCalculator.class, new AdvancedCalculatorImpl());
      assertThat(rawCall(cap.selector(), 0, 4, 5)).containsExactly(0, -5L);
      assertThat(rawCall(cap.selector(), 0, 0, 5, 6)).containsExactly(0, 11);
      AdvancedCalculator client = RpcInterface.of(AdvancedCalculator.class).client(cap);
      assertThat(client.negate(9)).isEqualTo(-9);
      // A base-interface client works on the derived object with the same opcodes.
      assertThat(RpcInterface.of(Calculator.class).client(cap.<Calculator>cast()).add(2, 3)).isEqualTo(5);
    });
  }

  @Test
  void item03_inArgsAreNeverWrittenBackInOutArgsAre() {
    new GenodeKernel().run(env -> {
      Buffers b = RpcInterface.of(Buffers.class).client(env.ep().manage(Buffers.class, new BuffersImpl()));
      byte[] in = {1, 2, 3};
      assertThat(b.inOnly(in)).isEqualTo(6);
      assertThat(in).containsExactly(1, 2, 3);
      byte[] inOut = {1, 2, 3};
      assertThat(b.inOut(inOut)).isEqualTo(3);
      assertThat(inOut).containsExactly(2, 3, 4);
    });
  }

  @Test
  void item04_eachDatumOccupiesWholeWords() {
    List<long[]> calls = new ArrayList<>();
    new GenodeKernel().run(env -> {
      long pt = recordingPortal(env, calls);
      Buffers b = RpcInterface.of(Buffers.class).client(Capability.of(pt));
      assertThat(b.layout((byte) 5, "hello", 99)).isEqualTo(7);
      // A record and an enum: each component a word, the string a size word and its bytes.
      try {
        b.mirror(new Point(1, 2, "abcdefghi", Colour.BLUE), Colour.GREEN);
      } catch (IllegalArgumentException replyIsNoPoint) {
        // The recording portal answers [0, 7], which the stub may not read as a Point: only the call matters.
      }
    });
    long[] w = calls.get(0);
    assertThat(w).hasSize(6);
    assertThat(w[0]).isZero();
    assertThat(w[1]).isEqualTo(5); // opcode of layout
    assertThat(w[2]).isEqualTo(5); // the byte: a whole word
    assertThat(w[3]).isEqualTo(6); // "hello" and its NUL
    assertThat(bytes(w[4], 6)).isEqualTo("hello\0");
    assertThat(w[5]).isEqualTo(99); // the long starts at the next word
    long[] m = calls.get(1);
    // opcode; x; y; size 8 + one word "abcdefg\0"; colour; the Colour argument
    assertThat(m).containsExactly(0, 4, 1, 2, 8, m[5], 2, 1); // BLUE is constant 2, GREEN 1
    assertThat(bytes(m[5], 8)).isEqualTo("abcdefg\0");
  }

  private static String bytes(long word, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (word >>> (8 * i));
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void item05_stringArrivesNulTerminatedTruncatedToItsBound() {
    List<long[]> calls = new ArrayList<>();
    AtomicReference<String> echoed = new AtomicReference<>();
    new GenodeKernel().run(env -> {
      Buffers b = RpcInterface.of(Buffers.class).client(env.ep().manage(Buffers.class, new BuffersImpl()));
      echoed.set(b.echo("abcdefghij"));
      RpcInterface.of(Buffers.class).client(Capability.<Buffers>of(recordingPortal(env, calls))).echo("abcdefghij");
    });
    // Bound 8 includes the NUL: seven characters arrive.
    assertThat(echoed.get()).isEqualTo("abcdefg|7");
    long[] w = calls.get(0);
    assertThat(w).hasSize(4);
    assertThat(w[2]).isEqualTo(8);
    assertThat(bytes(w[3], 8)).isEqualTo("abcdefg\0");
  }

  @Test
  void item06_aMessageCarriesAtMostFourCapsTheFifthIsDroppedWithAnError() {
    GenodeKernel k = new GenodeKernel();
    AtomicReference<Integer> valid = new AtomicReference<>();
    k.run(env -> {
      Capability<Caps> caps = env.ep().manage(Caps.class, new CapsAdapter() {
        @Override
        public int five(Capability<Object> a, Capability<Object> b, Capability<Object> c, Capability<Object> d,
            Capability<Object> e) {
          int mask = 0;
          List<Capability<Object>> all = List.of(a, b, c, d, e);
          for (int i = 0; i < all.size(); i++) {
            mask |= all.get(i).valid() ? 1 << i : 0;
          }
          return mask;
        }
      });
      Capability<Object> some = Capability.of(env.pd().createSemaphore(0));
      valid.set(RpcInterface.of(Caps.class).client(caps).five(some, some, some, some, some));
    });
    assertThat(valid.get()).isEqualTo(0b01111);
    assertThat(k.log).anyMatch(l -> l.startsWith("[root] Error: message buffer overflow"));
  }

  @Test
  void item07_declaredExceptionTravelsAsItsCodeAndIsRethrown() {
    new GenodeKernel().run(env -> {
      Capability<Calculator> cap = env.ep().manage(Calculator.class, new CalculatorImpl());
      // divide declares (Overflow, DivideByZero): E1 of 2 = -1002, E2 of 2 = -1001.
      assertThat(rawCall(cap.selector(), 0, 1, 10, 0)).containsExactly(-1001);
      assertThat(rawCall(cap.selector(), 0, 1, Long.MIN_VALUE, -1)).containsExactly(-1002);
      assertThat(RpcExceptionCode.ofException(1, 2)).isEqualTo(-1002);
      Calculator c = RpcInterface.of(Calculator.class).client(cap);
      assertThatThrownBy(() -> c.divide(10, 0)).isInstanceOf(Calculator.DivideByZero.class);
      assertThatThrownBy(() -> c.divide(Long.MIN_VALUE, -1)).isInstanceOf(Calculator.Overflow.class);
      try {
        assertThat(c.divide(10, 3)).isEqualTo(3);
      } catch (Calculator.Overflow | Calculator.DivideByZero e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void item08_reflectedExceptionHasNoReturnValueButInOutArgsAreUpdated() {
    List<long[]> reply = new ArrayList<>();
    new GenodeKernel().run(env -> {
      Capability<Buffers> cap = env.ep().manage(Buffers.class, new BuffersImpl());
      Buffers b = RpcInterface.of(Buffers.class).client(cap);
      byte[] data = {1, 2, 3, 4};
      assertThatThrownBy(() -> b.failAfterWrite(data)).isInstanceOf(Buffers.Failed.class);
      assertThat(data).containsExactly(0x55, 0x55, 0x55, 0x55);
      // On the wire: code, then the INOUT buffer (size word + one word of bytes), and no return value.
      reply.add(rawCall(cap.selector(), 0, 2, 4, 0x04030201L));
    });
    assertThat(reply.get(0)).containsExactly(-1001, 4, 0x55555555L);
  }

  @Test
  void item09_unknownOpcodeYieldsInvalidOpcodeAndALogLine() {
    GenodeKernel k = new GenodeKernel();
    k.run(env -> {
      Capability<Calculator> cap = env.ep().manage(Calculator.class, new CalculatorImpl());
      assertThat(rawCall(cap.selector(), 0, 99)).containsExactly(RpcExceptionCode.INVALID_OPCODE);
      // A client of a newer interface calling a function the object lacks: no exception, default value.
      assertThat(RpcInterface.of(AdvancedCalculator.class).client(cap.<AdvancedCalculator>cast()).negate(3)).isZero();
    });
    assertThat(k.log).contains("[root] Error: invalid opcode 99", "[root] Error: invalid opcode 4");
  }

  @Test
  void recordsEnumsAndPrimitivesRoundTrip() {
    new GenodeKernel().run(env -> {
      Buffers b = RpcInterface.of(Buffers.class).client(env.ep().manage(Buffers.class, new BuffersImpl()));
      assertThat(b.mirror(new Point(3, -4, "pt", Colour.RED), Colour.BLUE))
          .isEqualTo(new Point(-3, 4, "pt!", Colour.BLUE));
      Calculator c = RpcInterface.of(Calculator.class).client(env.ep().manage(Calculator.class, new CalculatorImpl()));
      assertThat(c.scale(1.5, 2f, true, (byte) -1, (short) -2, 'A')).isEqualTo(-(3.0 - 3 + 65));
      c.nothing();
    });
  }

  @Test
  void item16_invalidCapArgumentArrivesInvalidInTheSamePosition() {
    AtomicReference<String> seen = new AtomicReference<>();
    new GenodeKernel().run(env -> {
      Object[] local = new Object[1];
      Capability<Caps> caps = env.ep().manage(Caps.class, new CapsAdapter() {
        @Override
        public String three(Capability<Object> a, Capability<Object> b, Capability<Object> c) {
          StringBuilder s = new StringBuilder();
          for (Capability<Object> x : List.of(a, b, c)) {
            s.append(!x.valid() ? 0 : local[0].equals(env.ep().apply(x)) ? 2 : 1);
          }
          return s.toString();
        }
      });
      local[0] = new CalculatorImpl();
      Capability<Object> mine = env.ep().manage(Calculator.class, (Calculator) local[0]).cast();
      Capability<Object> other = Capability.of(env.pd().createSemaphore(0));
      seen.set(RpcInterface.of(Caps.class).client(caps).three(mine, Capability.invalid(), other));
    });
    assertThat(seen.get()).isEqualTo("201");
  }
}
