package io.github.genova.genode.base.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private static final SessionLabel LABEL = SessionLabel.of("launchpad -> testnit -> fb");

  @Test
  void item67_eachSelectorRestrictsToMatchingLabels() {
    assertThat(new LabelSelector("launchpad -> testnit -> fb", null, null, null, null).matches(LABEL)).isTrue();
    assertThat(new LabelSelector("launchpad -> testnit", null, null, null, null).matches(LABEL)).isFalse();
    assertThat(new LabelSelector(null, "launchpad ->", null, null, null).matches(LABEL)).isTrue();
    assertThat(new LabelSelector(null, "testnit", null, null, null).matches(LABEL)).isFalse();
    assertThat(new LabelSelector(null, null, "-> fb", null, null).matches(LABEL)).isTrue();
    assertThat(new LabelSelector(null, null, "testnit", null, null).matches(LABEL)).isFalse();
    assertThat(new LabelSelector(null, null, null, "fb", null).matches(LABEL)).isTrue();
    assertThat(new LabelSelector(null, null, null, "testnit", null).matches(LABEL)).isFalse();
  }

  @Test
  void allConditionsMustHold() {
    assertThat(new LabelSelector(null, "launchpad", null, "fb", null).matches(LABEL)).isTrue();
    assertThat(new LabelSelector(null, "launchpad", null, "input", null).matches(LABEL)).isFalse();
  }

  @Test
  void scopedAndUnscopedConditionsSeeTheirOwnLabel() {
    SessionLabel unscoped = SessionLabel.of("init -> launchpad -> testnit -> fb");
    LabelSelector selector = new LabelSelector(null, "launchpad", null, null, "init -> launchpad -> testnit -> fb");

    assertThat(selector.matches(LABEL, unscoped)).isTrue();
    assertThat(selector.matches(LABEL, LABEL)).isFalse();
  }

  @Test
  void noConditionsMatchEverything() {
    assertThat(LabelSelector.ANY.isAny()).isTrue();
    assertThat(LabelSelector.ANY.matches(SessionLabel.empty())).isTrue();
    assertThat(LabelSelector.ANY.matches(LABEL)).isTrue();
  }
}
