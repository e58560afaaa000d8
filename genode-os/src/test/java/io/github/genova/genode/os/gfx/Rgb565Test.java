package io.github.genova.genode.os.gfx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pixel arithmetic of X-ray mode's dimming. */
class Rgb565Test {
  @Test
  void componentsLandInTheirFields() {
    assertThat(Rgb565.of(0xff, 0, 0)).isEqualTo(0xf800);
    assertThat(Rgb565.of(0, 0xff, 0)).isEqualTo(0x07e0);
    assertThat(Rgb565.of(0, 0, 0xff)).isEqualTo(0x001f);
  }

  @Test
  void mixHalvesEachComponentWithoutCarryingIntoItsNeighbour() {
    assertThat(Rgb565.mix(0xffff, 0)).isEqualTo(0x7bef);
    assertThat(Rgb565.mix(0xf800, 0x001f)).isEqualTo(0x780f);
    assertThat(Rgb565.mix(0x07e0, 0x07e0)).isEqualTo(0x07c0); // 63/2 + 63/2 = 62
    for (int p : new int[] {0, 0x1234, 0xabcd, 0xffff}) {
      assertThat(Rgb565.mix(p, p) & 0xf7de).as("mixing %x with itself", p).isEqualTo(p & 0xf7de);
    }
  }
}
