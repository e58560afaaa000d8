package io.github.genova.genode.os.drivers.vesa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.io.IoPortSession;
import io.github.genova.platform.Machine;
import io.github.genova.platform.pc.StandardPc;
import io.github.genova.platform.x86.IoPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PCI scan for the VGA on a standard PC (00:00.0 host bridge, 00:02.0 std-VGA 1234:1111). */
class PciVgaTest {
  /** An IO_PORT session performed on the machine's ports directly, recording the addresses selected. */
  private static final class Recording implements IoPortSession {
    final IoPorts ports;
    final List<Integer> addresses = new ArrayList<>();

    Recording(IoPorts ports) {
      this.ports = ports;
    }

    @Override
    public int inb(int port) {
      return ports.in(port, 1);
    }

    @Override
    public int inw(int port) {
      return ports.in(port, 2);
    }

    @Override
    public int inl(int port) {
      return ports.in(port, 4);
    }

    @Override
    public void outb(int port, int value) {
      ports.out(port, 1, value);
    }

    @Override
    public void outw(int port, int value) {
      ports.out(port, 2, value);
    }

    @Override
    public void outl(int port, int value) {
      addresses.add(value);
      ports.out(port, 4, value);
    }
  }

  @Test
  void item74_functionsReadingVendorFfffAreSkippedAndTheVgaIsFound() {
    try (Machine machine = Machine.builder().ram(8L << 20).devices(StandardPc.devices()).build()) {
      Recording session = new Recording(machine.ports());
      Optional<PciVga> vga = PciVga.scan(session);
      assertThat(vga).isPresent();
      assertThat(vga.get()).isEqualTo(new PciVga(0, 2, 0, 0x1234, 0x1111, 0xe000_0000L));
      assertThat(vga.get().toString()).isEqualTo("PCI 00:02.0 1234:1111 VGA, BAR0 0xe0000000");
      // Device 1 is absent: only its vendor register is read, and none of its functions 1-7.
      assertThat(session.addresses).contains(0x8000_0800).noneMatch(a -> a >>> 11 == (0x8000_0800 >>> 11)
          && (a & 0x7ff) != 0);
      // The host bridge (00:00.0) is single-function: its functions 1-7 are not looked at.
      assertThat(session.addresses).noneMatch(a -> (a & 0xffff_f800) == 0x8000_0000 && (a & 0x700) != 0);
    }
  }
}
