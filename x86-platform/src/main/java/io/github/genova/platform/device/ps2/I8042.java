package io.github.genova.platform.device.ps2;

import io.github.genova.platform.IrqLine;
import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;
import io.github.genova.platform.SystemLines;

/**
 * The i8042 keyboard controller at ports 0x60 (data) and 0x64 (status/command) with a
 * {@link Ps2Keyboard} on its first port and a {@link Ps2Mouse} on its auxiliary port.
 *
 * <p>Status register: bit 0 output buffer full, bit 1 input buffer full (always clear: commands are
 * taken at once), bit 2 system flag, bit 3 last write was a command, bit 4 keyboard not inhibited, bit 5
 * output buffer holds mouse data. The configuration byte (command 0x20/0x60): bit 0 keyboard IRQ 1, bit 1
 * mouse IRQ 12, bit 2 system flag, bit 4 keyboard clock off, bit 5 mouse clock off, bit 6 set-2-to-set-1
 * translation; it starts as a BIOS leaves it, 0x47. Controller commands: 0x20-0x3F/0x60-0x7F internal RAM,
 * 0xA7/0xA8 mouse port off/on, 0xA9 mouse port test, 0xAA self-test (0x55), 0xAB keyboard port test,
 * 0xAD/0xAE keyboard port off/on, 0xC0 input port, 0xD0/0xD1 output port, 0xD2/0xD3 write keyboard/mouse
 * output buffer, 0xD4 write to mouse, 0xDD/0xDF A20 off/on, 0xE0 test inputs, 0xF0-0xFF pulse output
 * lines (0xFE resets the CPU).
 *
 * <p>Device bytes move into the output buffer one at a time, controller replies first, then the keyboard,
 * then the mouse; the interrupt line of the buffer's source is high while it is full and its IRQ is enabled,
 * so each byte is a fresh edge. Thread-safe: one lock (this controller) guards controller and devices.
 */
public final class I8042 implements PortDevice {
  /** Configuration bits. */
  private static final int CFG_KBD_IRQ = 0x01;
  private static final int CFG_AUX_IRQ = 0x02;
  private static final int CFG_SYSTEM = 0x04;
  private static final int CFG_KBD_OFF = 0x10;
  private static final int CFG_AUX_OFF = 0x20;
  private static final int CFG_TRANSLATE = 0x40;

  /** Marks a controller reply that appears as mouse data (command 0xD3). */
  private static final int AUX_REPLY = 0x100;

  private static final int STATUS_OBF = 0x01;
  private static final int STATUS_SYSTEM = 0x04;
  private static final int STATUS_COMMAND = 0x08;
  private static final int STATUS_UNLOCKED = 0x10;
  private static final int STATUS_AUX = 0x20;

  private final IrqLine irq1;
  private final IrqLine irq12;
  private final Ps2Keyboard keyboard;
  private final Ps2Mouse mouse;
  private final int[] ram = new int[32];
  private final int[] replies = new int[4];
  private int replyCount;
  private int output;
  private boolean outputFull;
  private boolean outputAux;
  private boolean lastWriteCommand;
  private boolean selfTested;
  private int pendingCommand;
  private int outputPort = 0x03; // reset line inactive, A20 enabled
  private boolean translatingBreak;
  private final SystemLines systemLines;

  private I8042(IrqLine irq1, IrqLine irq12, SystemLines systemLines) {
    this.irq1 = irq1;
    this.irq12 = irq12;
    this.systemLines = systemLines;
    this.keyboard = new Ps2Keyboard(this);
    this.mouse = new Ps2Mouse(this);
    ram[0] = CFG_KBD_IRQ | CFG_AUX_IRQ | CFG_SYSTEM | CFG_TRANSLATE;
  }

  /**
   * Attaches the controller to {@code machine}: ports 0x60 and 0x64, IRQ 1 and IRQ 12, and the machine's
   * {@link SystemLines} for reset and A20.
   */
  public static I8042 attach(Machine machine) {
    I8042 kbc = new I8042(machine.isa().line(1), machine.isa().line(12), machine.systemLines());
    machine.ports().claim(0x60, 1, kbc);
    machine.ports().claim(0x64, 1, kbc);
    return kbc;
  }

  /** Returns the keyboard on the first port. */
  public Ps2Keyboard keyboard() {
    return keyboard;
  }

  /** Returns the mouse on the auxiliary port. */
  public Ps2Mouse mouse() {
    return mouse;
  }

  /** Returns the configuration byte. */
  public synchronized int configuration() {
    return ram[0];
  }

  /** Returns whether the output port lets A20 through. */
  public synchronized boolean a20() {
    return (outputPort & 0x02) != 0;
  }

  @Override
  public synchronized int in(int port, int size) {
    if (port == 0x64) {
      return (outputFull ? STATUS_OBF : 0)
          | (selfTested || (ram[0] & CFG_SYSTEM) != 0 ? STATUS_SYSTEM : 0)
          | (lastWriteCommand ? STATUS_COMMAND : 0)
          | STATUS_UNLOCKED
          | (outputFull && outputAux ? STATUS_AUX : 0);
    }
    int v = output;
    outputFull = false;
    irq1.lower(); // the line drops with the buffer; the next byte is a fresh edge
    irq12.lower();
    pump();
    return v;
  }

  @Override
  public synchronized void out(int port, int size, int value) {
    int v = value & 0xff;
    if (port == 0x64) {
      lastWriteCommand = true;
      command(v);
    } else {
      lastWriteCommand = false;
      data(v);
    }
    pump();
  }

  private void reply(int b) {
    if (replyCount < replies.length) {
      replies[replyCount++] = b;
    }
  }

  private void command(int cmd) {
    pendingCommand = 0;
    if (cmd >= 0x20 && cmd <= 0x3f) {
      reply(ram[cmd & 0x1f]);
      return;
    }
    if ((cmd >= 0x60 && cmd <= 0x7f) || cmd == 0xd1 || cmd == 0xd2 || cmd == 0xd3 || cmd == 0xd4) {
      pendingCommand = cmd;
      return;
    }
    switch (cmd) {
      case 0xa7 -> ram[0] |= CFG_AUX_OFF;
      case 0xa8 -> ram[0] &= ~CFG_AUX_OFF;
      case 0xa9, 0xab -> reply(0x00); // interface test passed
      case 0xaa -> {
        selfTested = true;
        reply(0x55);
      }
      case 0xad -> ram[0] |= CFG_KBD_OFF;
      case 0xae -> ram[0] &= ~CFG_KBD_OFF;
      case 0xc0 -> reply(0x80); // input port: keyboard not inhibited
      case 0xd0 -> reply(outputPortValue());
      case 0xdd -> setOutputPort(outputPort & ~0x02);
      case 0xdf -> setOutputPort(outputPort | 0x02);
      case 0xe0 -> reply(0x00);
      default -> {
        if (cmd >= 0xf0 && (cmd & 0x01) == 0) {
          systemLines.resetCpu(); // pulse: bit 0 clear pulses the reset line
        }
        // other commands (0xA1 version, 0xA4-0xA6 password, 0xC1-0xC2 ...) do nothing on this controller
      }
    }
  }

  private int outputPortValue() {
    return (outputPort & 0x03) | 0xc0 // clock and data lines idle high
        | (outputFull && !outputAux ? 0x10 : 0) | (outputFull && outputAux ? 0x20 : 0);
  }

  private void setOutputPort(int value) {
    int old = outputPort;
    outputPort = (value & 0x03) | 0x01; // the reset line returns high after its pulse
    if (((old ^ value) & 0x02) != 0) {
      systemLines.a20((value & 0x02) != 0);
    }
    if ((value & 0x01) == 0) {
      systemLines.resetCpu();
    }
  }

  private void data(int v) {
    int cmd = pendingCommand;
    pendingCommand = 0;
    if (cmd >= 0x60 && cmd <= 0x7f) {
      ram[cmd & 0x1f] = v;
      return;
    }
    switch (cmd) {
      case 0xd1 -> setOutputPort(v);
      case 0xd2 -> reply(v); // appears as keyboard data, untranslated
      case 0xd3 -> reply(v | AUX_REPLY); // appears as mouse data
      case 0xd4 -> mouse.command(v);
      default -> {
        ram[0] &= ~CFG_KBD_OFF; // talking to the keyboard re-enables its interface
        keyboard.command(v);
      }
    }
  }

  /** A device queued output: move it into the buffer if that is free. */
  void deviceOutput() {
    pump();
  }

  private void pump() {
    while (!outputFull) {
      if (replyCount > 0) {
        fill(replies[0] & 0xff, (replies[0] & AUX_REPLY) != 0);
        System.arraycopy(replies, 1, replies, 0, --replyCount);
      } else if (keyboard.hasData() && (ram[0] & CFG_KBD_OFF) == 0) {
        int b = keyboard.take();
        if ((ram[0] & CFG_TRANSLATE) != 0) {
          if (b == 0xf0) {
            translatingBreak = true;
            continue;
          }
          b = ScanCodes.translate(b) | (translatingBreak ? 0x80 : 0);
          translatingBreak = false;
        }
        fill(b, false);
      } else if (mouse.hasData() && (ram[0] & CFG_AUX_OFF) == 0) {
        fill(mouse.take(), true);
      } else {
        break;
      }
    }
    irq1.set(outputFull && !outputAux && (ram[0] & CFG_KBD_IRQ) != 0);
    irq12.set(outputFull && outputAux && (ram[0] & CFG_AUX_IRQ) != 0);
  }

  private void fill(int b, boolean aux) {
    output = b;
    outputAux = aux;
    outputFull = true;
  }

  @Override
  public String toString() {
    return "i8042 keyboard controller";
  }
}
