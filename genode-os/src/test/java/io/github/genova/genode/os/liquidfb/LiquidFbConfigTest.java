package io.github.genova.genode.os.liquidfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** liquid_fb's config attributes: defaults, values, and refusals naming the attribute. */
class LiquidFbConfigTest {
  @Test
  void withoutAttributesGenodesDefaultsHold() throws LiquidFbConfig.Invalid {
    assertThat(LiquidFbConfig.parse("")).isEqualTo(LiquidFbConfig.DEFAULT);
    assertThat(LiquidFbConfig.parse("<config/>")).isEqualTo(LiquidFbConfig.DEFAULT);
    assertThat(LiquidFbConfig.DEFAULT).isEqualTo(new LiquidFbConfig(400, 270, 500, 400, "Liquid Framebuffer"));
  }

  @Test
  void everyAttributeIsRead() throws LiquidFbConfig.Invalid {
    assertThat(LiquidFbConfig.parse("<config xpos=\"-20\" ypos=\" 30 \" width=\"320\" height=\"240\""
        + " title=\"Tiny &amp; Co\" animate=\"off\"><other x=\"1\"/></config>"))
        .isEqualTo(new LiquidFbConfig(-20, 30, 320, 240, "Tiny & Co"));
    assertThat(LiquidFbConfig.parse("<config height=\"32\"/>").height()).isEqualTo(32);
  }

  @Test
  void aSizeBelowTheMinimumOrAboveTheMaximumIsRefusedNamingTheAttribute() {
    assertThatThrownBy(() -> LiquidFbConfig.parse("<config width=\"0\"/>")).isInstanceOf(LiquidFbConfig.Invalid.class)
        .hasMessage("config attribute width=\"0\" is not a number from 32 to 4096");
    assertThatThrownBy(() -> LiquidFbConfig.parse("<config height=\"4097\"/>"))
        .hasMessage("config attribute height=\"4097\" is not a number from 32 to 4096");
  }

  @Test
  void aValueThatIsNoNumberIsRefusedNamingTheAttribute() {
    assertThatThrownBy(() -> LiquidFbConfig.parse("<config ypos=\"top\"/>"))
        .hasMessage("config attribute ypos=\"top\" is not a number from -65536 to 65536");
    assertThatThrownBy(() -> LiquidFbConfig.parse("<config xpos=\"99999999999999999999\"/>"))
        .hasMessageStartingWith("config attribute xpos=");
  }

  @Test
  void malformedXmlIsRefused() {
    assertThatThrownBy(() -> LiquidFbConfig.parse("<config width=\"10\"")).isInstanceOf(LiquidFbConfig.Invalid.class)
        .hasMessageStartingWith("malformed config: ");
  }
}
