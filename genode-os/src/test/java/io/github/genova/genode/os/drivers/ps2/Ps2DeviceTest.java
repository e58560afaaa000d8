package io.github.genova.genode.os.drivers.ps2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.os.hw.IoPorts;
import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.platform.Machine;
import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's i8042, keyboard and mouse code against x86-platform's i8042 model, port for port and
 * without a kernel: the controller's bring-up (Genode checklist item 75: self-test 0x55, keyboard on IRQ 1,
 * mouse on IRQ 12), scan-code sets 1 (translated) and 2, and mouse packets with and without a wheel.
 */
class Ps2DeviceTest {
  private Machine machine;
  private io.github.genova.platform.device.ps2.I8042 model;
  private final List<Integer> irqs = new ArrayList<>();
  private final List<InputEvent> events = new ArrayList<>();
  private final List<Integer> commands = new ArrayList<>();
  private final IoPorts ports = new IoPorts() {
    @Override
    public int inb(int port) {
      return machine.ports().in(port, 1) & 0xff;
    }

    @Override
    public void outb(int port, int value) {
      if (port == I8042.CONTROL_PORT) {
        commands.add(value);
      }
      machine.ports().out(port, 1, value);
    }
  };

  @BeforeEach
  void setUp() {
    machine = Machine.builder().device(io.github.genova.platform.device.ps2.I8042::attach).build();
    model = machine.device(io.github.genova.platform.device.ps2.I8042.class);
    machine.interrupts().attach(irqs::add);
  }

  private record Driver(I8042 i8042, Ps2Keyboard keyboard, Ps2Mouse mouse) {}

  private Driver bringUp(IoPorts io) throws I8042Fault {
    I8042 i8042 = new I8042(io, io);
    i8042.reset();
    Ps2Keyboard keyboard = Ps2Keyboard.reset(i8042, events::add);
    Ps2Mouse mouse = Ps2Mouse.reset(i8042, events::add);
    i8042.enableInterrupts();
    return new Driver(i8042, keyboard, mouse);
  }

  private void serve(Driver d) {
    d.i8042().readPending(d.keyboard()::accept, d.mouse()::accept);
  }

  @Test
  void item75_selfTestAnswers0x55AndKeyboardInterruptsOnIrq1MouseOnIrq12() throws I8042Fault {
    Driver d = bringUp(ports);
    assertThat(commands).containsSubsequence(0xad, 0xa7, 0x20, 0x60, 0xaa, 0xab, 0xae, 0xa8, 0xa9);
    assertThat(d.i8042().translates()).isTrue(); // as the model's BIOS left it
    assertThat(model.configuration() & 0x43).as("IRQ 1, IRQ 12 and translation on").isEqualTo(0x43);
    irqs.clear();
    model.keyboard().press(Key.A);
    assertThat(irqs).containsOnly(1);
    serve(d);
    irqs.clear();
    model.mouse().move(1, 0);
    assertThat(irqs).containsOnly(12);
    serve(d);
    assertThat(events).containsExactly(InputEvent.press(30), InputEvent.relativeMotion(1, 0));
  }

  @Test
  void item75_aControllerFailingItsSelfTestIsAClearFault() {
    IoPorts failing = new IoPorts() {
      private boolean selfTest;

      @Override
      public int inb(int port) {
        int v = ports.inb(port);
        if (port == I8042.DATA_PORT && selfTest) {
          selfTest = false;
          return 0xfc;
        }
        return v;
      }

      @Override
      public void outb(int port, int value) {
        selfTest = port == I8042.CONTROL_PORT && value == 0xaa;
        ports.outb(port, value);
      }
    };
    assertThatThrownBy(() -> bringUp(failing)).isInstanceOf(I8042Fault.class)
        .hasMessage("i8042 self test failed: read 0xfc, expected 0x55");
    assertThat(model.configuration() & 0x03).as("interrupts stay off").isZero();
  }

  @Test
  void aSilentControllerIsAFaultNotAHang() {
    IoPorts silent = new IoPorts() {
      @Override
      public int inb(int port) {
        return 0;
      }

      @Override
      public void outb(int port, int value) {}
    };
    assertThatThrownBy(() -> new I8042(silent, silent).reset()).isInstanceOf(I8042Fault.class)
        .hasMessage("i8042: no reply for the configuration byte");
  }

  @Test
  void translatedSet1KeysIncludingExtendedOnesDecodeToGenodeKeyCodes() throws I8042Fault {
    Driver d = bringUp(ports);
    assertThat(d.keyboard().scanCodeSet()).isEqualTo(1);
    for (Key k : List.of(Key.A, Key.LEFT_SHIFT, Key.F7, Key.RIGHT_CTRL, Key.UP, Key.PRINT_SCREEN, Key.KP_ENTER)) {
      model.keyboard().press(k);
      model.keyboard().release(k);
      serve(d);
    }
    model.keyboard().press(Key.PAUSE);
    serve(d);
    assertThat(events).containsExactly(
        InputEvent.press(30), InputEvent.release(30), InputEvent.press(42), InputEvent.release(42),
        InputEvent.press(65), InputEvent.release(65), InputEvent.press(97), InputEvent.release(97),
        InputEvent.press(103), InputEvent.release(103), InputEvent.press(99), InputEvent.release(99),
        InputEvent.press(96), InputEvent.release(96),
        InputEvent.press(ScanCodeDecoder.KEY_PAUSE), InputEvent.release(ScanCodeDecoder.KEY_PAUSE));
  }

  @Test
  void withoutTranslationTheDriverSwitchesTheKeyboardToSet2AndDecodesIt() throws I8042Fault {
    ports.outb(I8042.CONTROL_PORT, 0x60);
    ports.outb(I8042.DATA_PORT, 0x07); // the configuration byte without translation
    Driver d = bringUp(ports);
    assertThat(d.i8042().translates()).isFalse();
    assertThat(d.keyboard().scanCodeSet()).isEqualTo(2);
    assertThat(model.keyboard().scanSet()).isEqualTo(2);
    assertThat(model.configuration() & 0x40).isZero();
    assertThat(typeEveryKey(d)).isEqualTo(events);
  }

  /** Presses and releases every key of the model, one after the other; returns the events that means. */
  private List<InputEvent> typeEveryKey(Driver d) {
    List<InputEvent> expected = new ArrayList<>();
    for (Key k : Key.values()) {
      model.keyboard().press(k);
      model.keyboard().release(k);
      serve(d);
      expected.add(InputEvent.press(k.genodeCode()));
      expected.add(InputEvent.release(k.genodeCode()));
    }
    return expected;
  }

  @Test
  void everyKeyOfTheModelDecodesInTranslatedSet1() throws I8042Fault {
    Driver d = bringUp(ports);
    assertThat(typeEveryKey(d)).isEqualTo(events);
  }

  @Test
  void mousePacketsBecomeRelativeMotionWithScreenYAndButtonEvents() throws I8042Fault {
    Driver d = bringUp(ports);
    model.mouse().move(5, -3); // right 5, up 3
    model.mouse().move(-200, 40);
    serve(d); // the mouse buffers 16 bytes: four packets with a wheel
    model.mouse().button(MouseButton.LEFT, true);
    model.mouse().button(MouseButton.RIGHT, true);
    model.mouse().button(MouseButton.LEFT, false);
    serve(d);
    model.mouse().button(MouseButton.RIGHT, false);
    model.mouse().button(MouseButton.MIDDLE, true);
    serve(d);
    assertThat(events).containsExactly(InputEvent.relativeMotion(5, -3), InputEvent.relativeMotion(-200, 40),
        InputEvent.press(Ps2Mouse.BTN_LEFT), InputEvent.press(Ps2Mouse.BTN_RIGHT),
        InputEvent.release(Ps2Mouse.BTN_LEFT), InputEvent.release(Ps2Mouse.BTN_RIGHT),
        InputEvent.press(Ps2Mouse.BTN_MIDDLE));
  }

  @Test
  void theIntelliMouseProbeFindsTheWheelAndWheelTurnsAreReported() throws I8042Fault {
    Driver d = bringUp(ports);
    assertThat(d.mouse().wheel()).isTrue();
    assertThat(model.mouse().id()).isEqualTo(3);
    assertThat(model.mouse().reporting()).isTrue();
    model.mouse().scroll(2);
    model.mouse().scroll(-1);
    serve(d);
    assertThat(events).containsExactly(InputEvent.wheel(2), InputEvent.wheel(-1));
  }

  @Test
  void aMouseByteOutOfStepIsDroppedUntilAPacketStartComes() throws I8042Fault {
    Ps2Mouse mouse = bringUp(ports).mouse(); // with wheel: 4-byte packets
    for (int b : new int[] {0x05, 0x09, 0x00, 0x00, 0x00, 0x08 | 0x40, 0xff, 0x02, 0x00}) {
      mouse.accept(b); // 0x05 has bit 3 clear: no packet start; then left down; then x overflow, up 2
    }
    assertThat(events).containsExactly(InputEvent.press(Ps2Mouse.BTN_LEFT), InputEvent.relativeMotion(0, -2),
        InputEvent.release(Ps2Mouse.BTN_LEFT));
  }
}
