package io.github.genova.platform;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The 16 ISA interrupt request lines of a PC and where they lead. A device drives its line's level through
 * an {@link IrqLine}; every level change goes to the connected {@link IrqSink}s (the 8259 PIC pair, which a
 * CPU engine acknowledges), and every rising edge also raises the global system interrupt of the same
 * number on the machine's {@link InterruptLines}, as an I/O APIC with identity-mapped ISA pins does. That
 * second path is how the kernel sees device interrupts. Lock-free; a line is owned by one device, which
 * drives it under its own lock, so changes of one line arrive in order.
 */
public final class IsaInterrupts {
  /** Number of ISA interrupt request lines. */
  public static final int LINES = 16;

  private final InterruptLines gsis;
  private final AtomicInteger levels = new AtomicInteger();
  private final IrqLine[] lines = new IrqLine[LINES];
  private volatile IrqSink[] sinks = {};

  /** Creates the lines, all low, feeding {@code gsis}. */
  public IsaInterrupts(InterruptLines gsis) {
    this.gsis = gsis;
    for (int irq = 0; irq < LINES; irq++) {
      lines[irq] = new IrqLine(this, irq);
    }
  }

  /**
   * Returns the driver of line {@code irq}.
   *
   * @throws IllegalArgumentException unless 0 &lt;= irq &lt; 16
   */
  public IrqLine line(int irq) {
    if (irq < 0 || irq >= LINES) {
      throw new IllegalArgumentException("no ISA IRQ " + irq + " (there are 0..15)");
    }
    return lines[irq];
  }

  /** Connects an interrupt controller input stage that sees every level change of every line. */
  public synchronized void connect(IrqSink sink) {
    IrqSink[] s = Arrays.copyOf(sinks, sinks.length + 1);
    s[s.length - 1] = sink;
    sinks = s;
  }

  /** Returns whether line {@code irq} is high. */
  public boolean isHigh(int irq) {
    return (levels.get() & (1 << line(irq).irq())) != 0;
  }

  void set(int irq, boolean high) {
    int bit = 1 << irq;
    int before = levels.getAndUpdate(v -> high ? v | bit : v & ~bit);
    boolean was = (before & bit) != 0;
    if (was == high) {
      return;
    }
    for (IrqSink sink : sinks) {
      sink.irqLevel(irq, high);
    }
    if (high && irq < gsis.count()) {
      gsis.raise(irq);
    }
  }
}
