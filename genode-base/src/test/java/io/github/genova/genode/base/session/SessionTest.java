package io.github.genova.genode.base.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.RamQuota;
import org.junit.jupiter.api.Test;

class SessionTest {
  @Test
  void resourcesComeFromRamAndCapQuota() {
    Session.Resources resources = Session.Resources.from(SessionArgs.parse("ram_quota=6K, cap_quota=3"));

    assertThat(resources).isEqualTo(new Session.Resources(RamQuota.of(6144), CapQuota.of(3)));
    assertThat(Session.Resources.from(SessionArgs.empty()))
        .isEqualTo(new Session.Resources(RamQuota.NONE, CapQuota.NONE));
  }

  @Test
  void item53_aDonationThatCannotCoverTheSessionObjectIsRefused() throws Exception {
    Session.Resources donated = new Session.Resources(RamQuota.of(4096), CapQuota.of(2));

    assertThatThrownBy(() -> donated.deduct(RamQuota.of(4097), CapQuota.of(1)))
        .isInstanceOfSatisfying(InsufficientRamQuota.class,
            e -> assertThat(e.needed()).isEqualTo(RamQuota.of(4097)));
    assertThatThrownBy(() -> donated.deduct(RamQuota.of(1024), CapQuota.of(3)))
        .isInstanceOfSatisfying(InsufficientCapQuota.class,
            e -> assertThat(e.needed()).isEqualTo(CapQuota.of(3)));
    assertThat(donated.deduct(RamQuota.of(1024), CapQuota.of(1)))
        .isEqualTo(new Session.Resources(RamQuota.of(3072), CapQuota.of(1)));
  }

  @Test
  void deductedResourcesRewriteTheArguments() throws Exception {
    SessionArgs args = SessionArgs.parse("ram_quota=8K, cap_quota=3, label=\"x\"");

    SessionArgs rewritten = Session.Resources.from(args).deduct(RamQuota.of(1024), CapQuota.of(1)).applyTo(args);

    assertThat(rewritten.toString()).isEqualTo("label=\"x\", ram_quota=7168, cap_quota=2");
  }

  @Test
  void negativeQuotaIsMalformed() {
    assertThatThrownBy(() -> Session.Resources.from(SessionArgs.parse("ram_quota=-4K")))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> assertThat(e.key()).isEqualTo("ram_quota"))
        .hasMessageContaining("negative");
  }

  @Test
  void diagIsOffUnlessAsked() {
    assertThat(SessionRequest.of("LOG", SessionArgs.empty()).diag().enabled()).isFalse();
    assertThat(SessionRequest.of("LOG", SessionArgs.parse("diag=yes")).diag().enabled()).isTrue();
    assertThatThrownBy(() -> Session.Diag.from(SessionArgs.parse("diag=7")))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> assertThat(e.key()).isEqualTo("diag"));
  }

  @Test
  void requestsNeedAServiceNameAndValidAffinity() {
    assertThatThrownBy(() -> SessionRequest.of("", SessionArgs.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service name");
    assertThatThrownBy(() -> new Affinity(new Affinity.Space(2, 1), new Affinity.Location(1, 0, 2, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
    assertThat(new Affinity(new Affinity.Space(2, 1), new Affinity.Location(1, 0, 1, 1)).location().xpos())
        .isEqualTo(1);
  }
}
