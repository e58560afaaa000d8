package io.github.genova.genode.base.core.rom;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.core.memory.RamDataspace;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rom.RomSession;
import io.github.genova.genode.base.rom.StaticRomSession;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Core's ROM service: each boot module is a ROM named after it, held in a read-only RAM dataspace. A session
 * names its module by the last element of its label (or, classic, by {@code filename}); an unknown name is
 * denied. A session costs core 4 KiB and one capability.
 */
public final class RomRoot extends RootComponent<RomSession> {
  /** What one session object costs: RAM. */
  public static final RamQuota SESSION_RAM = RamQuota.of(4096);
  /** What one session object costs: capabilities. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(1);

  /**
   * A ROM module: its name, the dataspace holding it and the length of its content.
   *
   * @param name the module's name
   * @param dataspace where its content is
   * @param contentSize the content's length in bytes
   */
  public record Module(String name, RamDataspace dataspace, long contentSize) {}

  private final Map<String, Module> modules = new TreeMap<>();
  /** Each module's dataspace capability, made once and shared by all sessions of the module. */
  private final Map<String, Capability<Dataspace>> dataspaces = new TreeMap<>();

  /** Creates the ROM root served by {@code ep} over {@code modules}, charging {@code accounts}. */
  public RomRoot(RpcEntrypoint ep, QuotaAccounts accounts, Iterable<Module> modules, Log log) {
    super(ep, RomSession.class, accounts, SESSION_RAM, SESSION_CAPS, log);
    for (Module m : modules) {
      this.modules.put(m.name(), m);
    }
  }

  /** Returns the module named {@code name}, or null. */
  public @Nullable Module module(String name) {
    return modules.get(name);
  }

  @Override
  protected RomSession createSession(SessionArgs args) throws ServiceDenied {
    String name = args.stringValue("filename", args.label().last());
    Module m = modules.get(name);
    if (m == null) {
      log().warning("ROM module \"" + name + "\" not present");
      throw new ServiceDenied("ROM module \"" + name + "\" not present");
    }
    Capability<Dataspace> ds;
    synchronized (dataspaces) {
      ds = dataspaces.computeIfAbsent(name, n -> ep().manage(Dataspace.class, m.dataspace()));
    }
    return new StaticRomSession(ds, m.contentSize());
  }
}
