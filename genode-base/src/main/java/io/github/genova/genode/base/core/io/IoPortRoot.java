package io.github.genova.genode.base.core.io;

import io.github.genova.genode.base.io.IoPortSession;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import java.util.Map;
import java.util.TreeMap;

/**
 * Core's IO_PORT service: a session owns the port range {@code io_port_base}/{@code io_port_size}, which
 * no other session may claim while it is open; core performs the accesses with its own port rights (core
 * owns all ports). A session costs 4 KiB and one capability.
 */
public final class IoPortRoot extends RootComponent<IoPortSession> {
  /** What one session object costs: RAM. */
  public static final RamQuota SESSION_RAM = RamQuota.of(4096);
  /** What one session object costs: capabilities. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(1);
  private static final int PORTS = 0x10000;

  /** Claimed ranges: base → end (exclusive). */
  private final TreeMap<Integer, Integer> claimed = new TreeMap<>();

  /** Creates the IO_PORT root served by {@code ep}, charging {@code accounts}. */
  public IoPortRoot(RpcEntrypoint ep, QuotaAccounts accounts, Log log) {
    super(ep, IoPortSession.class, accounts, SESSION_RAM, SESSION_CAPS, log);
  }

  /** A session's ports. */
  private static final class Component implements IoPortSession {
    private final int base;
    private final int end;

    Component(int base, int end) {
      this.base = base;
      this.end = end;
    }

    private boolean inside(int port, int size) {
      return port >= base && port + size <= end;
    }

    private int in(int port, int size) {
      return inside(port, size) ? NativeThread.current().gate().in(port, size) : 0;
    }

    private void out(int port, int size, int value) {
      if (inside(port, size)) {
        NativeThread.current().gate().out(port, size, value);
      }
    }

    @Override
    public int inb(int port) {
      return in(port, 1);
    }

    @Override
    public int inw(int port) {
      return in(port, 2);
    }

    @Override
    public int inl(int port) {
      return in(port, 4);
    }

    @Override
    public void outb(int port, int value) {
      out(port, 1, value);
    }

    @Override
    public void outw(int port, int value) {
      out(port, 2, value);
    }

    @Override
    public void outl(int port, int value) {
      out(port, 4, value);
    }
  }

  @Override
  protected IoPortSession createSession(SessionArgs args) throws ServiceDenied {
    long base = args.longValue("io_port_base", -1);
    long size = args.longValue("io_port_size", 0);
    if (base < 0 || base >= PORTS) {
      throw deny("io_port_base", "must be a port number 0..0xffff: " + base);
    }
    if (size <= 0 || base + size > PORTS) {
      throw deny("io_port_size", "must be positive and end within 0x10000: " + size);
    }
    int from = (int) base;
    int to = (int) (base + size);
    synchronized (claimed) {
      Map.Entry<Integer, Integer> below = claimed.floorEntry(to - 1);
      if (below != null && below.getValue() > from) {
        throw deny("io_port_base", "ports 0x" + Integer.toHexString(from) + "..0x" + Integer.toHexString(to - 1)
            + " overlap a range in use");
      }
      claimed.put(from, to);
    }
    return new Component(from, to);
  }

  private ServiceDenied deny(String key, String why) {
    log().warning("IO_PORT session: " + key + " " + why);
    return new ServiceDenied(key + " " + why);
  }

  @Override
  protected void destroySession(IoPortSession session) {
    synchronized (claimed) {
      claimed.remove(((Component) session).base);
    }
  }
}
