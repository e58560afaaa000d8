package io.github.genova.genode.os.launchpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ChildNamesTest {
  @Test
  void theFirstChildOfABinaryIsNamedAfterItTheNextGetSuffixes() {
    assertThat(ChildNames.unique("testnit", Set.of())).isEqualTo("testnit");
    assertThat(ChildNames.unique("testnit", Set.of("testnit"))).isEqualTo("testnit.2");
    assertThat(ChildNames.unique("testnit", Set.of("testnit", "testnit.2"))).isEqualTo("testnit.3");
  }

  @Test
  void aFreedNameIsTakenAgainFirstFreeSuffixFirst() {
    assertThat(ChildNames.unique("testnit", Set.of("testnit.2"))).isEqualTo("testnit");
    assertThat(ChildNames.unique("testnit", Set.of("testnit", "testnit.3"))).isEqualTo("testnit.2");
  }

  @Test
  void otherBinariesNamesDoNotCount() {
    assertThat(ChildNames.unique("nitlog", Set.of("testnit", "testnit.2", "nitlog.2"))).isEqualTo("nitlog");
  }
}
