package io.github.genova.platform.pc;

import io.github.genova.platform.DeviceFactory;
import io.github.genova.platform.Machine;
import io.github.genova.platform.device.chipset.SystemControlPortA;
import io.github.genova.platform.device.debug.DebugConsole;
import io.github.genova.platform.device.debug.PostCodePort;
import io.github.genova.platform.device.pci.PciHostBridge;
import io.github.genova.platform.device.pic.DualPic;
import io.github.genova.platform.device.pit.Pit8254;
import io.github.genova.platform.device.pit.SystemControlPortB;
import io.github.genova.platform.device.ps2.I8042;
import io.github.genova.platform.device.rtc.CmosRtc;
import io.github.genova.platform.device.uart.Uart16550;
import io.github.genova.platform.device.vga.Vga;
import java.util.List;

/**
 * A PC's devices, typed: the 8259 pair, the 8254 and port 0x61, port 0x92, CMOS/RTC, COM1, the i8042 with keyboard and
 * mouse, the PCI host bridge with the standard VGA at 00:02.0, the debug consoles at 0xE9 and 0x402, and
 * the POST code ports at 0x80 and 0x190. Build one with
 * {@code StandardPc.of(Machine.builder().ram(...).devices(StandardPc.devices()).build())}.
 *
 * @param machine the machine the devices belong to
 * @param pic the interrupt controllers
 * @param pit the interval timer
 * @param portB system control port B (0x61)
 * @param portA system control port A (0x92: fast A20 and reset)
 * @param rtc CMOS and real-time clock
 * @param com1 the serial port at 0x3F8
 * @param keyboardController the i8042 with keyboard and mouse
 * @param pci the PCI host bridge
 * @param vga the display adapter
 * @param bochsConsole the debug console at 0xE9
 * @param firmwareConsole the debug console at 0x402 (SeaBIOS's)
 * @param post the POST code port at 0x80
 * @param testPost the POST code port at 0x190 (test386's)
 */
public record StandardPc(
    Machine machine,
    DualPic pic,
    Pit8254 pit,
    SystemControlPortB portB,
    SystemControlPortA portA,
    CmosRtc rtc,
    Uart16550 com1,
    I8042 keyboardController,
    PciHostBridge pci,
    Vga vga,
    DebugConsole bochsConsole,
    DebugConsole firmwareConsole,
    PostCodePort post,
    PostCodePort testPost) {

  /** Returns the factories of the standard devices, in attachment order. */
  public static List<DeviceFactory<?>> devices() {
    return List.of(
        DualPic::attach,
        Pit8254::attach,
        SystemControlPortB::attach,
        SystemControlPortA::attach,
        CmosRtc::attach,
        Uart16550::attach,
        I8042::attach,
        PciHostBridge::attach,
        Vga::attach,
        DebugConsole.at(0xe9),
        DebugConsole.at(0x402),
        PostCodePort.at(0x80),
        PostCodePort.at(0x190));
  }

  /**
   * Returns the typed view of {@code machine}'s standard devices.
   *
   * @throws IllegalStateException if the machine lacks one of them (the message names it)
   */
  public static StandardPc of(Machine machine) {
    List<DebugConsole> consoles = all(machine, DebugConsole.class);
    List<PostCodePort> posts = all(machine, PostCodePort.class);
    return new StandardPc(
        machine,
        machine.device(DualPic.class),
        machine.device(Pit8254.class),
        machine.device(SystemControlPortB.class),
        machine.device(SystemControlPortA.class),
        machine.device(CmosRtc.class),
        machine.device(Uart16550.class),
        machine.device(I8042.class),
        machine.device(PciHostBridge.class),
        machine.device(Vga.class),
        at(consoles, 0xe9, DebugConsole::port),
        at(consoles, 0x402, DebugConsole::port),
        at(posts, 0x80, PostCodePort::port),
        at(posts, 0x190, PostCodePort::port));
  }

  private static <T> List<T> all(Machine machine, Class<T> type) {
    return machine.devices().stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T> T at(List<T> devices, int port, java.util.function.ToIntFunction<T> portOf) {
    return devices.stream()
        .filter(d -> portOf.applyAsInt(d) == port)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the machine has no device at port 0x" + Integer.toHexString(port)));
  }
}
