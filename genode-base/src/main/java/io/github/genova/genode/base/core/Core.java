package io.github.genova.genode.base.core;

import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.child.ChildPolicy;
import io.github.genova.genode.base.child.RootService;
import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.child.ServiceRegistry;
import io.github.genova.genode.base.core.log.LogRoot;
import io.github.genova.genode.base.core.memory.Pager;
import io.github.genova.genode.base.core.memory.PhysicalMemory;
import io.github.genova.genode.base.core.memory.RamDataspace;
import io.github.genova.genode.base.core.rom.RomRoot;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rom.RomSession;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionRequest;
import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.core.memory.CoreRamAllocator;
import io.github.genova.genode.base.core.pd.PdRoot;
import io.github.genova.genode.base.core.rm.RmRoot;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.rm.RmSession;
import io.github.genova.genode.base.core.cpu.CpuRoot;
import io.github.genova.genode.base.core.io.IoPortRoot;
import io.github.genova.genode.base.cpu.CpuSession;
import io.github.genova.genode.base.core.io.IoMemRoot;
import io.github.genova.genode.base.core.io.IrqRoot;
import io.github.genova.genode.base.io.IoMemSession;
import io.github.genova.genode.base.io.IoPortSession;
import io.github.genova.genode.base.io.IrqSession;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.Hip;
import io.github.genova.nova.api.Hypercalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Core, Genode's root task on NOVA: owns the machine's memory and capabilities, turns the boot modules into
 * ROM modules, serves the core services (LOG, ROM, PD, RM, CPU, IO_MEM, IO_PORT, IRQ) and starts exactly one child, init, from ROM
 * {@code init} with all remaining RAM and capabilities except core's reserve. init's session requests go to
 * core's services only.
 *
 * <pre>{@code
 * kernel.runRoot((gate, ip, arg) -> {
 *   Core core = Core.boot(gate, BootImage.parse(menuEntry, files), ComponentRegistry.loaded(), System.out::println);
 *   ...
 * }, timeout);
 * }</pre>
 */
public final class Core {
  /** Where the kernel maps the HIP in the root PD: the top user page. */
  public static final long HIP_ADDRESS = 0x7fff_ffff_e000L;
  /** The RAM core keeps for itself. */
  public static final RamQuota RAM_RESERVE = RamQuota.of(224 * 1024);
  /** The capabilities core keeps for itself. */
  public static final CapQuota CAP_RESERVE = CapQuota.of(1000);
  /** What init's initial LOG session donates. */
  public static final String ENV_LOG_ARGS = Child.INITIAL_LOG_ARGS;

  private final Env env;
  private final Log log;
  private final PhysicalMemory memory;
  private final Pager pager;
  private final QuotaAccounts accounts;
  private final ServiceRegistry services = new ServiceRegistry();
  private final RomRoot rom;
  private final PdRoot pd;
  private final Consumer<String> console;
  private @Nullable Child init;
  private @Nullable Integer initExitValue;

  private Core(Env env, Log log, PhysicalMemory memory, Pager pager, QuotaAccounts accounts, RomRoot rom,
      PdRoot pd, Consumer<String> console) {
    this.pd = pd;
    this.env = env;
    this.log = log;
    this.memory = memory;
    this.pager = pager;
    this.accounts = accounts;
    this.rom = rom;
    this.console = console;
  }

  /**
   * Boots core on the root task's gate (call it from the root task's code): reads the HIP, takes the
   * machine's memory, makes a ROM module of every boot module, registers the core services and starts init.
   * Returns once init runs (or could not be started; core says why on the console). Core's services live on
   * in core's entrypoint; the root task's code must not return while the system is to run.
   *
   * @param console where core and every LOG session print their lines
   */
  public static Core boot(Hypercalls gate, BootImage image, ComponentRegistry components, Consumer<String> console) {
    Log log = Log.via("core", console);
    Env env = Env.ofRootTask(gate, log);
    Hip hip = new Hip(gate.memory().segment(HIP_ADDRESS, 4096, false));
    if (!hip.isValid()) {
      throw new IllegalStateException("no valid HIP at 0x" + Long.toHexString(HIP_ADDRESS));
    }
    PhysicalMemory memory = PhysicalMemory.of(hip);
    Pager pager = new Pager(env.pd(), memory);
    QuotaAccounts accounts = QuotaAccounts.of("core", RamQuota.of(memory.available()),
        CapQuota.of(hip.selectors()));
    List<RomRoot.Module> modules = new ArrayList<>();
    for (BootModule m : image.modules()) {
      long size = Math.max(PhysicalMemory.PAGE, (m.size() + PhysicalMemory.PAGE - 1) & -PhysicalMemory.PAGE);
      try {
        accounts.ram().withdraw(RamQuota.of(size));
      } catch (OutOfRam e) {
        throw new IllegalStateException("boot module \"" + m.name() + "\" does not fit into RAM", e);
      }
      long phys = memory.allocate(size);
      memory.clear(phys, size);
      memory.write(phys, m.content());
      modules.add(new RomRoot.Module(m.name(), new RamDataspace(phys, size, false), m.size()));
    }
    console.accept("Genode on Genova: " + image.commandLine());
    RomRoot rom = new RomRoot(env.ep(), accounts, modules, log);
    PdRoot pd = new PdRoot(env.ep(), accounts, new CoreRamAllocator(memory), env.pd(), pager, log);
    Core core = new Core(env, log, memory, pager, accounts, rom, pd, console);
    core.register(LogSession.SERVICE_NAME, new LogRoot(env.ep(), accounts, console, log));
    core.register(RomSession.SERVICE_NAME, rom);
    core.register(PdSession.SERVICE_NAME, pd);
    core.register(RmSession.SERVICE_NAME, new RmRoot(env.ep(), accounts, env.pd(), pager, log));
    core.register(CpuSession.SERVICE_NAME, new CpuRoot(env.ep(), accounts, env.pd(), hip.cpuCount(), log));
    core.register(IoPortSession.SERVICE_NAME, new IoPortRoot(env.ep(), accounts, log));
    core.register(IoMemSession.SERVICE_NAME, new IoMemRoot(env.ep(), accounts, memory, pager, log));
    core.register(IrqSession.SERVICE_NAME, new IrqRoot(env.ep(), accounts, env.pd(), hip.gsis(), log));
    core.startInit(components);
    return core;
  }

  private void register(String name, io.github.genova.genode.base.root.Root root) {
    services.register(new RootService(name, root, accounts));
  }

  private void startInit(ComponentRegistry components) {
    if (rom.module("init") == null) {
      log.error("ROM module \"init\" not present");
      return;
    }
    Optional<Component> code = components.lookup("init");
    if (code.isEmpty()) {
      log.error("ROM module \"init\" is no known component (known: " + components.names() + ")");
      return;
    }
    RamQuota ram = RamQuota.of(Math.max(0, accounts.ram().avail().value() - RAM_RESERVE.value()));
    CapQuota caps = CapQuota.of(Math.max(0, accounts.caps().avail().value() - CAP_RESERVE.value()));
    console.accept((ram.value() >> 20) + " MiB RAM and " + caps.value() + " caps assigned to init");
    Map<String, SessionRequest> initial = Child.initialSessions(ram, caps);
    try {
      init = Child.create("init", env, accounts, new Session.Resources(ram, caps), new InitPolicy(), initial, 0,
          code.get());
    } catch (OutOfRam | OutOfCaps | ServiceDenied e) {
      log.error("init could not be started: " + e.getMessage());
    }
  }

  /** init's policy: every request goes to the core service of its name; init's exit is logged. */
  private final class InitPolicy implements ChildPolicy {
    @Override
    public Service resolveSessionRequest(SessionRequest request) throws ServiceDenied {
      Optional<Service> s = services.lookup(request.service());
      if (s.isEmpty()) {
        log.warning(request.label() + ": no core service \"" + request.service() + "\"");
        throw new ServiceDenied("no core service \"" + request.service() + "\"");
      }
      return s.get();
    }

    @Override
    public void prepareEventWindow(Child child, long window) {
      page(child, window);
    }

    @Override
    public void exited(Child child, int exitValue) {
      synchronized (Core.this) {
        initExitValue = exitValue;
      }
      console.accept("child \"" + child.name() + "\" exited with exit value " + exitValue);
    }
  }

  /**
   * Makes core's pager the pager of {@code child} (a child of core's root task whose initial PD session is
   * core's): installs the page-fault portal of its address space in the child's initial event window, whose
   * first selector in core is {@code window}. Faults then resolve through the address space's region map.
   */
  public void page(Child child, long window) {
    Capability<Object> session = child.initialSession(Parent.ENV_PD);
    if (session == null) {
      return;
    }
    if (pd.lookupSession(session) instanceof PdRoot.Component c) {
      pager.installFor(window + Event.PAGE_FAULT, c.addressSpaceComponent());
    }
  }

  /** Returns core's environment. */
  public Env env() {
    return env;
  }

  /** Returns core's quota accounts, the reference of init's. */
  public QuotaAccounts accounts() {
    return accounts;
  }

  /** Returns core's services by name. */
  public ServiceRegistry services() {
    return services;
  }

  /** Returns the machine's memory as core manages it. */
  public PhysicalMemory memory() {
    return memory;
  }

  /** Returns core's pager. */
  public Pager pager() {
    return pager;
  }

  /** Returns init, if it was started. */
  public Optional<Child> init() {
    return Optional.ofNullable(init);
  }

  /** Returns init's exit value, or null while it has not exited. */
  public synchronized @Nullable Integer initExitValue() {
    return initExitValue;
  }
}
