package io.github.genova.platform.device.uart;

import io.github.genova.platform.Clock;
import io.github.genova.platform.Deadline;
import io.github.genova.platform.HostOutput;
import io.github.genova.platform.DeviceFactory;
import io.github.genova.platform.IrqLine;
import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;
import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A 16550A UART: RBR/THR, the divisor latch behind DLAB, IER, IIR with the 16-byte FIFOs and FCR, LCR, MCR
 * with loopback, LSR, MSR and the scratch register. Transmission takes no time: a byte written to THR
 * goes straight to the host {@linkplain #setOutput output} (or, in loopback, into the receive FIFO) and
 * THR is empty again at once. Host input enters through {@link #receive}; the character-timeout interrupt
 * fires four character times (at the programmed baud rate, on the machine clock) after the last FIFO
 * activity. The interrupt output reaches the ISA line only while MCR's OUT2 is set, as the PC wires it.
 * Thread-safe.
 */
public final class Uart16550 implements PortDevice {
  /** The UART's input clock divided by 16: the baud rate for divisor 1. */
  public static final int BASE_BAUD = 115_200;

  private static final int FIFO_SIZE = 16;
  private static final int IER_RDA = 0x01;
  private static final int IER_THRE = 0x02;
  private static final int IER_RLS = 0x04;
  private static final int IER_MSI = 0x08;
  private static final int LSR_DR = 0x01;
  private static final int LSR_OE = 0x02;
  private static final int LSR_ERRORS = 0x1e;
  private static final int LSR_THRE = 0x20;
  private static final int LSR_TEMT = 0x40;
  private static final int MCR_DTR = 0x01;
  private static final int MCR_RTS = 0x02;
  private static final int MCR_OUT1 = 0x04;
  private static final int MCR_OUT2 = 0x08;
  private static final int MCR_LOOP = 0x10;
  private static final int LCR_DLAB = 0x80;

  private final int base;
  private final Clock clock;
  private final IrqLine irq;
  private final Deadline timeout;
  private final byte[] rx = new byte[FIFO_SIZE];
  private int rxHead;
  private int rxCount;
  private int ier;
  private int lcr = 0x03;
  private int mcr;
  private int lsrErrors;
  private int msrLines = 0xb0; // DCD, DSR, CTS asserted by the host side
  private int hostModemLines = 0xb0;
  private int msrDeltas;
  private int scr;
  private int divisor = 1;
  private boolean fifoEnabled;
  private int trigger = 1;
  private boolean thrInterrupt;
  private boolean timeoutInterrupt;
  private final HostOutput output = new HostOutput();
  private long transmitted;

  private Uart16550(Machine machine, int base, int irq) {
    this.base = base;
    this.clock = machine.clock();
    this.irq = machine.isa().line(irq);
    this.timeout = machine.deadlines().create("UART " + Integer.toHexString(base) + " character timeout", this::timeoutDue);
  }

  /** Attaches COM1: ports 0x3F8-0x3FF, IRQ 4. */
  public static Uart16550 attach(Machine machine) {
    return at(0x3f8, 4).attach(machine);
  }

  /** Returns a factory for a UART at ports {@code base..base+7} with ISA line {@code irq}. */
  public static DeviceFactory<Uart16550> at(int base, int irq) {
    return machine -> {
      Uart16550 uart = new Uart16550(machine, base, irq);
      machine.ports().claim(base, 8, uart);
      return uart;
    };
  }

  /** Sends transmitted bytes to {@code out} (null: discard them). */
  public synchronized void setOutput(@Nullable OutputStream out) {
    output.connect(out);
  }

  /** Returns the error that made the UART stop writing to its output, or null. */
  public synchronized @Nullable IOException outputError() {
    return output.error();
  }

  /** Returns how many bytes the guest has transmitted (loopback excluded). */
  public synchronized long transmitted() {
    return transmitted;
  }

  /** Returns how many bytes {@link #receive} can take now without an overrun. */
  public synchronized int receiveSpace() {
    return depth() - rxCount;
  }

  /**
   * Delivers {@code value} from the host side of the line into the receive FIFO.
   *
   * @return false if the FIFO was full: the byte is lost and the overrun error flagged, as on the wire
   */
  public synchronized boolean receive(int value) {
    boolean accepted = enqueue(value);
    update();
    return accepted;
  }

  /** Delivers bytes until the FIFO is full; returns how many were taken. Nothing is overrun. */
  public synchronized int receive(byte[] data) {
    int n = Math.min(data.length, depth() - rxCount);
    for (int i = 0; i < n; i++) {
      enqueue(data[i]);
    }
    update();
    return n;
  }

  /** Sets the modem status inputs as the host side of the cable drives them (ignored in loopback). */
  public synchronized void setModemInputs(boolean cts, boolean dsr, boolean ri, boolean dcd) {
    int lines = (cts ? 0x10 : 0) | (dsr ? 0x20 : 0) | (ri ? 0x40 : 0) | (dcd ? 0x80 : 0);
    if ((mcr & MCR_LOOP) == 0) {
      changeModemLines(lines);
    } else {
      hostModemLines = lines;
    }
    update();
  }

  private int depth() {
    return fifoEnabled ? FIFO_SIZE : 1;
  }

  private boolean enqueue(int value) {
    if (rxCount == depth()) {
      lsrErrors |= LSR_OE;
      return false;
    }
    rx[(rxHead + rxCount) % FIFO_SIZE] = (byte) value;
    rxCount++;
    restartTimeout();
    return true;
  }

  private void restartTimeout() {
    timeoutInterrupt = false;
    if (fifoEnabled && rxCount > 0) {
      timeout.arm(clock.nanos() + 4 * characterNanos());
    } else {
      timeout.cancel();
    }
  }

  /** Returns the time one character takes on the wire at the programmed format and baud rate. */
  long characterNanos() {
    int bits = 1 + 5 + (lcr & 3) + ((lcr & 0x08) != 0 ? 1 : 0) + ((lcr & 0x04) != 0 ? 2 : 1);
    long d = divisor == 0 ? 0x10000 : divisor;
    return bits * d * 1_000_000_000L / BASE_BAUD;
  }

  private void timeoutDue() {
    synchronized (this) {
      if (fifoEnabled && rxCount > 0) {
        timeoutInterrupt = true;
        update();
      }
    }
  }

  @Override
  public synchronized int in(int port, int size) {
    int v = switch (port - base) {
      case 0 -> (lcr & LCR_DLAB) != 0 ? divisor & 0xff : readRbr();
      case 1 -> (lcr & LCR_DLAB) != 0 ? (divisor >> 8) & 0xff : ier;
      case 2 -> readIir();
      case 3 -> lcr;
      case 4 -> mcr;
      case 5 -> {
        int lsr = lsrErrors | LSR_THRE | LSR_TEMT | (rxCount > 0 ? LSR_DR : 0);
        lsrErrors = 0;
        update();
        yield lsr;
      }
      case 6 -> {
        int msr = msrLines | msrDeltas;
        msrDeltas = 0;
        update();
        yield msr;
      }
      default -> scr;
    };
    return v;
  }

  private int readRbr() {
    if (rxCount == 0) {
      return 0;
    }
    int v = rx[rxHead] & 0xff;
    rxHead = (rxHead + 1) % FIFO_SIZE;
    rxCount--;
    restartTimeout();
    update();
    return v;
  }

  private int readIir() {
    int id = interruptId();
    if (id == 0x02) {
      thrInterrupt = false; // reading IIR with THRE as the source acknowledges it
      update();
    }
    return id | (fifoEnabled ? 0xc0 : 0);
  }

  /** Returns the IIR interrupt identification (bits 3-0); 0x01 when nothing is pending. */
  private int interruptId() {
    if ((ier & IER_RLS) != 0 && (lsrErrors & LSR_ERRORS) != 0) {
      return 0x06;
    }
    if ((ier & IER_RDA) != 0 && rxCount > 0 && (!fifoEnabled || rxCount >= trigger)) {
      return 0x04;
    }
    if ((ier & IER_RDA) != 0 && timeoutInterrupt) {
      return 0x0c;
    }
    if ((ier & IER_THRE) != 0 && thrInterrupt) {
      return 0x02;
    }
    if ((ier & IER_MSI) != 0 && msrDeltas != 0) {
      return 0x00;
    }
    return 0x01;
  }

  @Override
  public synchronized void out(int port, int size, int value) {
    int v = value & 0xff;
    switch (port - base) {
      case 0 -> {
        if ((lcr & LCR_DLAB) != 0) {
          divisor = (divisor & 0xff00) | v;
        } else {
          transmit(v);
        }
      }
      case 1 -> {
        if ((lcr & LCR_DLAB) != 0) {
          divisor = (divisor & 0xff) | v << 8;
        } else {
          if ((v & IER_THRE) != 0 && (ier & IER_THRE) == 0) {
            thrInterrupt = true; // enabling THRE interrupts with THR empty interrupts at once
          }
          ier = v & 0x0f;
        }
      }
      case 2 -> writeFcr(v);
      case 3 -> lcr = v;
      case 4 -> writeMcr(v & 0x1f);
      case 5, 6 -> {} // LSR and MSR are read-only (factory test writes are ignored)
      default -> scr = v;
    }
    update();
  }

  private void transmit(int v) {
    thrInterrupt = false;
    if ((mcr & MCR_LOOP) != 0) {
      enqueue(v);
    } else {
      transmitted++;
      output.write(v);
    }
    thrInterrupt = true; // the byte left at once: THR is empty again
  }

  private void writeFcr(int v) {
    boolean enable = (v & 0x01) != 0;
    if (enable != fifoEnabled) {
      rxCount = 0;
      rxHead = 0;
    }
    fifoEnabled = enable;
    if ((v & 0x02) != 0) {
      rxCount = 0;
      rxHead = 0;
      timeoutInterrupt = false;
    }
    trigger = switch (v >>> 6) {
      case 0 -> 1;
      case 1 -> 4;
      case 2 -> 8;
      default -> 14;
    };
    restartTimeout();
  }

  private void writeMcr(int v) {
    boolean wasLoop = (mcr & MCR_LOOP) != 0;
    mcr = v;
    if ((v & MCR_LOOP) != 0) {
      // loopback: the modem inputs are the modem outputs
      int lines = ((v & MCR_RTS) != 0 ? 0x10 : 0) | ((v & MCR_DTR) != 0 ? 0x20 : 0)
          | ((v & MCR_OUT1) != 0 ? 0x40 : 0) | ((v & MCR_OUT2) != 0 ? 0x80 : 0);
      changeModemLines(lines);
    } else if (wasLoop) {
      changeModemLines(hostModemLines);
    }
  }

  private void changeModemLines(int lines) {
    int changed = lines ^ msrLines;
    if ((changed & 0x10) != 0) {
      msrDeltas |= 0x01;
    }
    if ((changed & 0x20) != 0) {
      msrDeltas |= 0x02;
    }
    if ((msrLines & 0x40) != 0 && (lines & 0x40) == 0) {
      msrDeltas |= 0x04; // trailing edge of RI
    }
    if ((changed & 0x80) != 0) {
      msrDeltas |= 0x08;
    }
    msrLines = lines;
  }

  private void update() {
    irq.set(interruptId() != 0x01 && (mcr & MCR_OUT2) != 0);
  }

  @Override
  public String toString() {
    return "16550 UART at " + Integer.toHexString(base);
  }
}
