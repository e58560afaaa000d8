package io.github.genova.platform.device.pic;

import io.github.genova.platform.InterruptController;
import io.github.genova.platform.IrqSink;
import io.github.genova.platform.IsaInterrupts;
import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;

/**
 * The PC's cascaded pair of 8259A interrupt controllers. ISA IRQs 0-7 enter the master, 8-15 the slave,
 * whose output drives master input 2. A CPU engine samples {@link #interruptPending()} (or listens for
 * INTR changes) and runs the acknowledge cycle with {@link #acknowledge()}, which returns the vector.
 * Requests that vanish before the acknowledge give the spurious vectors of IRQ 7 (master) or IRQ 15
 * (slave), as the real parts do. Thread-safe.
 */
public final class DualPic implements PortDevice, IrqSink, InterruptController {
  /** ELCR bits that may be set: IRQ 0, 1, 2, 8 and 13 are always edge-triggered. */
  private static final int ELCR_MASTER_MASK = 0xf8;
  private static final int ELCR_SLAVE_MASK = 0xde;

  final Pic8259 master = new Pic8259(true);
  final Pic8259 slave = new Pic8259(false);
  private boolean intr;
  private IntrListener listener = asserted -> {};

  /** Creates an unconnected PIC pair; {@link #attach} wires one into a machine. */
  public DualPic() {}

  /** Attaches a PIC pair to {@code machine}: ports 0x20-0x21, 0xA0-0xA1, 0x4D0-0x4D1 and the ISA lines. */
  public static DualPic attach(Machine machine) {
    DualPic pic = new DualPic();
    machine.ports().claim(0x20, 2, pic);
    machine.ports().claim(0xa0, 2, pic);
    machine.ports().claim(0x4d0, 2, pic);
    machine.isa().connect(pic);
    return pic;
  }

  /** Sets the watcher of the INTR output, replacing the previous one. */
  public synchronized void setIntrListener(IntrListener l) {
    this.listener = l;
  }

  /** Wakes the CPU on every rise of INTR; replaces the listener set with {@link #setIntrListener}. */
  @Override
  public void onIntrRaised(Runnable wake) {
    setIntrListener(asserted -> {
      if (asserted) {
        wake.run();
      }
    });
  }

  /** Returns whether INTR is asserted: an unmasked request outranks everything in service. */
  @Override
  public synchronized boolean interruptPending() {
    return intr;
  }

  /**
   * Runs the interrupt acknowledge cycle and returns the vector the CPU should take. Call it only when
   * the CPU accepts an interrupt (IF set); without a pending request it returns the spurious vector of
   * master input 7.
   */
  @Override
  public synchronized int acknowledge() {
    int line = master.pending();
    int vector;
    if (line == Pic8259.NONE) {
      vector = master.vectorBase + 7; // spurious on the master
    } else if (line == 2) {
      int slaveLine = slave.pending();
      if (slaveLine == Pic8259.NONE) {
        vector = slave.vectorBase + 7; // spurious IRQ 15
      } else {
        slave.acknowledge(slaveLine);
        vector = slave.vectorBase + slaveLine;
      }
      master.acknowledge(2);
    } else {
      master.acknowledge(line);
      vector = master.vectorBase + line;
    }
    update();
    return vector;
  }

  @Override
  public synchronized void irqLevel(int irq, boolean high) {
    if (irq < 8) {
      master.input(irq, high);
    } else if (irq < IsaInterrupts.LINES) {
      slave.input(irq - 8, high);
    }
    update();
  }

  @Override
  public synchronized int in(int port, int size) {
    int v = switch (port) {
      case 0x20, 0xa0 -> readCommand(port == 0x20 ? master : slave);
      case 0x21 -> master.readData();
      case 0xa1 -> slave.readData();
      case 0x4d0 -> master.elcr;
      case 0x4d1 -> slave.elcr;
      default -> 0xff;
    };
    return size == 1 ? v : v | 0xffff_ff00; // the registers are bytes; wider reads float above
  }

  @Override
  public synchronized void out(int port, int size, int value) {
    int v = value & 0xff;
    switch (port) {
      case 0x20 -> master.writeCommand(v);
      case 0x21 -> master.writeData(v);
      case 0xa0 -> slave.writeCommand(v);
      case 0xa1 -> slave.writeData(v);
      case 0x4d0 -> master.elcr = v & ELCR_MASTER_MASK;
      case 0x4d1 -> slave.elcr = v & ELCR_SLAVE_MASK;
      default -> {}
    }
    update();
  }

  private int readCommand(Pic8259 chip) {
    if (!chip.polling()) {
      return chip.readCommand();
    }
    chip.endPoll();
    int line = chip.pending();
    if (line == Pic8259.NONE) {
      return 0;
    }
    chip.acknowledge(line);
    update();
    return 0x80 | line;
  }

  private void update() {
    master.input(2, slave.pending() != Pic8259.NONE);
    boolean now = master.pending() != Pic8259.NONE;
    if (now != intr) {
      intr = now;
      listener.intr(now);
    }
  }

  /** Returns the vector base programmed by ICW2 into the master (chip 0) or the slave (chip 1). */
  public synchronized int vectorBase(int chip) {
    return (chip == 0 ? master : slave).vectorBase;
  }

  @Override
  public String toString() {
    return "8259 PIC pair";
  }
}
