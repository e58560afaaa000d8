package io.github.genova.genode.base.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountTest {
  private static RamQuota ram(long bytes) {
    return RamQuota.of(bytes);
  }

  @Test
  void withdrawAndReplenishMoveUsageWithinTheLimit() throws Exception {
    RamAccount account = new RamAccount("init", ram(16384));

    account.withdraw(ram(12288));
    account.replenish(ram(4096));

    assertThat(account.used()).isEqualTo(ram(8192));
    assertThat(account.avail()).isEqualTo(ram(8192));
    assertThat(account.limit()).isEqualTo(ram(16384));
  }

  @Test
  void withdrawingMoreThanAvailableThrowsOutOfRamAndChangesNothing() throws Exception {
    RamAccount account = new RamAccount("init", ram(8192));
    account.withdraw(ram(4096));

    assertThatThrownBy(() -> account.withdraw(ram(4097)))
        .isInstanceOfSatisfying(OutOfRam.class, e -> assertThat(e.account()).isEqualTo("init"))
        .hasMessage("account \"init\" is out of RAM: needs 4097 bytes, 4096 available");
    assertThat(account.used()).isEqualTo(ram(4096));
  }

  @Test
  void capAccountsThrowOutOfCaps() throws Exception {
    CapAccount caps = new CapAccount("timer", CapQuota.of(2));
    caps.withdraw(CapQuota.of(2));

    assertThatThrownBy(() -> caps.withdraw(CapQuota.of(1)))
        .isInstanceOf(OutOfCaps.class)
        .hasMessage("account \"timer\" is out of caps: needs 1, 0 available");
  }

  @Test
  void replenishingMoreThanUsedIsRefused() throws Exception {
    RamAccount account = new RamAccount("a", ram(8192));
    account.withdraw(ram(100));

    assertThatThrownBy(() -> account.replenish(ram(101)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
    assertThat(account.used()).isEqualTo(ram(100));
  }

  @Test
  void upgradeRaisesAndDowngradeLowersTheLimitButNotBelowUsage() throws Exception {
    RamAccount session = new RamAccount("session", ram(4096));
    session.upgrade(ram(4096));
    session.withdraw(ram(6000));

    assertThat(session.tryDowngrade(ram(2193))).isFalse();
    assertThat(session.tryDowngrade(ram(2192))).isTrue();
    assertThat(session.limit()).isEqualTo(ram(6000));
    assertThat(session.avail()).isEqualTo(ram(0));
  }

  @Test
  void item42_referenceAccountIsSetOnlyOnceAndNeverToItself() {
    RamAccount core = new RamAccount("core", ram(1 << 20));
    RamAccount init = new RamAccount("init", ram(0));
    RamAccount other = new RamAccount("other", ram(0));

    assertThat(init.referenceAccount(init)).isEqualTo(RefAccountResult.CYCLE);
    assertThat(RefAccountResult.CYCLE.code()).isEqualTo(-3);
    assertThat(init.referenceAccount(core)).isEqualTo(RefAccountResult.OK);
    assertThat(init.referenceAccount(other)).isEqualTo(RefAccountResult.ALREADY_SET);
    assertThat(RefAccountResult.ALREADY_SET.code()).isEqualTo(-2);
    assertThat(init.referenceAccount()).isSameAs(core);
    assertThat(core.referenceAccount(init)).isEqualTo(RefAccountResult.CYCLE);
  }

  @Test
  void item43_quotaMovesOnlyAlongAReferenceRelation() throws Exception {
    RamAccount core = new RamAccount("core", ram(65536));
    RamAccount init = new RamAccount("init", ram(0));
    RamAccount stranger = new RamAccount("stranger", ram(0));
    init.referenceAccount(core);

    core.transfer(init, ram(16384));
    init.transfer(core, ram(4096));

    assertThat(core.limit()).isEqualTo(ram(65536 - 12288));
    assertThat(init.limit()).isEqualTo(ram(12288));
    assertThatThrownBy(() -> core.transfer(stranger, ram(1)))
        .isInstanceOf(UnrelatedAccount.class)
        .hasMessageContaining("\"core\"").hasMessageContaining("\"stranger\"");
    assertThatThrownBy(() -> stranger.transfer(init, ram(0))).isInstanceOf(UnrelatedAccount.class);
    assertThat(core.limit()).isEqualTo(ram(65536 - 12288));
  }

  @Test
  void siblingsSharingAReferenceCannotTransferDirectly() throws Exception {
    RamAccount init = new RamAccount("init", ram(65536));
    RamAccount a = new RamAccount("a", ram(0));
    RamAccount b = new RamAccount("b", ram(0));
    a.referenceAccount(init);
    b.referenceAccount(init);
    init.transfer(a, ram(4096));

    assertThatThrownBy(() -> a.transfer(b, ram(4096))).isInstanceOf(UnrelatedAccount.class);
    assertThat(a.limit()).isEqualTo(ram(4096));
  }

  @Test
  void item44_aTransferThatWouldDropQuotaBelowUsageFails() throws Exception {
    RamAccount core = new RamAccount("core", ram(0));
    RamAccount init = new RamAccount("init", ram(8192));
    init.referenceAccount(core);
    init.withdraw(ram(6000));

    assertThatThrownBy(() -> init.transfer(core, ram(2193))).isInstanceOf(OutOfRam.class);
    assertThat(init.limit()).isEqualTo(ram(8192));
    assertThat(core.limit()).isEqualTo(ram(0));
    init.transfer(core, ram(2192));
    assertThat(core.limit()).isEqualTo(ram(2192));
  }

  @Test
  void item45_closingReturnsTheRemainingQuotaAndMembersToTheReferenceAccount() throws Exception {
    RamAccount core = new RamAccount("core", ram(1 << 20));
    RamAccount session = new RamAccount("session", ram(0));
    RamAccount member = new RamAccount("member", ram(0));
    session.referenceAccount(core);
    member.referenceAccount(session);
    core.transfer(session, ram(65536));
    session.transfer(member, ram(4096));
    session.withdraw(ram(8192));

    session.close();

    assertThat(core.limit()).isEqualTo(ram((1 << 20) - 4096));
    assertThat(session.isClosed()).isTrue();
    assertThat(member.referenceAccount()).isSameAs(core);
    member.transfer(core, ram(4096));
    assertThat(core.limit()).isEqualTo(ram(1 << 20));
    assertThatThrownBy(() -> session.withdraw(ram(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    session.close();
    assertThat(core.limit()).isEqualTo(ram(1 << 20));
  }
}
