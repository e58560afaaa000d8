package io.github.genova.genode.base.child;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentLauncher;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.quota.UnrelatedAccount;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionArgsException;
import io.github.genova.genode.base.session.SessionDonation;
import io.github.genova.genode.base.session.SessionRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A child as its parent holds it (Genode's {@code Child}): its quota accounts (with the parent's as
 * reference), its PD and main thread, and the parent interface it calls, served by the parent's entrypoint.
 *
 * <p>A session request ({@link #session}) prefixes the label with the child's name, moves the donated
 * {@code ram_quota} and {@code cap_quota} from the child through the parent to the server's accounts,
 * resolves the service through the {@link ChildPolicy} and asks the server; any failure returns the
 * donation, so the accounts end as they began. Closing a session moves the donation back. The child's
 * initial sessions (opened at creation, see {@link Parent#ENV_LOG}) cannot be closed by the child.
 * {@link #destroy()} closes every session, kills the PD and returns the child's quota to the parent.
 */
public final class Child implements Parent {
  /** A session the child holds: where it was routed and what it donated. */
  private record SessionRecord(Service service, Session.Resources donated, boolean initial) {}

  private final String name;
  private final Env parentEnv;
  private final QuotaAccounts parentAccounts;
  private final QuotaAccounts accounts;
  private final ChildPolicy policy;
  private final RpcEntrypoint parentEp;
  private final Log log;
  /** Open sessions by the parent's selector of their capability, in the order they were opened. */
  private final Map<Long, SessionRecord> sessions = new LinkedHashMap<>();
  private final Map<String, Capability<Object>> initialSessions = new LinkedHashMap<>();
  private final Map<String, Capability<Root>> announced = new LinkedHashMap<>();
  private ComponentLauncher.@Nullable Child process;
  private @Nullable Integer exitValue;
  private boolean destroyed;

  private Child(String name, Env parentEnv, QuotaAccounts parentAccounts, ChildPolicy policy,
      RpcEntrypoint parentEp) {
    this.name = name;
    this.parentEnv = parentEnv;
    this.parentAccounts = parentAccounts;
    this.accounts = QuotaAccounts.of(name, RamQuota.NONE, CapQuota.NONE);
    this.policy = policy;
    this.parentEp = parentEp;
    this.log = parentEnv.log();
  }

  /**
   * Creates and starts child {@code name}: moves {@code quota} from {@code parentAccounts} to the child's
   * new accounts, opens the {@code initialSessions} (by pseudo-service name, e.g. {@link Parent#ENV_LOG})
   * on the child's behalf, and starts {@code component} in a new PD on {@code cpu}. Called by a thread of
   * the parent. If anything fails, what was done is undone and the parent's accounts are as before.
   *
   * @throws OutOfRam if the parent cannot give the RAM
   * @throws OutOfCaps if the parent cannot give the capabilities
   * @throws ServiceDenied if an initial session cannot be opened
   */
  public static Child create(String name, Env parentEnv, QuotaAccounts parentAccounts, Session.Resources quota,
      ChildPolicy policy, Map<String, SessionRequest> initialSessions, int cpu, Component component)
      throws OutOfRam, OutOfCaps, ServiceDenied {
    return create(name, parentEnv, parentAccounts, quota, policy, initialSessions, cpu, component,
        parentEnv.ep());
  }

  /**
   * Creates and starts child {@code name} as {@link #create(String, Env, QuotaAccounts, Session.Resources,
   * ChildPolicy, Map, int, Component)} does, its parent calls served by {@code parentEp} (an entrypoint of
   * the parent's PD) instead of the parent's main entrypoint: as Genode's init gives each child its own, so
   * a call of one child that waits (a session request for a service not announced yet) keeps no other
   * child's calls out.
   *
   * @throws OutOfRam if the parent cannot give the RAM
   * @throws OutOfCaps if the parent cannot give the capabilities
   * @throws ServiceDenied if an initial session cannot be opened
   */
  public static Child create(String name, Env parentEnv, QuotaAccounts parentAccounts, Session.Resources quota,
      ChildPolicy policy, Map<String, SessionRequest> initialSessions, int cpu, Component component,
      RpcEntrypoint parentEp) throws OutOfRam, OutOfCaps, ServiceDenied {
    Child child = new Child(name, parentEnv, parentAccounts, policy, parentEp);
    child.accounts.referenceAccount(parentAccounts);
    try (SessionDonation transfer = SessionDonation.along(List.of(parentAccounts, child.accounts), quota)) {
      transfer.acknowledge();
    } catch (UnrelatedAccount e) {
      throw new IllegalStateException(e);
    }
    try {
      for (Map.Entry<String, SessionRequest> e : initialSessions.entrySet()) {
        SessionRequest r = e.getValue();
        child.initialSessions.put(e.getKey(), child.open(r.service(), r.args(), true));
      }
      child.process = new ComponentLauncher(parentEnv, line -> { }).start(name, cpu, child, parentEp, component,
          window -> policy.prepareEventWindow(child, window));
    } catch (ServiceDenied | RuntimeException e) {
      child.closeSessions();
      child.accounts.close();
      throw e;
    } catch (OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      child.closeSessions();
      child.accounts.close();
      throw new ServiceDenied("initial session of \"" + name + "\": " + e.getMessage());
    }
    return child;
  }

  /** What a child's initial LOG session donates: the cost of a LOG session at core. */
  public static final String INITIAL_LOG_ARGS = "ram_quota=8K, cap_quota=2";

  /**
   * Returns the initial sessions a parent opens for a child of quota {@code ram} and {@code caps}, by
   * pseudo-service name in the order they are opened: LOG ({@link Parent#ENV_LOG}, donating {@link
   * #INITIAL_LOG_ARGS}) and PD ({@link Parent#ENV_PD}, donating {@link #initialPdArgs}).
   */
  public static Map<String, SessionRequest> initialSessions(RamQuota ram, CapQuota caps) {
    Map<String, SessionRequest> initial = new LinkedHashMap<>();
    initial.put(Parent.ENV_LOG, SessionRequest.of(LogSession.SERVICE_NAME, SessionArgs.parse(INITIAL_LOG_ARGS)));
    initial.put(Parent.ENV_PD, SessionRequest.of(PdSession.SERVICE_NAME, initialPdArgs(ram, caps)));
    return initial;
  }

  /**
   * Returns the donation of a child's initial PD session, given the child's whole quota: half its RAM (whole
   * pages) and half its capabilities, the budget of its own dataspaces and kernel objects; the other half
   * stays in the child's accounts to pay the donations of its other sessions. (Genode moves the whole quota
   * into the PD session and pays donations out of it with {@code transfer_quota}, which our PD service does
   * not offer.)
   */
  public static SessionArgs initialPdArgs(RamQuota ram, CapQuota caps) {
    return SessionArgs.parse("ram_quota=" + (ram.value() / 2 & -4096L) + ", cap_quota=" + caps.value() / 2);
  }

  /**
   * Asks the child's initial PD session for its pager and receives the portal right at the page-fault slot
   * of the child's event window, whose first selector in the parent is {@code window}: the PD service (core)
   * then pages the child's threads through the session's address space. A child without a PD session runs
   * unpaged. Called by a thread of the parent before the child runs; the parent must not itself be the PD
   * service (its own portal would come back translated to where it already is).
   *
   * @throws IllegalStateException if the PD session has no capability left for the portal
   */
  public void requestPager(long window) {
    Capability<Object> pd = initialSessions.get(Parent.ENV_PD);
    if (pd == null) {
      return;
    }
    PdSession session = RpcInterface.of(PdSession.class).client(pd.<PdSession>cast());
    boolean placed;
    try {
      placed = NativeThread.current().receiveAt(window + NativePd.PT_SEL_PAGE_FAULT, session::pager);
    } catch (OutOfCaps e) {
      throw new IllegalStateException("the PD session of \"" + name + "\" has no capability left for its pager", e);
    }
    if (!placed) {
      throw new IllegalStateException("the pager of \"" + name + "\" did not arrive at its event window: a parent"
          + " that is the PD service itself installs its pager directly");
    }
  }

  /** Returns the child's name. */
  public String name() {
    return name;
  }

  /** Returns the child's accounts, whose reference is the parent's. */
  public QuotaAccounts accounts() {
    return accounts;
  }

  /** Returns the parent's log. */
  public Log log() {
    return log;
  }

  /** Returns the capability of initial session {@code envName} (e.g. {@link Parent#ENV_PD}), or null. */
  public synchronized @Nullable Capability<Object> initialSession(String envName) {
    return initialSessions.get(envName);
  }

  /** Returns the exit value the child reported, or null while it runs. */
  public synchronized @Nullable Integer exitValue() {
    return exitValue;
  }

  /** Returns the number of sessions the child holds, initial ones included. */
  public synchronized int sessionCount() {
    return sessions.size();
  }

  /** Returns the roots the child announced, by service name. */
  public synchronized Map<String, Capability<Root>> announced() {
    return Map.copyOf(announced);
  }

  @Override
  public void exit(int value) {
    synchronized (this) {
      if (exitValue != null) {
        return;
      }
      exitValue = value;
    }
    policy.exited(this, value);
  }

  @Override
  public void announce(String service, Capability<Root> root) {
    synchronized (this) {
      announced.put(service, root);
    }
    policy.announce(this, service, root);
  }

  @Override
  public Capability<Object> session(String service, String args)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    synchronized (this) {
      Capability<Object> initial = initialSessions.get(service);
      if (initial != null) {
        return initial;
      }
    }
    SessionArgs parsed;
    try {
      parsed = SessionArgs.parse(args);
    } catch (SessionArgsException e) {
      log.warning(name + ": malformed arguments for " + service + " session: " + e.getMessage());
      throw new ServiceDenied(String.valueOf(e.getMessage()));
    }
    return open(service, parsed, false);
  }

  private Capability<Object> open(String service, SessionArgs args, boolean initial)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    SessionRequest request;
    Session.Resources donated;
    try {
      request = SessionRequest.of(service, args).prefixedBy(name);
      donated = request.resources();
    } catch (IllegalArgumentException e) { // SessionArgsException among them
      log.warning(name + ": malformed " + service + " session request: " + e.getMessage());
      throw new ServiceDenied(String.valueOf(e.getMessage()));
    }
    Service target = policy.resolveSessionRequest(request);
    try (SessionDonation donation = SessionDonation.along(path(target, false), donated)) {
      Capability<Object> cap = target.session(request.args());
      donation.acknowledge();
      synchronized (this) {
        sessions.put(cap.selector(), new SessionRecord(target, donated, initial));
      }
      return cap;
    } catch (UnrelatedAccount e) {
      throw new ServiceDenied("no quota path from \"" + name + "\" to " + service + ": " + e.getMessage());
    }
  }

  @Override
  public void upgrade(Capability<Object> session, String args) throws OutOfRam, OutOfCaps {
    SessionRecord r;
    synchronized (this) {
      r = sessions.get(session.selector());
    }
    if (r == null) {
      parentEp.discardArgument(session);
      return;
    }
    SessionArgs parsed;
    Session.Resources extra;
    try {
      parsed = SessionArgs.parse(args);
      extra = Session.Resources.from(parsed);
    } catch (SessionArgsException e) {
      log.warning(name + ": malformed upgrade arguments: " + e.getMessage());
      return;
    }
    try (SessionDonation donation = SessionDonation.along(path(r.service(), false), extra)) {
      r.service().upgrade(session, parsed);
      donation.acknowledge();
    } catch (UnrelatedAccount e) {
      throw new IllegalStateException(e);
    }
    synchronized (this) {
      sessions.put(session.selector(), new SessionRecord(r.service(), new Session.Resources(
          RamQuota.of(r.donated().ramQuota().value() + extra.ramQuota().value()),
          CapQuota.of(r.donated().capQuota().value() + extra.capQuota().value())),
          r.initial()));
    }
  }

  @Override
  public void close(Capability<Object> session) {
    SessionRecord r;
    synchronized (this) {
      r = sessions.get(session.selector());
      if (r == null || r.initial()) {
        if (r != null) {
          log.warning(name + ": an initial session cannot be closed");
        } else {
          parentEp.discardArgument(session);
        }
        return;
      }
      sessions.remove(session.selector());
    }
    closeAtServer(session, r);
  }

  private void closeAtServer(Capability<Object> session, SessionRecord r) {
    try {
      r.service().close(session);
    } catch (RuntimeException e) { // IpcError: the server is gone, and the donation with its accounts
      log.warning(name + ": the server of " + r.service().name() + " is gone; its donation is lost");
      return;
    }
    try (SessionDonation back = SessionDonation.along(path(r.service(), true), r.donated())) {
      back.acknowledge();
    } catch (OutOfRam | OutOfCaps | UnrelatedAccount | IllegalStateException e) {
      log.warning("misbehaving server of " + r.service().name() + ": the donation of \"" + name
          + "\" did not come back: " + e.getMessage());
    }
  }

  /** The accounts a donation passes: child, parent (unless it is the server), server; or the reverse. */
  private List<QuotaAccounts> path(Service service, boolean back) {
    List<QuotaAccounts> path = new ArrayList<>(List.of(accounts, parentAccounts));
    if (!service.accounts().equals(parentAccounts)) {
      path.add(service.accounts());
    }
    return back ? path.reversed() : path;
  }

  private void closeSessions() {
    List<Map.Entry<Long, SessionRecord>> open;
    synchronized (this) {
      open = new ArrayList<>(sessions.entrySet());
      sessions.clear();
      initialSessions.clear();
    }
    for (Map.Entry<Long, SessionRecord> e : open.reversed()) {
      closeAtServer(Capability.of(e.getKey()), e.getValue());
    }
  }

  /**
   * Destroys the child: kills its PD and threads, closes every session it holds (initial ones too), and
   * returns its quota to the parent. Called by a thread of the parent (never from the child's own call);
   * destroying twice has no effect.
   */
  public void destroy() {
    synchronized (this) {
      if (destroyed) {
        return;
      }
      destroyed = true;
    }
    ComponentLauncher.Child p = process;
    if (p != null) {
      new ComponentLauncher(parentEnv, line -> { }).kill(p, parentEp, this);
    }
    closeSessions();
    accounts.close();
  }

  @Override
  public String toString() {
    return "child \"" + name + "\"";
  }
}
