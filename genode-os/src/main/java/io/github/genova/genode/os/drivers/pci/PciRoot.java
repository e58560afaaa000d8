package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.pci.PciSession;

/**
 * The root of the PCI service: creates a session per request whose donation covers {@link #SESSION_RAM} and
 * {@link #SESSION_CAPS} (refusing others, see {@link RootComponent}), all on the driver's one set of
 * scanned devices, each device held by one session at a time ({@link DeviceClaims}); closing a session
 * releases what it held. Sessions and devices are served by the driver's entrypoint.
 *
 * <p>The device objects a session creates are not charged to its donation: since no two sessions hold the
 * same device, their number is bounded by the functions on the bus, not by the clients.
 */
final class PciRoot extends RootComponent<PciSession> {
  /** RAM a session costs the client's donation: its state and the list of devices it holds. */
  static final RamQuota SESSION_RAM = RamQuota.of(8 * 1024);
  /** Capabilities a session costs: its RPC object's portal. */
  static final CapQuota SESSION_CAPS = CapQuota.of(1);

  private final DeviceClaims claims;
  private final ConfigAccess config;

  /**
   * Creates the root of sessions on {@code devices} (in bus order, as {@code config} reaches them), served on
   * {@code ep}.
   */
  PciRoot(RpcEntrypoint ep, DeviceClaims claims, ConfigAccess config, Log log) {
    super(ep, PciSession.class, SESSION_RAM, SESSION_CAPS, log);
    this.claims = claims;
    this.config = config;
  }

  @Override
  protected PciSession createSession(SessionArgs args) {
    return new PciSessionComponent(ep(), claims, config, log());
  }

  @Override
  protected void destroySession(PciSession session) {
    if (session instanceof PciSessionComponent component) {
      component.destroy();
    }
  }
}
