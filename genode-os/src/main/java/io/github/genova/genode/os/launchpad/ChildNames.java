package io.github.genova.genode.os.launchpad;

import java.util.Set;

/**
 * How launchpad names its children, as Genode's launchpad does: a child is named after its binary, and if a
 * running child already has that name, after the binary with the first free suffix {@code .2}, {@code .3},
 * ... — so {@code testnit}, {@code testnit.2}, and after {@code testnit} was killed, {@code testnit} again.
 */
final class ChildNames {
  private ChildNames() {}

  /** Returns the name for a new child of {@code binary} while the children named {@code taken} run. */
  static String unique(String binary, Set<String> taken) {
    if (!taken.contains(binary)) {
      return binary;
    }
    for (int n = 2; ; n++) {
      String name = binary + "." + n;
      if (!taken.contains(name)) {
        return name;
      }
    }
  }
}
