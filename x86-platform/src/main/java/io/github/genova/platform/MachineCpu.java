package io.github.genova.platform;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86State;
import org.jspecify.annotations.Nullable;

/**
 * One x86 CPU of a {@link Machine}, wired to it: memory through the machine's {@link PhysicalBus} (RAM
 * frames straight into the engine's TLB, MMIO devices on the slow path), I/O through the {@link PortBus},
 * INTR from the machine's {@link InterruptController} (the boot CPU only, as the 8259 pair feeds the BSP)
 * with the vector taken in the acknowledge cycle when the CPU accepts it, and reset and A20 from the
 * {@link SystemLines}, applied at the next instruction boundary.
 *
 * <p>{@link #run} drives the machine around the CPU: on a virtual-time machine every executed instruction
 * advances the clock by {@link Machine#instructionNanos()}, device deadlines fire as their time comes, and a
 * halted CPU skips ahead to the next deadline; on a real-time machine deadlines fire as the host clock
 * passes them. Not thread-safe: one thread runs the CPU; {@link #stop} may be called from any thread.
 */
public final class MachineCpu {
  /** Most instructions run between two looks at deadlines, so a reprogrammed timer is noticed soon. */
  private static final long MAX_SLICE = 10_000;
  private static final int IF = 0x200;

  private final Machine machine;
  private final X86Cpu cpu;
  private final @Nullable InterruptController intr;
  private final X86State scratch = new X86State();
  private volatile boolean stopRequested;
  private volatile boolean resetRequested;
  private volatile int a20Request = -1;
  /** The A20 gate as the chipset drives it; open until a device closes it. */
  private boolean a20Gate = true;

  MachineCpu(Machine machine, X86Cpu cpu, @Nullable InterruptController intr) {
    this.machine = machine;
    this.cpu = cpu;
    this.intr = intr;
    if (intr != null) {
      intr.onIntrRaised(cpu::stop);
    }
  }

  /** Returns the engine's CPU, for its state, breakpoints and instruction count. */
  public X86Cpu cpu() {
    return cpu;
  }

  /** Reset and A20 as the machine's system lines drive them; the boot CPU receives them. */
  SystemLines systemLines() {
    return new SystemLines() {
      @Override
      public void resetCpu() {
        resetRequested = true;
        cpu.stop();
      }

      @Override
      public void a20(boolean enabled) {
        a20Request = enabled ? 1 : 0;
        cpu.stop();
      }
    };
  }

  /** Asks a running {@link #run} to return {@link ExitReason#STOPPED} at the next instruction boundary. */
  public void stop() {
    stopRequested = true;
    cpu.stop();
  }

  /**
   * Runs the CPU for at most {@code budget} instructions (idle time spent halted counts as the
   * instructions it would have taken) and returns why it stopped: {@link ExitReason#HALT} when the CPU
   * halted and nothing can wake it (interrupts disabled, or no device deadline left to wait for),
   * {@link ExitReason#SHUTDOWN}, {@link ExitReason#BREAKPOINT}, {@link ExitReason#STOPPED} after
   * {@link #stop}, or {@link ExitReason#BUDGET}.
   *
   * @throws IllegalArgumentException if {@code budget} is negative
   */
  public ExitReason run(long budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("instruction budget must not be negative: " + budget);
    }
    DeadlineQueue deadlines = machine.deadlines();
    Clock clock = machine.clock();
    long cost = machine.instructionNanos();
    long left = budget;
    while (true) {
      applySystemLines();
      if (stopRequested) {
        stopRequested = false;
        return ExitReason.STOPPED;
      }
      offerInterrupt();
      if (left <= 0) {
        return ExitReason.BUDGET;
      }
      long slice = Math.min(left, MAX_SLICE);
      long next = deadlines.nextDeadline();
      if (clock instanceof VirtualClock && next != Long.MAX_VALUE) {
        slice = Math.max(1, Math.min(slice, (next - clock.nanos() + cost - 1) / cost));
      }
      long before = cpu.instructions();
      ExitReason why = cpu.run(slice);
      long ran = cpu.instructions() - before;
      left -= ran;
      if (clock instanceof VirtualClock virtual) {
        virtual.advanceBy(ran * cost);
      }
      deadlines.fireDue();
      switch (why) {
        case SHUTDOWN, BREAKPOINT -> {
          return why;
        }
        case HALT -> {
          boolean enabled = interruptsEnabled();
          if (enabled && intr != null && intr.interruptPending()) {
            continue;
          }
          long wake = deadlines.nextDeadline();
          if (!enabled || wake == Long.MAX_VALUE || !(clock instanceof VirtualClock virtual)) {
            return ExitReason.HALT;
          }
          long idle = Math.max(0, wake - clock.nanos());
          left -= Math.max(1, idle / cost);
          virtual.advanceTo(wake);
          deadlines.fireDue();
        }
        default -> {
          // BUDGET ends a slice; STOPPED is ours (INTR, system lines) or the caller's, seen at the loop top.
        }
      }
    }
  }

  /**
   * Applies a reset and A20 change driven since the last boundary. The A20 gate belongs to the chipset, so
   * a reset does not open it: a CPU reset while the gate is closed fetches its reset vector with bit 20
   * masked, as on a PC.
   */
  private void applySystemLines() {
    boolean reset = resetRequested;
    if (reset) {
      resetRequested = false;
      cpu.reset();
    }
    int a20 = a20Request;
    if (a20 >= 0) {
      a20Request = -1;
      a20Gate = a20 == 1;
    }
    if (reset || a20 >= 0) {
      cpu.saveState(scratch);
      if (scratch.a20 != a20Gate) {
        scratch.a20 = a20Gate;
        cpu.loadState(scratch);
      }
    }
  }

  /**
   * Runs the acknowledge cycle and hands the vector to the CPU when INTR is asserted and the CPU accepts
   * interrupts (IF set) and has no vector waiting yet (one given before an interrupt shadow); the CPU
   * takes it at its next instruction boundary.
   */
  private void offerInterrupt() {
    InterruptController pic = intr;
    if (pic != null && !cpu.intrPending() && pic.interruptPending() && interruptsEnabled()) {
      cpu.assertIntr(pic.acknowledge());
    }
  }

  private boolean interruptsEnabled() {
    return (cpu.saveState(scratch).eflags & IF) != 0;
  }
}
