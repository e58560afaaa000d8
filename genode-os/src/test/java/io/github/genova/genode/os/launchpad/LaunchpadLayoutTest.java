package io.github.genova.genode.os.launchpad;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.gfx.Rect;
import org.junit.jupiter.api.Test;

class LaunchpadLayoutTest {
  private static final LaunchpadLayout TWO = new LaunchpadLayout(2);

  private static int midX(Rect r) {
    return r.x() + r.w() / 2;
  }

  private static int midY(Rect r) {
    return r.y() + r.h() / 2;
  }

  @Test
  void aLaunchersNameStartsItsBarSetsItsQuota() {
    for (int i = 0; i < 2; i++) {
      Rect name = TWO.launcherName(i);
      Rect bar = LaunchpadLayout.bar(TWO.launcherRow(i));
      assertThat(TWO.hit(midX(name), midY(name), 0)).contains(new LaunchpadLayout.Hit.Start(i));
      assertThat(TWO.hit(bar.x(), midY(bar), 0)).contains(new LaunchpadLayout.Hit.Quota(i));
      assertThat(TWO.hit(bar.right() - 1, midY(bar), 0)).contains(new LaunchpadLayout.Hit.Quota(i));
    }
    Rect status = LaunchpadLayout.bar(TWO.statusRow());
    assertThat(TWO.hit(midX(status), midY(status), 0)).as("launchpad's own RAM bar is no slider").isEmpty();
  }

  @Test
  void aKillButtonHitsOnlyWhileItsChildRuns() {
    Rect kill = TWO.killButton(1);
    assertThat(TWO.hit(midX(kill), midY(kill), 2)).contains(new LaunchpadLayout.Hit.Kill(1));
    assertThat(TWO.hit(midX(kill), midY(kill), 1)).isEmpty();
    Rect name = LaunchpadLayout.name(TWO.childRow(0));
    assertThat(TWO.hit(midX(name), midY(name), 2)).as("a child's name does nothing").isEmpty();
  }

  @Test
  void sectionsFollowEachOtherWithoutOverlap() {
    assertThat(TWO.statusRow().y()).isGreaterThanOrEqualTo(TWO.statusHeader().bottom());
    assertThat(TWO.launcherHeader().y()).isGreaterThanOrEqualTo(TWO.statusRow().bottom());
    assertThat(TWO.launcherRow(0).y()).isGreaterThanOrEqualTo(TWO.launcherHeader().bottom());
    assertThat(TWO.childrenHeader().y()).isGreaterThanOrEqualTo(TWO.launcherRow(1).bottom());
    assertThat(TWO.childRow(0).y()).isGreaterThanOrEqualTo(TWO.childrenHeader().bottom());
    assertThat(new LaunchpadLayout(5).childrenHeader().y()).isGreaterThan(TWO.childrenHeader().y());
  }

  @Test
  void rowsBelowTheWindowAreNeitherShownNorHit() {
    int fit = 0;
    while (LaunchpadLayout.shown(TWO.childRow(fit))) {
      fit++;
    }
    assertThat(fit).isGreaterThan(10);
    Rect hidden = TWO.killButton(fit);
    assertThat(hidden.bottom()).isGreaterThan(LaunchpadLayout.HEIGHT);
    assertThat(TWO.hit(midX(hidden), LaunchpadLayout.HEIGHT - 1, fit + 5)).isEmpty();
  }
}
