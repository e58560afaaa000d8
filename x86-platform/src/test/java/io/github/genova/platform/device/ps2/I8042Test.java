package io.github.genova.platform.device.ps2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.Machine;
import io.github.genova.platform.RecordingSystemLines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class I8042Test {
  private Machine machine;
  private I8042 kbc;
  private final List<Integer> irqs = new ArrayList<>();

  @BeforeEach
  void setUp() {
    machine = Machine.builder().device(I8042::attach).build();
    kbc = machine.device(I8042.class);
    machine.interrupts().attach(irqs::add);
  }

  private int status() {
    return machine.ports().in(0x64, 1);
  }

  private void command(int cmd) {
    machine.ports().out(0x64, 1, cmd);
  }

  private void data(int value) {
    machine.ports().out(0x60, 1, value);
  }

  /** Reads the output buffer, asserting it was full. */
  private int read() {
    assertThat(status() & 0x01).as("output buffer full").isEqualTo(1);
    return machine.ports().in(0x60, 1);
  }

  private List<Integer> drain() {
    List<Integer> out = new ArrayList<>();
    while ((status() & 0x01) != 0) {
      out.add(machine.ports().in(0x60, 1));
    }
    return out;
  }

  /** Sends each byte to the mouse through the controller's 0xD4 command. */
  private void toMouse(int... bytes) {
    for (int b : bytes) {
      command(0xd4);
      data(b);
    }
  }

  /** Sets the mouse's sample rate to each of {@code rates} in turn (the IntelliMouse knock sequences). */
  private void sampleRates(int... rates) {
    for (int rate : rates) {
      toMouse(0xf3, rate);
    }
  }

  private void setConfig(int cfg) {
    command(0x60);
    data(cfg);
  }

  @Test
  void selfTestAnswers55AndSetsTheSystemFlag() {
    setConfig(0x00);
    assertThat(status() & 0x04).isZero();
    command(0xaa);
    assertThat(read()).isEqualTo(0x55);
    assertThat(status() & 0x04).isEqualTo(0x04);
    assertThat(status() & 0x08).isEqualTo(0x08); // last write was a command
  }

  @Test
  void configByteReadAndWrite() {
    command(0x20);
    assertThat(read()).isEqualTo(0x47);
    setConfig(0x65);
    command(0x20);
    assertThat(read()).isEqualTo(0x65);
    assertThat(kbc.configuration()).isEqualTo(0x65);
  }

  @Test
  void portTestsAnswerZero() {
    command(0xab);
    assertThat(read()).isZero();
    command(0xa9);
    assertThat(read()).isZero();
  }

  @Test
  void disableAndEnableCommandsFlipTheConfigBits() {
    command(0xad);
    command(0xa7);
    command(0x20);
    assertThat(read() & 0x30).isEqualTo(0x30);
    command(0xae);
    command(0xa8);
    command(0x20);
    assertThat(read() & 0x30).isZero();
  }

  @Test
  void fullKeyboardResetSequence() {
    setConfig(0x01); // keyboard IRQ, no translation
    data(0xff);
    assertThat(read()).isEqualTo(0xfa);
    assertThat(read()).isEqualTo(0xaa);
    assertThat(status() & 0x01).isZero();
    assertThat(irqs).containsExactly(1, 1); // one edge per byte
    data(0xf2);
    assertThat(drain()).containsExactly(0xfa, 0xab, 0x83);
    data(0xf4);
    assertThat(drain()).containsExactly(0xfa);
    assertThat(kbc.keyboard().scanning()).isTrue();
  }

  @Test
  void identifyIsTranslatedWhenTranslationIsOn() {
    setConfig(0x41);
    data(0xf2);
    assertThat(drain()).containsExactly(0xfa, 0xab, 0x41);
  }

  @Test
  void scanCodeSet2KeysAreTranslatedToSet1() {
    setConfig(0x41);
    kbc.keyboard().press(Key.A);
    kbc.keyboard().release(Key.A);
    kbc.keyboard().press(Key.RIGHT_CTRL);
    kbc.keyboard().release(Key.RIGHT_CTRL);
    assertThat(drain()).containsExactly(0x1e, 0x9e, 0xe0, 0x1d, 0xe0, 0x9d);
  }

  @Test
  void scanCodeSet2WithoutTranslation() {
    setConfig(0x01);
    kbc.keyboard().press(Key.A);
    kbc.keyboard().release(Key.A);
    kbc.keyboard().press(Key.UP);
    kbc.keyboard().release(Key.UP);
    assertThat(drain()).containsExactly(0x1c, 0xf0, 0x1c, 0xe0, 0x75, 0xe0, 0xf0, 0x75);
  }

  @Test
  void translationAgreesWithSet1ForEveryKey() {
    for (Key k : Key.values()) {
      if (k == Key.PAUSE || k == Key.PRINT_SCREEN) {
        continue;
      }
      for (boolean make : new boolean[] {true, false}) {
        byte[] set2 = ScanCodes.sequence(k, make, 2);
        List<Integer> translated = new ArrayList<>();
        boolean brk = false;
        for (byte b : set2) {
          if ((b & 0xff) == 0xf0) {
            brk = true;
            continue;
          }
          translated.add(ScanCodes.translate(b) | (brk ? 0x80 : 0));
          brk = false;
        }
        List<Integer> set1 = new ArrayList<>();
        for (byte b : ScanCodes.sequence(k, make, 1)) {
          set1.add(b & 0xff);
        }
        assertThat(translated).as("%s %s", k, make ? "make" : "break").isEqualTo(set1);
      }
    }
  }

  @Test
  void scanCodeSetGetAndSet() {
    setConfig(0x01);
    data(0xf0);
    data(0x00);
    assertThat(drain()).containsExactly(0xfa, 0xfa, 0x02);
    data(0xf0);
    data(0x01);
    assertThat(drain()).containsExactly(0xfa, 0xfa);
    assertThat(kbc.keyboard().scanSet()).isEqualTo(1);
    kbc.keyboard().press(Key.ENTER);
    kbc.keyboard().release(Key.ENTER);
    assertThat(drain()).containsExactly(0x1c, 0x9c);
    data(0xf0);
    data(0x03);
    assertThat(drain()).containsExactly(0xfa, 0xfe); // set 3 is not supported
  }

  @Test
  void ledsAndTypematic() {
    setConfig(0x01);
    data(0xed);
    assertThat(read()).isEqualTo(0xfa);
    data(0x05);
    assertThat(read()).isEqualTo(0xfa);
    data(0xf3);
    assertThat(read()).isEqualTo(0xfa);
    data(0x20);
    assertThat(read()).isEqualTo(0xfa);
    assertThat(kbc.keyboard().leds()).isEqualTo(5);
    assertThat(kbc.keyboard().typematic()).isEqualTo(0x20);
  }

  @Test
  void disabledScanningDropsKeys() {
    setConfig(0x01);
    data(0xf5);
    drain();
    kbc.keyboard().press(Key.B);
    assertThat(status() & 0x01).isZero();
    data(0xf4);
    drain();
    kbc.keyboard().press(Key.B);
    assertThat(drain()).containsExactly(0x32);
  }

  @Test
  void disabledKeyboardPortHoldsBytesUntilEnabled() {
    setConfig(0x01);
    command(0xad);
    kbc.keyboard().press(Key.C);
    assertThat(status() & 0x01).isZero();
    command(0xae);
    assertThat(drain()).containsExactly(0x21);
  }

  @Test
  void commandDropsOutputTheKeyboardStillHolds() {
    setConfig(0x01);
    command(0xad);
    kbc.keyboard().press(Key.A);
    kbc.keyboard().press(Key.B);
    assertThat(kbc.keyboard().pendingBytes()).isEqualTo(2);
    data(0xee); // writing to the keyboard re-enables its port; the keyboard drops A and B first
    assertThat(drain()).containsExactly(0xee);
  }

  @Test
  void keyByGenodeCode() {
    setConfig(0x41);
    kbc.keyboard().key(30, true); // KEY_A
    assertThat(drain()).containsExactly(0x1e);
  }

  @Test
  void bufferOverrunSendsTheOverrunCode() {
    setConfig(0x00); // nothing reads: leave bytes in the keyboard
    command(0xad);
    for (int i = 0; i < 20; i++) {
      kbc.keyboard().press(Key.Z);
    }
    command(0xae);
    List<Integer> bytes = drain();
    assertThat(bytes).hasSize(16);
    assertThat(bytes.subList(0, 15)).containsOnly(0x1a);
    assertThat(bytes.get(15)).isZero();
  }

  @Test
  void mouseResetAndIntelliMouseMagic() {
    setConfig(0x03);
    toMouse(0xff);
    assertThat(drain()).containsExactly(0xfa, 0xaa, 0x00);
    assertThat(irqs).containsExactly(12, 12, 12);
    sampleRates(200, 100, 80);
    drain();
    toMouse(0xf2);
    assertThat(read()).isEqualTo(0xfa);
    assertThat(status() & 0x20).isEqualTo(0x20); // aux data
    assertThat(read()).isEqualTo(0x03);
  }

  @Test
  void mousePacketsCarrySignAndOverflowBits() {
    setConfig(0x03);
    toMouse(0xf4);
    drain();
    Ps2Mouse mouse = kbc.mouse();
    mouse.move(5, 3); // 3 down is -3 in PS/2
    assertThat(drain()).containsExactly(0x28, 5, 0xfd);
    mouse.button(MouseButton.LEFT, true);
    assertThat(drain()).containsExactly(0x09, 0, 0);
    mouse.move(-300, -400); // 400 up
    assertThat(drain()).containsExactly(0x09 | 0x10 | 0x40 | 0x80, 0x00, 0xff);
    mouse.button(MouseButton.LEFT, false);
    mouse.button(MouseButton.RIGHT, true);
    mouse.button(MouseButton.MIDDLE, true);
    assertThat(drain()).containsExactly(0x08, 0, 0, 0x0a, 0, 0, 0x0e, 0, 0);
  }

  @Test
  void wheelMouseSendsFourBytePackets() {
    setConfig(0x03);
    sampleRates(200, 100, 80);
    toMouse(0xf4);
    drain();
    kbc.mouse().scroll(2); // away from the user: negative Z
    assertThat(drain()).containsExactly(0x08, 0, 0, 0xfe);
    kbc.mouse().scroll(-10); // clamped to 7 per packet, the rest follows
    kbc.mouse().move(0, 0);
    assertThat(drain()).containsExactly(0x08, 0, 0, 0x07, 0x08, 0, 0, 0x03);
  }

  @Test
  void mouseStatusResolutionAndSampleRate() {
    setConfig(0x03);
    toMouse(0xe8);
    toMouse(0x03);
    toMouse(0xf3);
    toMouse(40);
    drain();
    toMouse(0xe9);
    assertThat(drain()).containsExactly(0xfa, 0x00, 0x03, 40);
  }

  @Test
  void remoteModeSendsAPacketOnlyWhenAsked() {
    setConfig(0x03);
    toMouse(0xf0); // remote mode
    toMouse(0xf4);
    drain();
    kbc.mouse().move(3, 0);
    assertThat(status() & 0x01).isZero();
    toMouse(0xeb);
    assertThat(drain()).containsExactly(0xfa, 0x08, 3, 0);
  }

  @Test
  void wrapModeEchoesUntilReset() {
    setConfig(0x03);
    toMouse(0xee);
    toMouse(0x42);
    toMouse(0xec);
    assertThat(drain()).containsExactly(0xfa, 0x42, 0xfa);
  }

  @Test
  void fiveButtonModeAfterTheSecondMagicSequence() {
    setConfig(0x03);
    sampleRates(200, 100, 80, 200, 200, 80);
    toMouse(0xf4);
    drain();
    assertThat(kbc.mouse().id()).isEqualTo(4);
    kbc.mouse().button(MouseButton.SIDE, true);
    assertThat(drain()).containsExactly(0x08, 0, 0, 0x10);
  }

  @Test
  void disabledAuxPortHoldsMouseData() {
    setConfig(0x03);
    toMouse(0xf4);
    drain();
    command(0xa7);
    kbc.mouse().move(1, 0);
    assertThat(status() & 0x01).isZero();
    command(0xa8);
    assertThat(drain()).containsExactly(0x08, 1, 0);
  }

  @Test
  void writeOutputBufferCommandsAppearAsDeviceData() {
    setConfig(0x43);
    command(0xd2);
    data(0x1c);
    assertThat(status() & 0x20).isZero();
    assertThat(read()).isEqualTo(0x1c); // not translated
    command(0xd3);
    data(0x42);
    assertThat(status() & 0x20).isEqualTo(0x20);
    assertThat(read()).isEqualTo(0x42);
  }

  @Test
  void outputPortDrivesA20AndResetPulses() {
    RecordingSystemLines recorder = new RecordingSystemLines();
    List<String> lines = recorder.events();
    machine.connectSystemLines(recorder);
    command(0xd1);
    data(0x01);
    assertThat(kbc.a20()).isFalse();
    command(0xdf);
    assertThat(kbc.a20()).isTrue();
    command(0xd0);
    assertThat(read() & 0x03).isEqualTo(0x03);
    command(0xfe);
    assertThat(lines).containsExactly("a20=false", "a20=true", "reset");
  }

  @Test
  void interruptsFollowTheConfigEnableBits() {
    setConfig(0x00);
    kbc.keyboard().press(Key.D);
    assertThat(irqs).isEmpty();
    drain();
    setConfig(0x01);
    kbc.keyboard().press(Key.D);
    assertThat(irqs).containsExactly(1);
  }
}
