package io.github.genova.genode.base.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.quota.RefAccountResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionDonationTest {
  private final QuotaAccounts init = QuotaAccounts.of("init", RamQuota.of(1 << 20), CapQuota.of(100));
  private final QuotaAccounts child = QuotaAccounts.of("child", RamQuota.NONE, CapQuota.NONE);
  private final QuotaAccounts server = QuotaAccounts.of("server", RamQuota.NONE, CapQuota.NONE);
  private final List<QuotaAccounts> path = List.of(child, init, server);

  SessionDonationTest() throws Exception {
    assertThat(child.referenceAccount(init)).isEqualTo(RefAccountResult.OK);
    assertThat(server.referenceAccount(init)).isEqualTo(RefAccountResult.OK);
    init.ram().transfer(child.ram(), RamQuota.of(65536));
    init.caps().transfer(child.caps(), CapQuota.of(10));
  }

  /** What a root component does: take the session object's cost from the donation, or refuse. */
  private static Session.Resources createSession(SessionRequest request) throws Exception {
    return request.resources().deduct(RamQuota.of(4096), CapQuota.of(1));
  }

  @Test
  void item54_sessionMovesTheDonationClientToServerAndCloseMovesItBack() throws Exception {
    SessionRequest request = SessionRequest.of("LOG", SessionArgs.parse("ram_quota=8K, cap_quota=2"));

    try (SessionDonation donation = SessionDonation.along(path, request.resources())) {
      createSession(request);
      donation.acknowledge();
    }
    assertThat(child.ram().limit()).isEqualTo(RamQuota.of(65536 - 8192));
    assertThat(child.caps().limit()).isEqualTo(CapQuota.of(8));
    assertThat(server.ram().limit()).isEqualTo(RamQuota.of(8192));
    assertThat(server.caps().limit()).isEqualTo(CapQuota.of(2));

    SessionDonation.along(path.reversed(), request.resources()).acknowledge();

    assertThat(child.ram().limit()).isEqualTo(RamQuota.of(65536));
    assertThat(child.caps().limit()).isEqualTo(CapQuota.of(10));
    assertThat(server.ram().limit()).isEqualTo(RamQuota.NONE);
  }

  @Test
  void item55_aSessionTheServerRefusesLeavesEveryAccountUnchanged() throws Exception {
    SessionRequest request = SessionRequest.of("LOG", SessionArgs.parse("ram_quota=2K, cap_quota=2"));

    assertThatThrownBy(() -> {
      try (SessionDonation donation = SessionDonation.along(path, request.resources())) {
        createSession(request);
        donation.acknowledge();
      }
    }).isInstanceOf(InsufficientRamQuota.class);

    assertThat(child.ram().limit()).isEqualTo(RamQuota.of(65536));
    assertThat(child.caps().limit()).isEqualTo(CapQuota.of(10));
    assertThat(init.ram().limit()).isEqualTo(RamQuota.of((1 << 20) - 65536));
    assertThat(server.ram().limit()).isEqualTo(RamQuota.NONE);
    assertThat(server.caps().limit()).isEqualTo(CapQuota.NONE);
  }

  @Test
  void item55_tooFewCapsMovesNoRamEither() {
    Session.Resources resources = new Session.Resources(RamQuota.of(8192), CapQuota.of(11));

    assertThatThrownBy(() -> SessionDonation.along(path, resources))
        .isInstanceOfSatisfying(OutOfCaps.class, e -> assertThat(e.account()).isEqualTo("child"));

    assertThat(child.ram().limit()).isEqualTo(RamQuota.of(65536));
    assertThat(server.ram().limit()).isEqualTo(RamQuota.NONE);
  }

  @Test
  void upgradeDonatesMoreToAnExistingSession() throws Exception {
    SessionDonation.along(path, new Session.Resources(RamQuota.of(8192), CapQuota.of(2))).acknowledge();

    SessionRequest upgrade = SessionRequest.of("LOG", SessionArgs.parse("ram_quota=4K"));
    try (SessionDonation more = SessionDonation.along(path, upgrade.resources())) {
      assertThat(more.resources()).isEqualTo(new Session.Resources(RamQuota.of(4096), CapQuota.NONE));
      more.acknowledge();
    }

    assertThat(server.ram().limit()).isEqualTo(RamQuota.of(12288));
    assertThat(server.caps().limit()).isEqualTo(CapQuota.of(2));
  }

  @Test
  void closingTheChildsAccountsReturnsItsQuotaToInit() throws Exception {
    child.close();

    assertThat(init.ram().limit()).isEqualTo(RamQuota.of(1 << 20));
    assertThat(init.caps().limit()).isEqualTo(CapQuota.of(100));
    assertThat(child.referenceAccount(init)).isEqualTo(RefAccountResult.ALREADY_SET);
  }
}
