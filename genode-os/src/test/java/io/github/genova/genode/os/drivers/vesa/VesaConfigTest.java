package io.github.genova.genode.os.drivers.vesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** vesa_drv's config: Genode's 1024 × 768 × 16 by default, bad values named. */
class VesaConfigTest {
  @Test
  void item72_withoutAttributesTheModeIs1024x768x16() throws VesaConfig.Invalid {
    assertThat(VesaConfig.parse("<config/>")).isEqualTo(new VesaConfig(1024, 768, 16));
    assertThat(VesaConfig.parse("<config><start name=\"x\"/></config>")).isEqualTo(VesaConfig.DEFAULT);
  }

  @Test
  void attributesChooseTheMode() throws VesaConfig.Invalid {
    assertThat(VesaConfig.parse("<config width=\"800\" height=\" 600\" depth=\"16\"/>"))
        .isEqualTo(new VesaConfig(800, 600, 16));
    assertThat(VesaConfig.parse("<config width=\"640\"/>").toString()).isEqualTo("640x768x16");
  }

  @Test
  void aBadValueOrMalformedXmlIsNamed() {
    assertThatThrownBy(() -> VesaConfig.parse("<config width=\"wide\"/>")).isInstanceOf(VesaConfig.Invalid.class)
        .hasMessage("config attribute width=\"wide\" is not a positive number");
    assertThatThrownBy(() -> VesaConfig.parse("<config height=\"-1\"/>")).isInstanceOf(VesaConfig.Invalid.class)
        .hasMessageContaining("height=\"-1\"");
    assertThatThrownBy(() -> VesaConfig.parse("<config")).isInstanceOf(VesaConfig.Invalid.class)
        .hasMessageStartingWith("malformed config");
  }
}
