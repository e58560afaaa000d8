package io.github.genova.platform.device.pic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.IrqLine;
import io.github.genova.platform.Machine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DualPicTest {
  private Machine machine;
  private DualPic pic;
  private final List<Boolean> intrChanges = new ArrayList<>();

  @BeforeEach
  void setUp() {
    machine = Machine.builder().device(DualPic::attach).build();
    pic = machine.device(DualPic.class);
    pic.setIntrListener(intrChanges::add);
    // The PC BIOS initialisation: edge triggered, cascade, ICW4 (8086 mode), vectors 0x08 / 0x70.
    out(0x20, 0x11);
    out(0x21, 0x08);
    out(0x21, 0x04);
    out(0x21, 0x01);
    out(0xa0, 0x11);
    out(0xa1, 0x70);
    out(0xa1, 0x02);
    out(0xa1, 0x01);
    out(0x21, 0x00);
    out(0xa1, 0x00);
  }

  private void out(int port, int value) {
    machine.ports().out(port, 1, value);
  }

  private int in(int port) {
    return machine.ports().in(port, 1);
  }

  private IrqLine irq(int n) {
    return machine.isa().line(n);
  }

  @Test
  void initialisationSetsVectorBasesAndClearsMasks() {
    assertThat(pic.vectorBase(0)).isEqualTo(0x08);
    assertThat(pic.vectorBase(1)).isEqualTo(0x70);
    assertThat(in(0x21)).isZero();
    assertThat(in(0xa1)).isZero();
    assertThat(pic.interruptPending()).isFalse();
  }

  @Test
  void edgeSetsIrrAndAcknowledgeMovesItToIsr() {
    irq(1).raise();
    assertThat(pic.interruptPending()).isTrue();
    assertThat(intrChanges).containsExactly(true);
    out(0x20, 0x0a); // OCW3: read IRR
    assertThat(in(0x20)).isEqualTo(0x02);
    assertThat(pic.acknowledge()).isEqualTo(0x09);
    assertThat(in(0x20)).isZero();
    out(0x20, 0x0b); // OCW3: read ISR
    assertThat(in(0x20)).isEqualTo(0x02);
    assertThat(pic.interruptPending()).isFalse();
    out(0x20, 0x20); // non-specific EOI
    assertThat(in(0x20)).isZero();
  }

  @Test
  void levelHeldHighDoesNotRetriggerAnEdgeInput() {
    irq(4).raise();
    pic.acknowledge();
    out(0x20, 0x20);
    assertThat(pic.interruptPending()).isFalse(); // still high, but no new edge
    irq(4).lower();
    irq(4).raise();
    assertThat(pic.interruptPending()).isTrue();
  }

  @Test
  void maskedRequestWaitsInIrrUntilUnmasked() {
    out(0x21, 0x01);
    irq(0).pulse();
    assertThat(pic.interruptPending()).isFalse();
    out(0x20, 0x0a);
    assertThat(in(0x20) & 1).isEqualTo(1);
    out(0x21, 0x00);
    assertThat(pic.interruptPending()).isTrue();
    assertThat(pic.acknowledge()).isEqualTo(0x08);
  }

  @Test
  void lowerNumberedInputWinsAndNestsAboveInService() {
    irq(3).pulse();
    irq(5).pulse();
    assertThat(pic.acknowledge()).isEqualTo(0x0b);
    assertThat(pic.interruptPending()).isFalse(); // 5 is below 3, which is in service
    irq(1).pulse();
    assertThat(pic.interruptPending()).isTrue(); // 1 outranks 3: nests
    assertThat(pic.acknowledge()).isEqualTo(0x09);
    out(0x20, 0x20); // non-specific EOI ends the highest in service: 1
    out(0x20, 0x0b);
    assertThat(in(0x20)).isEqualTo(0x08);
    out(0x20, 0x20);
    assertThat(pic.acknowledge()).isEqualTo(0x0d);
  }

  @Test
  void specificEoiEndsTheNamedInput() {
    irq(3).pulse();
    pic.acknowledge();
    irq(1).pulse();
    pic.acknowledge();
    out(0x20, 0x63); // specific EOI for 3
    out(0x20, 0x0b);
    assertThat(in(0x20)).isEqualTo(0x02);
  }

  @Test
  void slaveRequestsCascadeThroughMasterInputTwo() {
    irq(12).pulse();
    assertThat(pic.interruptPending()).isTrue();
    assertThat(pic.acknowledge()).isEqualTo(0x74);
    out(0x20, 0x0b);
    out(0xa0, 0x0b);
    assertThat(in(0x20)).isEqualTo(0x04);
    assertThat(in(0xa0)).isEqualTo(0x10);
    irq(8).pulse(); // higher on the slave, but master input 2 is in service
    assertThat(pic.interruptPending()).isFalse();
    out(0xa0, 0x20);
    out(0x20, 0x20);
    assertThat(pic.acknowledge()).isEqualTo(0x70);
  }

  @Test
  void maskingTheCascadeInputHidesTheSlave() {
    out(0x21, 0x04);
    irq(9).pulse();
    assertThat(pic.interruptPending()).isFalse();
    out(0x21, 0x00);
    assertThat(pic.acknowledge()).isEqualTo(0x71);
  }

  @Test
  void vanishedLevelRequestGivesSpuriousIrq7() {
    out(0x4d0, 0x80); // IRQ 7 level triggered
    irq(7).raise();
    assertThat(pic.interruptPending()).isTrue();
    irq(7).lower();
    assertThat(pic.interruptPending()).isFalse();
    assertThat(pic.acknowledge()).isEqualTo(0x0f);
    out(0x20, 0x0b);
    assertThat(in(0x20)).isZero(); // a spurious interrupt sets no ISR bit
  }

  @Test
  void vanishedSlaveRequestGivesSpuriousIrq15() {
    out(0x4d1, 0x02); // IRQ 9 level triggered
    irq(9).raise();
    assertThat(pic.interruptPending()).isTrue();
    // the master latched the cascade edge; the slave request goes away before the acknowledge
    pic.master.irr |= 0x04;
    irq(9).lower();
    assertThat(pic.acknowledge()).isEqualTo(0x77);
  }

  @Test
  void elcrKeepsEdgeOnlyInputsEdge() {
    out(0x4d0, 0xff);
    out(0x4d1, 0xff);
    assertThat(in(0x4d0)).isEqualTo(0xf8);
    assertThat(in(0x4d1)).isEqualTo(0xde);
  }

  @Test
  void levelTriggeredInputRetriggersWhileHigh() {
    out(0x4d1, 0x08); // IRQ 11 level triggered
    irq(11).raise();
    assertThat(pic.acknowledge()).isEqualTo(0x73);
    out(0xa0, 0x20);
    out(0x20, 0x20);
    assertThat(pic.interruptPending()).isTrue();
    assertThat(pic.acknowledge()).isEqualTo(0x73);
  }

  @Test
  void icw1LevelModeMakesEveryInputLevelTriggered() {
    out(0x20, 0x19); // ICW1 with LTIM
    out(0x21, 0x08);
    out(0x21, 0x04);
    out(0x21, 0x01);
    irq(1).raise();
    irq(1).lower();
    assertThat(pic.interruptPending()).isFalse(); // the request went away with the level
    irq(1).raise();
    assertThat(pic.acknowledge()).isEqualTo(0x09);
    out(0x20, 0x20);
    assertThat(pic.interruptPending()).isTrue(); // still high: requested again
  }

  @Test
  void autoEoiLeavesNothingInService() {
    out(0x20, 0x11);
    out(0x21, 0x20);
    out(0x21, 0x04);
    out(0x21, 0x03); // ICW4: 8086 mode, automatic EOI
    irq(1).pulse();
    assertThat(pic.acknowledge()).isEqualTo(0x21);
    out(0x20, 0x0b);
    assertThat(in(0x20)).isZero();
  }

  @Test
  void rotatingEoiMakesTheServedInputLowest() {
    irq(0).pulse();
    pic.acknowledge();
    out(0x20, 0xa0); // rotate on non-specific EOI: 0 becomes lowest
    irq(0).pulse();
    irq(7).pulse();
    assertThat(pic.acknowledge()).isEqualTo(0x0f); // 7 now outranks 0
  }

  @Test
  void pollCommandReturnsTheHighestRequestAndAcknowledgesIt() {
    irq(6).pulse();
    out(0x20, 0x0c); // OCW3 poll
    assertThat(in(0x20)).isEqualTo(0x86);
    out(0x20, 0x0b);
    assertThat(in(0x20)).isEqualTo(0x40);
  }

  @Test
  void specialMaskModeLetsLowerInputsThroughAMaskedInService() {
    irq(3).pulse();
    pic.acknowledge();
    out(0x21, 0x08); // mask the in-service input 3
    out(0x20, 0x68); // OCW3: set special mask mode
    irq(5).pulse();
    assertThat(pic.interruptPending()).isTrue();
    assertThat(pic.acknowledge()).isEqualTo(0x0d);
  }
}
