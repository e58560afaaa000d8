package io.github.genova.examples.display;

import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.Map;

/**
 * Whether this host can show a window: AWT is not headless (neither {@code -Djava.awt.headless=true} nor a
 * host without a screen) and, on Linux, a display server is named in {@code DISPLAY} or {@code
 * WAYLAND_DISPLAY} (as on a server, in CI or over plain ssh there is none).
 */
public final class DisplayEnvironment {
  private DisplayEnvironment() {}

  /** Returns whether this JVM on this host can show a window. */
  public static boolean available() {
    return available(GraphicsEnvironment.isHeadless(), System.getProperty("os.name", ""), System.getenv());
  }

  /**
   * Returns whether a host can show a window whose AWT is {@code awtHeadless} or not, whose operating system
   * is called {@code osName} (the {@code os.name} property) and whose environment variables are {@code env}.
   */
  public static boolean available(boolean awtHeadless, String osName, Map<String, String> env) {
    if (awtHeadless) {
      return false;
    }
    if (!osName.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return true;
    }
    return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
  }
}
