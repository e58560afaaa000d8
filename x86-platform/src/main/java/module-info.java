/**
 * The machine under the kernel: physical memory, CPUs, clock and device deadlines, ISA interrupt lines
 * and the 8259 PIC, I/O-port and MMIO buses, the PC device models (PIT, CMOS/RTC, 16550 UART, i8042 with
 * PS/2 keyboard and mouse, PCI host bridge, VGA with Bochs VBE/DISPI, debug and POST ports) and the x86
 * execution engine. Depends on the JDK only.
 */
module io.github.genova.x86platform {
  requires static transitive org.jspecify;

  exports io.github.genova.platform;
  exports io.github.genova.platform.device.chipset;
  exports io.github.genova.platform.device.debug;
  exports io.github.genova.platform.device.pci;
  exports io.github.genova.platform.device.pic;
  exports io.github.genova.platform.device.pit;
  exports io.github.genova.platform.device.ps2;
  exports io.github.genova.platform.device.rtc;
  exports io.github.genova.platform.device.uart;
  exports io.github.genova.platform.device.vga;
  exports io.github.genova.platform.firmware;
  exports io.github.genova.platform.pc;
  exports io.github.genova.platform.x86;
  exports io.github.genova.platform.x86.asm;

  uses io.github.genova.platform.x86.X86Backend;

  provides io.github.genova.platform.x86.X86Backend with
      io.github.genova.platform.x86.interp.InterpreterBackend,
      io.github.genova.platform.x86.jit.JitBackend;
}
