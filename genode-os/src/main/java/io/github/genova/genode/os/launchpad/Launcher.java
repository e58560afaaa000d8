package io.github.genova.genode.os.launchpad;

import org.jspecify.annotations.Nullable;

/**
 * One entry of launchpad's launcher list: the binary a click starts, the RAM quota a new child of it gets (the
 * user changes it with the entry's quota bar), its capability quota, and the text of its inline {@code
 * <config>}, served to the child as its ROM {@code config}, if it has one.
 *
 * @param binary the component's name, which also names the child (made unique, see {@link ChildNames})
 * @param ramQuota the RAM a new child gets, in bytes
 * @param caps the capabilities a new child gets
 * @param config the child's config as XML text, or null
 */
record Launcher(String binary, long ramQuota, long caps, @Nullable String config) {
  Launcher {
    if (binary.isBlank()) {
      throw new IllegalArgumentException("a launcher needs a binary");
    }
    if (ramQuota < 0 || caps < 0) {
      throw new IllegalArgumentException("a launcher's quota is not negative: " + ramQuota + ", " + caps);
    }
  }

  /** Returns a launcher of {@code binary} with {@code ramQuota}, {@link LaunchpadConfig#DEFAULT_CAPS} and no config. */
  static Launcher of(String binary, long ramQuota) {
    return new Launcher(binary, ramQuota, LaunchpadConfig.DEFAULT_CAPS, null);
  }

  /** Returns this launcher with its RAM quota set to {@code bytes}. */
  Launcher withRamQuota(long bytes) {
    return new Launcher(binary, bytes, caps, config);
  }
}
