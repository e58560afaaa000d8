package io.github.genova.genode.base.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.quota.RamQuota;
import org.junit.jupiter.api.Test;

class SessionLabelTest {
  @Test
  void item65_everyParentPrefixesLabelsWithTheChildName() {
    SessionRequest fromTestnit = SessionRequest.of("LOG", SessionArgs.parse("ram_quota=8K"));

    SessionRequest viaLaunchpad = fromTestnit.prefixedBy("testnit");
    SessionRequest viaInit = viaLaunchpad.prefixedBy("launchpad");

    assertThat(viaLaunchpad.label()).hasToString("testnit");
    assertThat(viaInit.label()).hasToString("launchpad -> testnit");
    assertThat(viaInit.prefixedBy("init").label()).hasToString("init -> launchpad -> testnit");
    assertThat(viaInit.resources().ramQuota()).isEqualTo(RamQuota.of(8192));
    assertThat(SessionRequest.of("ROM", SessionArgs.parse("label=\"config\"")).prefixedBy("nitpicker").label())
        .hasToString("nitpicker -> config");
  }

  @Test
  void prefixingWithAnEmptyPrefixKeepsTheLabel() {
    assertThat(SessionLabel.prefixed("", SessionLabel.of("x"))).hasToString("x");
    assertThat(SessionLabel.prefixed("", SessionLabel.empty()).isEmpty()).isTrue();
  }

  @Test
  void lastElementAndPrefix() {
    SessionLabel label = SessionLabel.of("init -> launchpad -> testnit");

    assertThat(label.last()).isEqualTo("testnit");
    assertThat(label.prefix()).hasToString("init -> launchpad");
    assertThat(label.elements()).containsExactly("init", "launchpad", "testnit");
    assertThat(SessionLabel.of("single").last()).isEqualTo("single");
    assertThat(SessionLabel.of("single").prefix().isEmpty()).isTrue();
    assertThat(SessionLabel.empty().elements()).isEmpty();
  }

  @Test
  void withoutPrefixStripsOnlyTheWholeFirstElement() {
    SessionLabel label = SessionLabel.of("nitpicker -> input");

    assertThat(label.withoutPrefix("nitpicker")).hasToString("input");
    assertThat(SessionLabel.of("nitpicker").withoutPrefix("nitpicker")).isEqualTo(SessionLabel.empty());
    assertThat(label.withoutPrefix("nit")).isNull();
    assertThat(SessionLabel.of("nitpickerx -> input").withoutPrefix("nitpicker")).isNull();
  }
}
