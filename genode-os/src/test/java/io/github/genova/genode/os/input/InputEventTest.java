package io.github.genova.genode.os.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The event record's binary layout in the event dataspace, which client and server share. */
class InputEventTest {
  @Test
  void anEventIsSixLittleEndianIntsTypeKeycodeAxAyRxRy() {
    byte[] raw = new byte[2 * InputEvent.SIZE];
    new InputEvent(InputEvent.Type.MOTION, 0x110, 1, -2, 0x01020304, -1).writeTo(raw, InputEvent.SIZE);
    assertThat(raw).startsWith(new byte[InputEvent.SIZE]);
    assertThat(java.util.Arrays.copyOfRange(raw, InputEvent.SIZE, 2 * InputEvent.SIZE)).containsExactly(
        1, 0, 0, 0, 0x10, 1, 0, 0, 1, 0, 0, 0, -2, -1, -1, -1, 4, 3, 2, 1, -1, -1, -1, -1);
  }

  @Test
  void everyTypeSurvivesTheRoundTripAndAnUnknownTypeReadsAsInvalid() {
    byte[] raw = new byte[InputEvent.SIZE];
    for (InputEvent.Type t : InputEvent.Type.values()) {
      InputEvent e = new InputEvent(t, 30, 3, 4, 5, 6);
      e.writeTo(raw, 0);
      assertThat(InputEvent.readFrom(raw, 0)).isEqualTo(e);
    }
    raw[0] = 7;
    assertThat(InputEvent.readFrom(raw, 0).type()).isEqualTo(InputEvent.Type.INVALID);
    assertThat(InputEvent.Type.values()).extracting(InputEvent.Type::code).containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void theEventDataspaceIsWholePagesHoldingMaxEvents() {
    assertThat(InputSession.DATASPACE_SIZE % 4096).isZero();
    assertThat(InputSession.DATASPACE_SIZE / InputEvent.SIZE).isEqualTo(InputSession.MAX_EVENTS);
  }
}
