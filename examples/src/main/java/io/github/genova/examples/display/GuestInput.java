package io.github.genova.examples.display;

import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;

/**
 * One thing the user did, in the machine's terms: a key of its keyboard pressed or released, or its mouse
 * moved, homed, clicked or scrolled. Made on the host's event thread, applied to the machine in the run loop.
 */
public sealed interface GuestInput {
  /** Key {@code key} went down ({@code pressed}) or up. */
  record KeyStroke(Key key, boolean pressed) implements GuestInput {}

  /**
   * The mouse moved by {@code dx} to the right and {@code dy} down, in pixels (the guest moves its pointer one
   * pixel per count). Consecutive motions may be merged.
   */
  record Motion(int dx, int dy) implements GuestInput {}

  /**
   * The mouse moved far enough up and left to put the guest's pointer in the top-left corner of a screen of
   * {@code width} by {@code height} pixels, wherever it was: the guest clamps its pointer to the screen, so
   * the pointer stands at (0, 0) afterwards. Never merged with the motions around it.
   */
  record PointerHome(int width, int height) implements GuestInput {
    /**
     * Checks the distances.
     *
     * @throws IllegalArgumentException if either is negative
     */
    public PointerHome {
      if (width < 0 || height < 0) {
        throw new IllegalArgumentException("a pointer home move needs distances >= 0: " + width + "x" + height);
      }
    }
  }

  /** Mouse button {@code button} went down ({@code pressed}) or up. */
  record Button(MouseButton button, boolean pressed) implements GuestInput {}

  /** The wheel turned by {@code notches}: positive away from the user (scrolling up). */
  record Wheel(int notches) implements GuestInput {}
}
