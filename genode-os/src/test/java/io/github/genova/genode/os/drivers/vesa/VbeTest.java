package io.github.genova.genode.os.drivers.vesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.Machine;
import io.github.genova.platform.firmware.BiosCallFailure;
import io.github.genova.platform.firmware.VgaOptionRom;
import io.github.genova.platform.pc.StandardPc;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's VBE calls through its own interpreter, without a kernel: Genova's VGA option ROM in the
 * sandbox's scratch RAM, its port accesses going straight to a standard PC's VGA, so the DISPI registers
 * show what the calls did.
 */
class VbeTest {
  private Machine machine;
  private RealModeMemory memory;
  private VideoBios bios;
  private Vbe vbe;

  @BeforeEach
  void romInitialised() throws BiosCallFailure {
    machine = Machine.builder().ram(8L << 20).devices(StandardPc.devices()).build();
    memory = new RealModeMemory(new ArrayMemoryView(4096));
    memory.load(VesaDriver.OPTION_ROM, VgaOptionRom.image());
    bios = new VideoBios(memory, machine.ports());
    bios.installDefaultVectors();
    bios.initialise((int) (VesaDriver.OPTION_ROM >>> 4));
    vbe = new Vbe(bios, memory);
  }

  @AfterEach
  void close() {
    machine.close();
  }

  private int dispi(int index) {
    machine.ports().out(0x1ce, 2, index);
    return machine.ports().in(0x1cf, 2);
  }

  @Test
  void item73_theModeIsSetWith4F02AndTheLinearFramebufferBit() throws BiosCallFailure {
    Vbe.Controller controller = vbe.controller();
    assertThat(controller.version()).isGreaterThanOrEqualTo(0x200);
    assertThat(controller.modes()).isNotEmpty();
    Optional<VbeMode> mode = vbe.find(controller, 1024, 768, 16);
    assertThat(mode).isPresent();
    assertThat(mode.get().physBasePtr()).isEqualTo(VgaOptionRom.LINEAR_FRAME_BUFFER);
    assertThat(mode.get().bytesPerScanLine()).isEqualTo(2048);
    assertThat(dispi(4) & 0x01).as("DISPI disabled before 4F02").isZero();
    vbe.setMode(mode.get());
    assertThat(dispi(1)).isEqualTo(1024);
    assertThat(dispi(2)).isEqualTo(768);
    assertThat(dispi(3)).isEqualTo(16);
    assertThat(dispi(4) & 0x41).as("ENABLED | LFB_ENABLED").isEqualTo(0x41);
  }

  @Test
  void item73_aCallNotAnswering004FIsAFailureNamingTheCallAndTheAnswer() {
    VbeMode unknown = new VbeMode(0x1ff, 0x9b, 2048, 1024, 768, 16, 6, VgaOptionRom.LINEAR_FRAME_BUFFER);
    assertThatThrownBy(() -> vbe.setMode(unknown)).isInstanceOf(BiosCallFailure.class)
        .hasMessageStartingWith("VBE 4F02 (set mode 41ff) failed: AX=")
        .hasMessageNotContaining("AX=004f");
    assertThat(dispi(4) & 0x01).as("no mode set").isZero();
  }

  @Test
  void aModeTheBiosDoesNotListIsNotFound() throws BiosCallFailure {
    assertThat(vbe.find(vbe.controller(), 1000, 700, 16)).isEmpty();
  }
}
