package io.github.genova.genode.os.hw;

import io.github.genova.genode.base.nova.NativeThread;

/**
 * Port I/O by the calling Genode thread's own {@code in}/{@code out} (kernel entries on its EC's gate), for
 * ports delegated to the thread's PD: on NOVA an IO_PORT session maps its range into the client's port
 * space, and the driver then accesses the ports directly. A port outside the PD's port space raises the
 * EC's #GP, as on hardware. Usable from every thread of the PD.
 */
public final class GateIoPorts implements IoPorts {
  /** Creates the accessor; the ports must be delegated to the PD of the threads that use it. */
  public GateIoPorts() {}

  @Override
  public int inb(int port) {
    return NativeThread.current().gate().in(port, 1) & 0xff;
  }

  @Override
  public void outb(int port, int value) {
    NativeThread.current().gate().out(port, 1, value & 0xff);
  }
}
