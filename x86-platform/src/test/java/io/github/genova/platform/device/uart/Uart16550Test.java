package io.github.genova.platform.device.uart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.Machine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Uart16550Test {
  private static final int COM1 = 0x3f8;
  private Machine machine;
  private Uart16550 uart;
  private final ByteArrayOutputStream host = new ByteArrayOutputStream();
  private final List<Integer> irqs = new ArrayList<>();

  @BeforeEach
  void setUp() {
    machine = Machine.builder().device(Uart16550::attach).build();
    uart = machine.device(Uart16550.class);
    uart.setOutput(host);
    machine.interrupts().attach(irqs::add);
  }

  private void out(int reg, int value) {
    machine.ports().out(COM1 + reg, 1, value);
  }

  private int in(int reg) {
    return machine.ports().in(COM1 + reg, 1);
  }

  @Test
  void transmittedBytesReachTheHostStream() {
    for (byte b : "hello\n".getBytes(StandardCharsets.US_ASCII)) {
      while ((in(5) & 0x20) == 0) {
        // wait for THRE, as a driver does
      }
      out(0, b);
    }
    assertThat(host.toString(StandardCharsets.US_ASCII)).isEqualTo("hello\n");
    assertThat(uart.transmitted()).isEqualTo(6);
  }

  @Test
  void divisorLatchHidesBehindDlab() {
    out(3, 0x83); // DLAB, 8N1
    out(0, 0x01);
    out(1, 0x00); // 115200 baud
    assertThat(in(0)).isEqualTo(0x01);
    out(3, 0x03);
    out(1, 0x05);
    assertThat(in(1)).isEqualTo(0x05); // IER, not DLM
    out(3, 0x83);
    assertThat(in(1)).isZero();
    assertThat(uart.characterNanos()).isEqualTo(10 * 1_000_000_000L / 115_200);
  }

  @Test
  void loopbackEchoesIntoTheReceiverAndMirrorsModemLines() {
    out(4, 0x1f); // loop, OUT2, OUT1, RTS, DTR
    int msr = in(6);
    assertThat(msr & 0xf0).isEqualTo(0xf0);
    out(0, 0x5a);
    assertThat(host.size()).isZero();
    assertThat(in(5) & 1).isEqualTo(1);
    assertThat(in(0)).isEqualTo(0x5a);
    assertThat(in(5) & 1).isZero();
    out(4, 0x10); // loop with all outputs off
    assertThat(in(6)).isEqualTo(0x0f); // every delta: CTS, DSR, RI trailing edge, DCD
  }

  @Test
  void receivedDataRaisesIrq4WhenEnabledAndOut2IsSet() {
    out(1, 0x01); // RDA interrupts
    uart.receive('x');
    assertThat(irqs).isEmpty(); // OUT2 clear: the PC's IRQ driver is off
    assertThat(in(2) & 0x0f).isEqualTo(0x04);
    out(4, 0x08);
    assertThat(irqs).containsExactly(4);
    assertThat(in(0)).isEqualTo('x');
    assertThat(machine.isa().isHigh(4)).isFalse();
    assertThat(in(2) & 0x0f).isEqualTo(0x01);
  }

  @Test
  void thrEmptyInterruptIsAcknowledgedByReadingIir() {
    out(4, 0x08);
    out(1, 0x02); // enabling THRE with THR empty interrupts at once
    assertThat(irqs).containsExactly(4);
    assertThat(in(2) & 0x0f).isEqualTo(0x02);
    assertThat(in(2) & 0x0f).isEqualTo(0x01);
    out(0, 'a');
    assertThat(irqs).containsExactly(4, 4);
  }

  @Test
  void fifoTriggerLevelAndCharacterTimeout() {
    out(2, 0x87); // FIFO on, clear both, trigger 8
    out(1, 0x01);
    out(4, 0x08);
    byte[] four = {1, 2, 3, 4};
    assertThat(uart.receive(four)).isEqualTo(4);
    assertThat(in(2)).isEqualTo(0xc1); // FIFO enabled, nothing pending below the trigger
    machine.deadlines().runUntil(machine.clock().nanos() + 4 * uart.characterNanos());
    assertThat(in(2)).isEqualTo(0xcc); // character timeout
    assertThat(irqs).containsExactly(4);
    for (int i = 1; i <= 4; i++) {
      assertThat(in(0)).isEqualTo(i);
    }
    assertThat(in(2)).isEqualTo(0xc1);
    assertThat(uart.receive(new byte[] {9, 9, 9, 9, 9, 9, 9, 9})).isEqualTo(8);
    assertThat(in(2)).isEqualTo(0xc4); // trigger level reached
  }

  @Test
  void overrunIsFlaggedAndReportedAsLineStatusInterrupt() {
    out(1, 0x04);
    out(4, 0x08);
    assertThat(uart.receive('a')).isTrue();
    assertThat(uart.receive('b')).isFalse(); // no FIFO: one byte deep
    assertThat(in(2) & 0x0f).isEqualTo(0x06);
    assertThat(in(5) & 0x02).isEqualTo(0x02);
    assertThat(in(5) & 0x02).isZero(); // cleared by the read
    assertThat(in(0)).isEqualTo('a');
  }

  @Test
  void modemStatusChangeRaisesTheModemStatusInterrupt() {
    out(1, 0x08);
    out(4, 0x08);
    uart.setModemInputs(false, true, false, true); // CTS drops
    assertThat(in(2) & 0x0f).isEqualTo(0x00);
    assertThat(irqs).containsExactly(4);
    assertThat(in(6)).isEqualTo(0xa1); // DCD, DSR, delta CTS
    assertThat(in(2) & 0x0f).isEqualTo(0x01);
  }

  @Test
  void scratchRegisterKeepsItsValue() {
    out(7, 0xa5);
    assertThat(in(7)).isEqualTo(0xa5);
  }

  @Test
  void failingHostStreamIsDroppedWithoutDisturbingTheGuest() {
    uart.setOutput(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("pipe closed");
      }
    });
    out(0, 'a');
    out(0, 'b');
    assertThat(uart.outputError()).hasMessage("pipe closed");
    assertThat(uart.transmitted()).isEqualTo(2);
    assertThat(in(5) & 0x60).isEqualTo(0x60);
  }
}
