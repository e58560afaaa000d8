package io.github.genova.genode.os.drivers.ps2;

import io.github.genova.genode.os.input.InputEvent;
import java.util.function.Consumer;

/**
 * The keyboard on the i8042's first port as Genode's driver sets it up: reset (acknowledge 0xFA, then the
 * self-test result 0xAA), then — when the controller does not translate — scan-code set 2, falling back to
 * set 1 if the keyboard refuses; with translation the driver sees set 1. Finally scanning is enabled.
 * {@link #accept} decodes the keyboard's bytes into key events.
 */
public final class Ps2Keyboard {
  static final int ACK = 0xfa;
  static final int SELF_TEST_PASSED = 0xaa;

  private final ScanCodeDecoder decoder;
  private final boolean translated;

  private Ps2Keyboard(ScanCodeDecoder decoder, boolean translated) {
    this.decoder = decoder;
    this.translated = translated;
  }

  /**
   * Resets and configures the keyboard behind {@code i8042} (after {@link I8042#reset()}); its events go to
   * {@code sink}.
   *
   * @throws I8042Fault if the keyboard does not acknowledge a command or fails its self-test
   */
  public static Ps2Keyboard reset(I8042 i8042, Consumer<InputEvent> sink) throws I8042Fault {
    command(i8042, 0xff, "reset");
    int result = i8042.read("the keyboard's self-test result");
    if (result != SELF_TEST_PASSED) {
      throw new I8042Fault("keyboard self test failed: read " + I8042.hex(result) + ", expected 0xaa");
    }
    int set = 1;
    if (!i8042.translates()) {
      i8042.writeKeyboard(0xf0);
      int ack1 = i8042.read("the keyboard's acknowledge of 0xf0");
      int ack2 = ack1 == ACK ? setArgument(i8042) : ack1;
      set = ack2 == ACK ? 2 : 1;
    }
    command(i8042, 0xf4, "enable scanning");
    return new Ps2Keyboard(new ScanCodeDecoder(set, sink), i8042.translates());
  }

  private static int setArgument(I8042 i8042) throws I8042Fault {
    i8042.writeKeyboard(0x02);
    return i8042.read("the keyboard's acknowledge of scan-code set 2");
  }

  private static void command(I8042 i8042, int cmd, String what) throws I8042Fault {
    i8042.writeKeyboard(cmd);
    int reply = i8042.read("the keyboard's acknowledge of " + what);
    if (reply != ACK) {
      throw new I8042Fault("keyboard did not acknowledge " + what + " (" + I8042.hex(cmd) + "): read "
          + I8042.hex(reply));
    }
  }

  /** Returns the scan-code set the driver decodes. */
  public int scanCodeSet() {
    return decoder.set();
  }

  /** Returns whether the controller translates the keyboard's codes. */
  public boolean translated() {
    return translated;
  }

  /** Decodes the next byte from the keyboard. */
  public void accept(int value) {
    decoder.accept(value);
  }
}
