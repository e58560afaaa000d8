package io.github.genova.examples.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether a host can show a window. */
class DisplayEnvironmentTest {
  @Test
  void aHeadlessAwtHasNoDisplayWhateverTheEnvironmentSays() {
    assertThat(DisplayEnvironment.available(true, "Linux", Map.of("DISPLAY", ":0"))).isFalse();
    assertThat(DisplayEnvironment.available(true, "Mac OS X", Map.of())).isFalse();
  }

  @Test
  void onLinuxAnX11OrWaylandDisplayMustBeNamed() {
    assertThat(DisplayEnvironment.available(false, "Linux", Map.of())).isFalse();
    assertThat(DisplayEnvironment.available(false, "Linux", Map.of("DISPLAY", " "))).isFalse();
    assertThat(DisplayEnvironment.available(false, "Linux", Map.of("DISPLAY", ":0"))).isTrue();
    assertThat(DisplayEnvironment.available(false, "Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).isTrue();
  }

  @Test
  void elsewhereANonHeadlessAwtHasADisplay() {
    assertThat(DisplayEnvironment.available(false, "Windows 11", Map.of())).isTrue();
    assertThat(DisplayEnvironment.available(false, "Mac OS X", Map.of())).isTrue();
  }
}
