package io.github.genova.platform.x86.asm;

import java.nio.charset.StandardCharsets;

/** Runs one statement in a pass: directives and data here, instructions in {@link InstructionEncoder}. */
final class Directives {
  private static final long MAX_REPEAT = 1 << 24;

  private Directives() {}

  static void run(Pass pass, Statement statement) {
    switch (statement) {
      case Statement.Equ(String name, Expression value) -> pass.define(name, pass.value(value));
      case Statement.Bits(int bits) -> pass.setBits(bits);
      case Statement.Org(Expression address) -> pass.setOrigin(pass.value(address));
      case Statement.Data(int unitSize, var items) -> data(pass, unitSize, items);
      case Statement.Times(Expression count, Statement body) -> times(pass, count, body);
      case Statement.Align(Expression boundary, Expression fill) -> align(pass, boundary, fill);
      case Statement.Reserve(int unitSize, Expression count) -> {
        long n = repeatCount(pass, pass.value(count));
        for (long i = 0; i < n * unitSize; i++) {
          pass.emit(0);
        }
      }
      case Statement.Instruction instruction -> InstructionEncoder.encode(pass, instruction);
    }
  }

  private static void data(Pass pass, int unitSize, java.util.List<Object> items) {
    for (Object item : items) {
      if (item instanceof String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        pass.emit(bytes);
        for (int pad = bytes.length; pad % unitSize != 0; pad++) {
          pass.emit(0);
        }
      } else {
        long v = pass.value((Expression) item);
        pass.checkFits(v, unitSize, "value");
        pass.emit(v, unitSize);
      }
    }
  }

  private static void times(Pass pass, Expression count, Statement body) {
    long n = repeatCount(pass, pass.value(count));
    for (long i = 0; i < n; i++) {
      pass.restartLine();
      run(pass, body);
    }
  }

  private static long repeatCount(Pass pass, long n) {
    if (n < 0 || n > MAX_REPEAT) {
      pass.problem("repeat count " + n + " is negative or too large (the code before it may be too long)");
      return 0;
    }
    return n;
  }

  private static void align(Pass pass, Expression boundary, @org.jspecify.annotations.Nullable Expression fill) {
    long b = pass.value(boundary);
    if (b <= 0 || Long.bitCount(b) != 1) {
      throw new SyntaxError("align boundary must be a power of two, not " + b);
    }
    int fillByte = fill == null ? 0x90 : (int) pass.value(fill);
    while (pass.address() % b != 0) {
      pass.emit(fillByte & 0xFF);
    }
  }
}
