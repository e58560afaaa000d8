package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.os.gfx.Rect;

/**
 * A bar that shows an amount of RAM against a maximum, filled from the left in proportion, as Genode's
 * launchpad shows a launcher's quota and its own RAM. A launcher's bar is also a slider: the quota at a
 * column is the maximum's share up to and including that column, in whole pages ({@value #PAGE} bytes), at
 * least one page, so dragging along the bar sets any quota up to the maximum.
 *
 * @param area where the bar lies in launchpad's window
 * @param max the amount a full bar stands for, in bytes (less than a page counts as a page)
 */
record QuotaBar(Rect area, long max) {
  /** The granularity of quotas set with the bar. */
  static final long PAGE = 4096;

  QuotaBar {
    if (area.isEmpty()) {
      throw new IllegalArgumentException("a quota bar needs an area: " + area);
    }
    max = Math.max(max, PAGE);
  }

  /** Returns the quota set by the pointer at column {@code x} of the window (clamped to the bar). */
  long quotaAt(int x) {
    int filled = Math.clamp(x - area.x() + 1, 1, area.w());
    long bytes = max * filled / area.w();
    return Math.clamp(bytes / PAGE * PAGE, PAGE, max / PAGE * PAGE);
  }

  /** Returns how many columns of the bar {@code bytes} fill: 0 for none, the whole bar for the maximum or more. */
  int filled(long bytes) {
    if (bytes <= 0) {
      return 0;
    }
    if (bytes >= max) {
      return area.w();
    }
    return (int) Math.max(1, bytes * area.w() / max);
  }

  /** Returns {@code bytes} as launchpad shows it, in KiB: {@code 512K}. */
  static String label(long bytes) {
    return bytes / 1024 + "K";
  }
}
