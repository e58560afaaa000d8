package io.github.genova.genode.os.test.pci;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.pci.PciConnection;
import io.github.genova.genode.os.pci.PciDevice;
import io.github.genova.genode.os.pci.Resource;

/**
 * Genode's PCI test (the binary {@code test-pci}): opens a PCI session and walks the bus with {@code
 * first_device}/{@code next_device}, releasing each device after taking the next; logs each function as
 * {@code bb:dd.f vvvv:dddd class cccccc} (hexadecimal: bus address, vendor and device ID, 24-bit class code),
 * then each of its resources as {@code   BARn <resource>}, and finally {@code N devices} and exits with 0.
 * Without a session it logs an error and exits with 1.
 */
public final class PciTest implements Component {
  /** Creates the test's code (its factory does). */
  public PciTest() {}

  /** Returns how the test logs {@code device}: {@code bb:dd.f vvvv:dddd class cccccc}. */
  public static String describe(PciDevice device) {
    return String.format("%s %04x:%04x class %06x", device.busAddress(), device.vendorId(), device.deviceId(),
        device.classCode());
  }

  @Override
  public void construct(Env env) {
    env.log().log("--- PCI test ---");
    try (PciConnection pci = new PciConnection(env)) {
      int count = 0;
      for (Capability<PciDevice> cap = pci.firstDevice(); cap.valid(); ) {
        PciDevice device = pci.device(cap);
        env.log().log(describe(device));
        for (int i = 0; i < PciDevice.MAX_RESOURCES; i++) {
          Resource r = device.resource(i);
          if (r.valid()) {
            env.log().log("  BAR" + i + " " + r);
          }
        }
        count++;
        Capability<PciDevice> next = pci.nextDevice(cap);
        pci.releaseDevice(cap);
        cap = next;
      }
      env.log().log(count + " devices");
      env.parentInterface().exit(0);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().error("no PCI session: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      env.parentInterface().exit(1);
    }
  }
}
