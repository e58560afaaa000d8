package io.github.genova.examples.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.Machine;
import io.github.genova.platform.device.vga.Vga;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the window shows of the VGA model: its graphics picture, or black at a text mode's size. */
class FrameTest {
  private Machine machine;
  private Vga vga;

  @BeforeEach
  void setUp() {
    machine = Machine.builder().ram(16L << 20).device(Vga::attach).build();
    vga = machine.device(Vga.class);
  }

  @AfterEach
  void tearDown() {
    machine.close();
  }

  private void dispi(int index, int value) {
    machine.ports().out(0x1ce, 2, index);
    machine.ports().out(0x1cf, 2, value);
  }

  @Test
  void aTextModeShowsBlackAtItsCellsSize() {
    Frame frame = Frame.of(vga); // 80x25 text, as a BIOS leaves the adapter
    assertThat(frame.width()).isEqualTo(80 * Frame.CELL_WIDTH);
    assertThat(frame.height()).isEqualTo(25 * Frame.CELL_HEIGHT);
    assertThat(frame.pixel(0, 0)).isEqualTo(0xff00_0000);
    assertThat(frame.pixel(639, 399)).isEqualTo(0xff00_0000);
  }

  @Test
  void aGraphicsModeShowsItsPixelsAndAChangedPixelIsAnotherPicture() {
    dispi(1, 8); // 8x2 pixels of 32 bits (the width a multiple of 8, as the adapter wants)
    dispi(2, 2);
    dispi(3, 32);
    dispi(4, 0x41); // enabled, linear framebuffer
    vga.vram().set(ValueLayout.JAVA_INT_UNALIGNED, 4L * (8 + 3), 0x00_12_34_56); // pixel (3, 1)
    Frame first = Frame.of(vga);
    assertThat(first.width()).isEqualTo(8);
    assertThat(first.height()).isEqualTo(2);
    assertThat(first.pixel(3, 1)).isEqualTo(0xff12_3456);
    assertThat(first.samePicture(Frame.of(vga))).isTrue();
    vga.vram().set(ValueLayout.JAVA_INT_UNALIGNED, 0, 0x00_00_00_01);
    Frame second = Frame.of(vga);
    assertThat(second.samePicture(first)).isFalse();
    int[] copy = new int[16];
    second.copyTo(copy);
    assertThat(copy[0]).isEqualTo(0xff00_0001);
    assertThat(copy[8 + 3]).isEqualTo(0xff12_3456);
    assertThat(Arrays.stream(copy).filter(p -> p == 0xff00_0000).count()).isEqualTo(14);
  }

  @Test
  void picturesOfAnotherSizeAreNeverTheSame() {
    assertThat(Frame.black(4, 2).samePicture(Frame.black(2, 4))).isFalse();
    assertThat(Frame.black(4, 2).samePicture(Frame.black(4, 2))).isTrue();
    assertThatThrownBy(() -> Frame.black(0, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a frame needs a positive size: 0x2");
  }
}
