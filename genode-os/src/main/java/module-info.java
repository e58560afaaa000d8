/**
 * Genode's init and OS components on Genova: timer, PS/2, PCI, VESA framebuffer, nitpicker and the
 * demo applications. Built on {@code genode-base} and the device models of {@code x86-platform}.
 */
module io.github.genova.genode.os {
  requires static transitive org.jspecify;
  requires transitive io.github.genova.genode.base;
  requires transitive io.github.genova.x86platform;
  requires java.xml;
  requires static transitive org.junit.jupiter.api;

  exports io.github.genova.genode.os.drivers.pci;
  exports io.github.genova.genode.os.drivers.ps2;
  exports io.github.genova.genode.os.drivers.vesa;
  exports io.github.genova.genode.os.framebuffer;
  exports io.github.genova.genode.os.gfx;
  exports io.github.genova.genode.os.hw;
  exports io.github.genova.genode.os.init.component;
  exports io.github.genova.genode.os.init;
  exports io.github.genova.genode.os.input.server;
  exports io.github.genova.genode.os.input;
  exports io.github.genova.genode.os.liquidfb;
  exports io.github.genova.genode.os.nitlog;
  exports io.github.genova.genode.os.nitpicker.server;
  exports io.github.genova.genode.os.nitpicker;
  exports io.github.genova.genode.os.pci;
  exports io.github.genova.genode.os.scenario.junit;
  exports io.github.genova.genode.os.scenario;
  exports io.github.genova.genode.os.test.capintegrity;
  exports io.github.genova.genode.os.test.dsownership;
  exports io.github.genova.genode.os.test.framebuffer;
  exports io.github.genova.genode.os.test.input;
  exports io.github.genova.genode.os.test.nitlog;
  exports io.github.genova.genode.os.test.nitpicker;
  exports io.github.genova.genode.os.test.pci;
  exports io.github.genova.genode.os.test.rmfault;
  exports io.github.genova.genode.os.test.signal;
  exports io.github.genova.genode.os.test.subrm;
  exports io.github.genova.genode.os.test.thread;
  exports io.github.genova.genode.os.test.timer;
  exports io.github.genova.genode.os.timer.pit;
  exports io.github.genova.genode.os.timer.server;
  exports io.github.genova.genode.os.timer;

  provides io.github.genova.genode.base.env.ComponentFactory
      with io.github.genova.genode.os.drivers.pci.PciDriverFactory,
          io.github.genova.genode.os.drivers.ps2.Ps2DriverFactory,
          io.github.genova.genode.os.drivers.vesa.VesaFactory,
          io.github.genova.genode.os.init.component.InitFactory,
          io.github.genova.genode.os.launchpad.LaunchpadFactory,
          io.github.genova.genode.os.liquidfb.LiquidFbFactory,
          io.github.genova.genode.os.nitlog.NitlogFactory,
          io.github.genova.genode.os.nitpicker.server.NitpickerFactory,
          io.github.genova.genode.os.test.capintegrity.CapIntegrityTestFactory,
          io.github.genova.genode.os.test.capintegrity.TargetServerFactory,
          io.github.genova.genode.os.test.dsownership.DsOwnershipTestFactory,
          io.github.genova.genode.os.test.framebuffer.FramebufferTestFactory,
          io.github.genova.genode.os.test.input.InputTestFactory,
          io.github.genova.genode.os.test.nitlog.TestNitlogFactory,
          io.github.genova.genode.os.test.nitpicker.TestNitFactory,
          io.github.genova.genode.os.test.pci.PciTestFactory,
          io.github.genova.genode.os.test.rmfault.RmFaultTestFactory,
          io.github.genova.genode.os.test.signal.SignalTestFactory,
          io.github.genova.genode.os.test.subrm.SubRmTestFactory,
          io.github.genova.genode.os.test.thread.ThreadTestFactory,
          io.github.genova.genode.os.test.timer.TimerTestFactory,
          io.github.genova.genode.os.timer.server.TimerFactory;
}
