package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.os.pci.PciDevice;
import io.github.genova.genode.os.pci.PciSession;
import org.jspecify.annotations.Nullable;

/**
 * One PCI session at the server (Genode's {@code Pci::Session_component}): walks the driver's devices in
 * bus order, skipping those another session holds, and hands out one {@link PciDeviceComponent} per device,
 * managed at the driver's entrypoint; handing a device it already holds again gives the same capability.
 * Releasing a device, or closing the session, dissolves its object and frees the device for others. Runs on
 * the driver's entrypoint only.
 */
final class PciSessionComponent implements PciSession {
  private final RpcEntrypoint ep;
  private final DeviceClaims claims;
  private final ConfigAccess config;
  private final Log log;
  /** The devices this session holds, by position in bus order (null: not held). */
  private final @Nullable Held[] held;

  private record Held(PciDeviceComponent device, Capability<PciDevice> cap) {}

  PciSessionComponent(RpcEntrypoint ep, DeviceClaims claims, ConfigAccess config, Log log) {
    this.ep = ep;
    this.claims = claims;
    this.config = config;
    this.log = log;
    this.held = new Held[claims.size()];
  }

  @Override
  public Capability<PciDevice> firstDevice() {
    return from(0);
  }

  @Override
  public Capability<PciDevice> nextDevice(Capability<PciDevice> prev) {
    if (!prev.valid()) {
      return from(0);
    }
    PciDeviceComponent device = own(prev);
    return device == null ? Capability.invalid() : from(device.index() + 1);
  }

  @Override
  public void releaseDevice(Capability<PciDevice> device) {
    PciDeviceComponent d = own(device);
    if (d != null) {
      release(d);
    }
  }

  /** Releases every device the session holds; called when the session closes. */
  void destroy() {
    for (Held h : held) {
      if (h != null) {
        release(h.device());
      }
    }
  }

  private Capability<PciDevice> from(int index) {
    for (int i = index; i < claims.size(); i++) {
      Held h = held[i];
      if (h != null) {
        return h.cap();
      }
      if (claims.claim(i, this)) {
        PciDeviceComponent d = new PciDeviceComponent(i, claims.device(i), config, log);
        Capability<PciDevice> cap = ep.manage(PciDevice.class, d);
        held[i] = new Held(d, cap);
        return cap;
      }
    }
    return Capability.invalid();
  }

  /** Returns the device {@code cap} names if this session holds it; otherwise gives the argument back. */
  private @Nullable PciDeviceComponent own(Capability<PciDevice> cap) {
    PciDeviceComponent d = ep.apply(cap, PciDeviceComponent.class);
    Held h = d == null ? null : held[d.index()];
    if (d == null || h == null || h.device() != d) {
      ep.discardArgument(cap);
      return null;
    }
    return d;
  }

  private void release(PciDeviceComponent d) {
    ep.dissolve(d);
    held[d.index()] = null;
    claims.release(d.index(), this);
  }
}
