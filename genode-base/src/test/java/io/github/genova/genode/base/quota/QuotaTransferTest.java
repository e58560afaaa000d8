package io.github.genova.genode.base.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class QuotaTransferTest {
  private final RamAccount init = new RamAccount("init", RamQuota.of(1 << 20));
  private final RamAccount client = new RamAccount("client", RamQuota.NONE);
  private final RamAccount server = new RamAccount("server", RamQuota.NONE);

  QuotaTransferTest() throws Exception {
    client.referenceAccount(init);
    server.referenceAccount(init);
    init.transfer(client, RamQuota.of(65536));
    init.transfer(server, RamQuota.of(65536));
  }

  private List<RamAccount> donationPath() {
    return List.of(client, init, server);
  }

  @Test
  void item54_anAcknowledgedDonationMovesFromClientToServer() throws Exception {
    try (var donation = QuotaTransfer.along(donationPath(), RamQuota.of(8192))) {
      donation.acknowledge();
    }

    assertThat(client.limit()).isEqualTo(RamQuota.of(65536 - 8192));
    assertThat(init.limit()).isEqualTo(RamQuota.of((1 << 20) - 2 * 65536));
    assertThat(server.limit()).isEqualTo(RamQuota.of(65536 + 8192));
  }

  @Test
  void item54_closingTheSessionMovesTheDonationBack() throws Exception {
    QuotaTransfer.along(donationPath(), RamQuota.of(8192)).acknowledge();

    QuotaTransfer.along(donationPath().reversed(), RamQuota.of(8192)).acknowledge();

    assertThat(client.limit()).isEqualTo(RamQuota.of(65536));
    assertThat(server.limit()).isEqualTo(RamQuota.of(65536));
  }

  @Test
  void item55_aFailedSessionRequestLeavesBothAccountsUnchanged() throws Exception {
    try (var donation = QuotaTransfer.along(donationPath(), RamQuota.of(8192))) {
      assertThat(donation.amount()).isEqualTo(RamQuota.of(8192));
      assertThat(server.limit()).isEqualTo(RamQuota.of(65536 + 8192));
      // the server refuses the session: no acknowledge
    }

    assertThat(client.limit()).isEqualTo(RamQuota.of(65536));
    assertThat(init.limit()).isEqualTo(RamQuota.of((1 << 20) - 2 * 65536));
    assertThat(server.limit()).isEqualTo(RamQuota.of(65536));
  }

  @Test
  void item55_aDonationBeyondTheClientsQuotaChangesNothing() throws Exception {
    client.withdraw(RamQuota.of(60000));

    assertThatThrownBy(() -> QuotaTransfer.along(donationPath(), RamQuota.of(8192)))
        .isInstanceOfSatisfying(OutOfRam.class, e -> assertThat(e.account()).isEqualTo("client"));

    assertThat(client.limit()).isEqualTo(RamQuota.of(65536));
    assertThat(server.limit()).isEqualTo(RamQuota.of(65536));
  }

  @Test
  void anUnrelatedHopAnywhereOnThePathChangesNothing() {
    RamAccount stranger = new RamAccount("stranger", RamQuota.NONE);

    assertThatThrownBy(() -> QuotaTransfer.along(List.of(client, init, server, stranger), RamQuota.of(1)))
        .isInstanceOf(UnrelatedAccount.class).hasMessageContaining("\"server\" to \"stranger\"");

    assertThat(client.limit()).isEqualTo(RamQuota.of(65536));
    assertThat(server.limit()).isEqualTo(RamQuota.of(65536));
  }

  @Test
  void returningQuotaTheServerAlreadySpentIsRefusedWithoutChange() throws Exception {
    var donation = QuotaTransfer.along(donationPath(), RamQuota.of(8192));
    server.withdraw(RamQuota.of(65536 + 4096));

    assertThatThrownBy(donation::close)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("\"server\" has used it");
    assertThat(server.limit()).isEqualTo(RamQuota.of(65536 + 8192));
    assertThat(client.limit()).isEqualTo(RamQuota.of(65536 - 8192));

    server.replenish(RamQuota.of(4096));
    donation.close();
    assertThat(client.limit()).isEqualTo(RamQuota.of(65536));
  }

  @Test
  void aPathNeedsTwoAccounts() {
    assertThatThrownBy(() -> QuotaTransfer.along(List.of(client), RamQuota.of(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentDonationsAndReturnsConserveTheTotal() throws Exception {
    int clients = 4;
    List<RamAccount> accounts = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      RamAccount c = new RamAccount("c" + i, RamQuota.NONE);
      c.referenceAccount(init);
      init.transfer(c, RamQuota.of(32768));
      accounts.add(c);
    }
    long total = totalOf(accounts);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      RamAccount c = accounts.get(i);
      RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(i);
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          for (int round = 0; round < 2000; round++) {
            long amount = 1L + random.nextInt(4096);
            try (var donation = QuotaTransfer.along(List.of(c, init, server), RamQuota.of(amount))) {
              if (random.nextBoolean()) {
                donation.acknowledge();
                QuotaTransfer.along(List.of(server, init, c), RamQuota.of(amount)).acknowledge();
              }
            } catch (OutOfRam ignored) {
              // another thread's donation is in flight at the server; try again
            }
          }
        } catch (Throwable t) {
          synchronized (failures) {
            failures.add(t);
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }

    assertThat(failures).isEmpty();
    assertThat(totalOf(accounts)).isEqualTo(total);
    for (RamAccount c : accounts) {
      assertThat(c.limit()).isEqualTo(RamQuota.of(32768));
    }
    assertThat(server.limit()).isEqualTo(RamQuota.of(65536));
  }

  private long totalOf(List<RamAccount> clients) {
    long sum = init.limit().value() + server.limit().value() + client.limit().value();
    for (RamAccount c : clients) {
      sum += c.limit().value();
    }
    return sum;
  }
}
