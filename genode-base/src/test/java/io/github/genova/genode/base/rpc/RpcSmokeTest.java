package io.github.genova.genode.base.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.GenodeKernel;
import io.github.genova.genode.base.cap.Capability;
import org.junit.jupiter.api.Test;

class RpcSmokeTest {
  static final class CalculatorImpl implements Calculator {
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

  @Test
  void callsWithinOnePd() {
    new GenodeKernel().run(env -> {
      Capability<Calculator> cap = env.ep().manage(Calculator.class, new CalculatorImpl());
      Calculator calc = RpcInterface.of(Calculator.class).client(cap);
      assertThat(calc.add(20, 22)).isEqualTo(42);
      assertThat(calc.scale(1.5, 2f, true, (byte) -1, (short) -2, 'A')).isEqualTo(-(3.0 - 3 + 65));
      calc.nothing();
      assertThatThrownBy(() -> calc.divide(1, 0)).isInstanceOf(Calculator.DivideByZero.class);
    });
  }
}
