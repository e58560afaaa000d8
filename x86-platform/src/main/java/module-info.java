/**
 * The machine under the kernel: physical memory, CPUs, clock, interrupt controller, I/O-port and
 * MMIO buses, PC device models, and the x86 execution engine. Depends on the JDK only.
 */
module io.github.genova.x86platform {
  requires static transitive org.jspecify;

  exports io.github.genova.platform;
  exports io.github.genova.platform.x86;

  uses io.github.genova.platform.x86.X86Backend;

  provides io.github.genova.platform.x86.X86Backend with
      io.github.genova.platform.x86.interp.InterpreterBackend;
}
