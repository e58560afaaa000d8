/**
 * The machine under the kernel: physical memory, CPUs, clock, interrupt controller, I/O-port and
 * MMIO buses, PC device models, and the x86 execution engine. Depends on the JDK only.
 */
module io.github.genova.x86platform {
  requires static transitive org.jspecify;

  exports io.github.genova.platform;
  exports io.github.genova.platform.device.pic;
  exports io.github.genova.platform.device.pit;
  exports io.github.genova.platform.device.ps2;
  exports io.github.genova.platform.device.rtc;
  exports io.github.genova.platform.device.uart;
  exports io.github.genova.platform.device.chipset;
  exports io.github.genova.platform.device.debug;
  exports io.github.genova.platform.device.pci;
  exports io.github.genova.platform.device.vga;
  exports io.github.genova.platform.pc;
}
