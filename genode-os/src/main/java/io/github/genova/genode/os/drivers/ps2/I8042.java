package io.github.genova.genode.os.drivers.ps2;

import io.github.genova.genode.os.hw.IoPorts;
import java.util.function.IntConsumer;

/**
 * The i8042 keyboard controller as the driver programs it: data port {@value #DATA_PORT}, status and
 * command port {@value #CONTROL_PORT}. {@link #reset()} brings it up as Genode's driver does — both ports
 * disabled, stale output drained, the configuration byte read (and its scan-code translation remembered)
 * and written back with interrupts off, controller self-test (0xAA must answer {@value #SELF_TEST_OK}),
 * keyboard interface test, auxiliary port enabled and tested — and {@link #enableInterrupts()} finally
 * turns on IRQ 1 and IRQ 12 with the translation as it was found.
 *
 * <p>Replies are awaited by polling the status register a bounded number of times ({@value #POLLS}); a
 * device that stays silent is a fault, never a hang. Not thread-safe: the driver serialises its users.
 */
public final class I8042 {
  /** The data port. */
  public static final int DATA_PORT = 0x60;
  /** The status (read) and command (write) port. */
  public static final int CONTROL_PORT = 0x64;
  /** The controller's answer to a passed self-test. */
  public static final int SELF_TEST_OK = 0x55;
  /** How often a reply is polled for before the controller counts as silent. */
  public static final int POLLS = 10_000;

  static final int STATUS_OUTPUT_FULL = 0x01;
  static final int STATUS_INPUT_FULL = 0x02;
  static final int STATUS_AUX_DATA = 0x20;

  static final int CMD_READ_CONFIG = 0x20;
  static final int CMD_WRITE_CONFIG = 0x60;
  static final int CMD_AUX_DISABLE = 0xa7;
  static final int CMD_AUX_ENABLE = 0xa8;
  static final int CMD_AUX_TEST = 0xa9;
  static final int CMD_SELF_TEST = 0xaa;
  static final int CMD_KBD_TEST = 0xab;
  static final int CMD_KBD_DISABLE = 0xad;
  static final int CMD_KBD_ENABLE = 0xae;
  static final int CMD_WRITE_AUX = 0xd4;

  static final int CONFIG_KBD_IRQ = 0x01;
  static final int CONFIG_AUX_IRQ = 0x02;
  static final int CONFIG_KBD_OFF = 0x10;
  static final int CONFIG_AUX_OFF = 0x20;
  static final int CONFIG_TRANSLATE = 0x40;

  /** Stale bytes drained at most before the controller counts as broken. */
  private static final int DRAIN_LIMIT = 64;

  private final IoPorts data;
  private final IoPorts control;
  private int config;
  private boolean translate;
  private boolean auxPresent;

  /** Creates the controller on port {@value #DATA_PORT} of {@code data} and {@value #CONTROL_PORT} of {@code control}. */
  public I8042(IoPorts data, IoPorts control) {
    this.data = data;
    this.control = control;
  }

  /**
   * Resets and tests the controller, leaving interrupts off (see the class comment).
   *
   * @throws I8042Fault if the self-test or the keyboard interface test fails or a reply does not come
   */
  public void reset() throws I8042Fault {
    command(CMD_KBD_DISABLE);
    command(CMD_AUX_DISABLE);
    drain();
    command(CMD_READ_CONFIG);
    config = read("the configuration byte");
    translate = (config & CONFIG_TRANSLATE) != 0;
    config &= ~(CONFIG_KBD_IRQ | CONFIG_AUX_IRQ);
    writeConfig(config);
    config &= ~(CONFIG_KBD_OFF | CONFIG_AUX_OFF); // what is written back later enables both ports
    command(CMD_SELF_TEST);
    int selfTest = read("the self-test result");
    if (selfTest != SELF_TEST_OK) {
      throw new I8042Fault("i8042 self test failed: read " + hex(selfTest) + ", expected " + hex(SELF_TEST_OK));
    }
    command(CMD_KBD_TEST);
    int kbdTest = read("the keyboard interface test result");
    if (kbdTest != 0) {
      throw new I8042Fault("i8042 keyboard interface test failed: read " + hex(kbdTest) + ", expected 0x00");
    }
    command(CMD_KBD_ENABLE);
    command(CMD_AUX_ENABLE);
    command(CMD_AUX_TEST);
    auxPresent = read("the auxiliary interface test result") == 0;
    // the self-test may have reset the configuration: restore what was found (Genode issue #1260)
    writeConfig(config);
  }

  /** Returns whether the controller translates the keyboard's set-2 codes into set 1 (as found by {@link #reset()}). */
  public boolean translates() {
    return translate;
  }

  /** Returns whether the auxiliary (mouse) interface passed its test. */
  public boolean auxPresent() {
    return auxPresent;
  }

  /** Turns on IRQ 1 for keyboard data and, if the auxiliary port works, IRQ 12 for mouse data. */
  public void enableInterrupts() throws I8042Fault {
    config |= CONFIG_KBD_IRQ | (auxPresent ? CONFIG_AUX_IRQ : 0);
    writeConfig(config);
  }

  /** Sends {@code value} to the keyboard. */
  public void writeKeyboard(int value) throws I8042Fault {
    waitInputEmpty();
    data.outb(DATA_PORT, value);
  }

  /** Sends {@code value} to the mouse (through command 0xD4). */
  public void writeAux(int value) throws I8042Fault {
    command(CMD_WRITE_AUX);
    waitInputEmpty();
    data.outb(DATA_PORT, value);
  }

  /**
   * Waits for the next byte of the output buffer and returns it.
   *
   * @param what what the byte is, for the fault's message
   * @throws I8042Fault if no byte comes within {@value #POLLS} polls
   */
  public int read(String what) throws I8042Fault {
    for (int i = 0; i < POLLS; i++) {
      if ((control.inb(CONTROL_PORT) & STATUS_OUTPUT_FULL) != 0) {
        return data.inb(DATA_PORT);
      }
    }
    throw new I8042Fault("i8042: no reply for " + what);
  }

  /**
   * Reads every byte the output buffer offers now, handing keyboard bytes to {@code keyboard} and mouse
   * bytes (status bit 5) to {@code aux}; returns how many it read.
   */
  public int readPending(IntConsumer keyboard, IntConsumer aux) {
    int n = 0;
    while (true) {
      int status = control.inb(CONTROL_PORT);
      if ((status & STATUS_OUTPUT_FULL) == 0) {
        return n;
      }
      int b = data.inb(DATA_PORT);
      n++;
      if ((status & STATUS_AUX_DATA) != 0) {
        aux.accept(b);
      } else {
        keyboard.accept(b);
      }
    }
  }

  private void drain() throws I8042Fault {
    for (int i = 0; i < DRAIN_LIMIT; i++) {
      if ((control.inb(CONTROL_PORT) & STATUS_OUTPUT_FULL) == 0) {
        return;
      }
      data.inb(DATA_PORT);
    }
    throw new I8042Fault("i8042: the output buffer does not drain (" + DRAIN_LIMIT + " stale bytes)");
  }

  private void writeConfig(int value) throws I8042Fault {
    command(CMD_WRITE_CONFIG);
    waitInputEmpty();
    data.outb(DATA_PORT, value);
  }

  private void command(int cmd) throws I8042Fault {
    waitInputEmpty();
    control.outb(CONTROL_PORT, cmd);
  }

  private void waitInputEmpty() throws I8042Fault {
    for (int i = 0; i < POLLS; i++) {
      if ((control.inb(CONTROL_PORT) & STATUS_INPUT_FULL) == 0) {
        return;
      }
    }
    throw new I8042Fault("i8042: the input buffer stays full");
  }

  static String hex(int b) {
    return String.format("0x%02x", b);
  }
}
