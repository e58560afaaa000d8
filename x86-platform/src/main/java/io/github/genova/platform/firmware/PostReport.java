package io.github.genova.platform.firmware;

import java.util.List;

/**
 * What a {@linkplain SystemBios#post POST} did with the option ROMs.
 *
 * @param initialised the physical addresses of the option ROMs whose init entry ran, in scan order
 * @param skipped one message per ROM the POST did not shadow or did not run, naming where it is and why
 */
public record PostReport(List<Long> initialised, List<String> skipped) {
  /** Copies both lists. */
  public PostReport {
    initialised = List.copyOf(initialised);
    skipped = List.copyOf(skipped);
  }
}
