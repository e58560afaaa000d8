package io.github.genova.genode.os.launchpad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.os.gfx.Rect;
import org.junit.jupiter.api.Test;

class QuotaBarTest {
  /** 256 columns at x = 100 for 16 MiB: 64 KiB per column. */
  private static final QuotaBar BAR = new QuotaBar(new Rect(100, 10, 256, 12), 16 << 20);

  @Test
  void eachColumnAddsItsShareOfTheMaximumInWholePages() {
    assertThat(BAR.quotaAt(100)).isEqualTo(64 << 10);
    assertThat(BAR.quotaAt(107)).isEqualTo(512 << 10);
    assertThat(BAR.quotaAt(355)).isEqualTo(16 << 20);
    QuotaBar odd = new QuotaBar(new Rect(0, 0, 3, 1), 10 * QuotaBar.PAGE + 123);
    assertThat(odd.quotaAt(0)).isEqualTo(3 * QuotaBar.PAGE);
    assertThat(odd.quotaAt(2)).as("the maximum, cut to pages").isEqualTo(10 * QuotaBar.PAGE);
  }

  @Test
  void thePointerBesideTheBarSetsItsEnds() {
    assertThat(BAR.quotaAt(-50)).isEqualTo(64 << 10);
    assertThat(BAR.quotaAt(5000)).isEqualTo(16 << 20);
    QuotaBar tiny = new QuotaBar(new Rect(0, 0, 1000, 1), 2 * QuotaBar.PAGE);
    assertThat(tiny.quotaAt(0)).as("at least a page").isEqualTo(QuotaBar.PAGE);
  }

  @Test
  void aQuotaFillsTheColumnsThatSetIt() {
    for (int x = 100; x < 356; x++) {
      assertThat(BAR.filled(BAR.quotaAt(x))).isEqualTo(x - 100 + 1);
    }
    assertThat(BAR.filled(0)).isZero();
    assertThat(BAR.filled(1)).as("anything shows").isEqualTo(1);
    assertThat(BAR.filled(1L << 40)).isEqualTo(256);
  }

  @Test
  void quotasAreShownInKib() {
    assertThat(QuotaBar.label(512 << 10)).isEqualTo("512K");
    assertThat(QuotaBar.label(11 << 20)).isEqualTo("11264K");
  }

  @Test
  void aBarNeedsAnAreaAndStandsForAtLeastAPage() {
    assertThatThrownBy(() -> new QuotaBar(new Rect(0, 0, 0, 10), 1 << 20))
        .isInstanceOf(IllegalArgumentException.class);
    QuotaBar empty = new QuotaBar(new Rect(0, 0, 10, 10), 0);
    assertThat(empty.max()).isEqualTo(QuotaBar.PAGE);
    assertThat(empty.quotaAt(9)).isEqualTo(QuotaBar.PAGE);
  }
}
