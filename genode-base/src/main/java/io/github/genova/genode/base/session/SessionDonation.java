package io.github.genova.genode.base.session;

import io.github.genova.genode.base.quota.CapAccount;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.QuotaTransfer;
import io.github.genova.genode.base.quota.RamAccount;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.quota.UnrelatedAccount;
import java.util.ArrayList;
import java.util.List;

/**
 * The quota a session request donates, moved from the client through its parents to the server (what
 * Genode's {@code Child::session} and {@code upgrade} do with the {@code ram_quota} and
 * {@code cap_quota} arguments): RAM and capabilities both, or neither. The donation is provisional until
 * the server has created (or upgraded) the session; if that fails, {@link #close()} returns everything.
 *
 * <pre>{@code
 * try (SessionDonation donation = SessionDonation.along(List.of(child, init, server), request.resources())) {
 *   var session = root.session(request.args());   // Insufficient_ram_quota, Service_denied, ...
 *   donation.acknowledge();
 * }
 * }</pre>
 *
 * <p>Closing a session moves the donation back the other way: {@code SessionDonation.along(path.reversed(),
 * donated)} acknowledged at once.
 */
public final class SessionDonation implements AutoCloseable {
  private final QuotaTransfer<RamQuota, OutOfRam> ram;
  private final QuotaTransfer<CapQuota, OutOfCaps> caps;

  private SessionDonation(QuotaTransfer<RamQuota, OutOfRam> ram, QuotaTransfer<CapQuota, OutOfCaps> caps) {
    this.ram = ram;
    this.caps = caps;
  }

  /**
   * Moves {@code resources} from the first accounts of {@code path} to the last.
   *
   * @throws OutOfRam if the client has too little RAM; nothing moved
   * @throws OutOfCaps if the client has too few capabilities; nothing moved
   * @throws UnrelatedAccount if neighbours on the path are not related by reference; nothing moved
   */
  public static SessionDonation along(List<QuotaAccounts> path, Session.Resources resources)
      throws OutOfRam, OutOfCaps, UnrelatedAccount {
    List<RamAccount> ramPath = new ArrayList<>(path.size());
    List<CapAccount> capPath = new ArrayList<>(path.size());
    for (QuotaAccounts accounts : path) {
      ramPath.add(accounts.ram());
      capPath.add(accounts.caps());
    }
    QuotaTransfer<RamQuota, OutOfRam> ram = QuotaTransfer.along(ramPath, resources.ramQuota());
    try {
      return new SessionDonation(ram, QuotaTransfer.along(capPath, resources.capQuota()));
    } catch (OutOfCaps | UnrelatedAccount | RuntimeException e) {
      ram.close();
      throw e;
    }
  }

  /** Returns what was donated. */
  public Session.Resources resources() {
    return new Session.Resources(ram.amount(), caps.amount());
  }

  /** Makes the donation permanent: the session exists. */
  public void acknowledge() {
    ram.acknowledge();
    caps.acknowledge();
  }

  /**
   * Returns the donation to the client unless acknowledged: the capabilities, then the RAM.
   *
   * @throws IllegalStateException if the server already spent what is to return; that kind (and, for
   *     capabilities, the RAM too) stays at the server, see {@link QuotaTransfer#close()}
   */
  @Override
  public void close() {
    caps.close();
    ram.close();
  }
}
