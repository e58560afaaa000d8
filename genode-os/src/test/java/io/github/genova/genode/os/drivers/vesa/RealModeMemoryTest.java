package io.github.genova.genode.os.drivers.vesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** The interpreter's first MiB: mapped pages are the driver's attachments, the rest scratch RAM. */
class RealModeMemoryTest {
  private final ArrayMemoryView view = new ArrayMemoryView(0x3000);
  private final RealModeMemory memory = new RealModeMemory(view);

  @Test
  void mappedPagesReadAndWriteTheDriversAttachmentAndOthersAreScratch() {
    memory.map(0xc0000, 0x2000, 0x1000);
    memory.write16(0xc1ffe, 0xaa55);
    assertThat(view.bytes.get(ValueLayout.JAVA_SHORT_UNALIGNED, 0x2ffe)).isEqualTo((short) 0xaa55);
    view.writeByte(0x1000, (byte) 0x9a);
    assertThat(memory.read8(0xc0000)).isEqualTo(0x9a);
    assertThat(memory.ramPage(0xc0000)).as("mapped pages go through read8/write8").isNull();
    memory.write32(0x500, 0x12345678);
    assertThat(memory.read32(0x500)).isEqualTo(0x12345678);
    assertThat(memory.ramPage(0x500)).isNotNull();
    assertThat(view.bytes.get(ValueLayout.JAVA_INT_UNALIGNED, 0)).as("scratch is not the attachment").isZero();
  }

  @Test
  void addressesWrapAtOneMebibyteAsWithA20Disabled() {
    memory.write8(0x10, 0x42);
    assertThat(memory.read8(0x100010)).isEqualTo(0x42);
  }

  @Test
  void mappingOutsideTheFirstMebibyteOrUnalignedIsRefused() {
    assertThatThrownBy(() -> memory.map(0xff000, 0x2000, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0xff000");
    assertThatThrownBy(() -> memory.map(0x123, 0x1000, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
