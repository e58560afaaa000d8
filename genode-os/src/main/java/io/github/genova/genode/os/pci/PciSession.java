package io.github.genova.genode.os.pci;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.session.Session;

/**
 * A PCI session (service {@value #SERVICE_NAME}, Genode's {@code Pci::Session}): the functions the driver
 * found on the bus, walked in bus order (bus, then device, then function, as the scan found them). A device
 * is handed to one session at a time: a session walking the bus skips the devices another session holds
 * until that session releases them or closes. (The 2010 {@code pci_drv} made a new device object for every
 * call and handed any function to any session; later releases marked each bus/device/function in use
 * across sessions, as Genova does.) Opcodes are stable: 0 {@code first_device}, 1 {@code next_device}, 2
 * {@code release_device}.
 */
public interface PciSession extends Session {
  /** The service name. */
  String SERVICE_NAME = "PCI";

  /** Returns the first device in bus order this session may have, or an invalid capability if none. */
  @RpcFunction(0)
  Capability<PciDevice> firstDevice();

  /**
   * Returns the device after {@code prev} in bus order that this session may have, or an invalid capability
   * if none follows. An invalid {@code prev} starts from the beginning, as {@link #firstDevice()}; a {@code
   * prev} that is no device of this session yields an invalid capability.
   */
  @RpcFunction(1)
  Capability<PciDevice> nextDevice(Capability<PciDevice> prev);

  /**
   * Gives {@code device} back: its capability becomes invalid and other sessions may have it. A capability
   * that is no device of this session is ignored.
   */
  @RpcFunction(2)
  void releaseDevice(Capability<PciDevice> device);
}
