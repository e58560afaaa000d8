package io.github.genova.genode.base.root;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionArgsException;
import io.github.genova.genode.base.session.ServiceDenied;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A server's root for sessions of type {@code S} (Genode's {@code Root_component}): before creating a
 * session it deducts the session object's own cost from the donated {@code ram_quota} and {@code cap_quota}
 * (refusing with {@link InsufficientRamQuota} / {@link InsufficientCapQuota} when the donation does not
 * cover it, and logging an error naming both amounts, as Genode's root does), hands the rest of the arguments
 * to {@link #createSession}, and serves the session object at its entrypoint. Closing a session dissolves it.
 *
 * <p>Core, whose services the parent pays by moving the donation into core-local server accounts, creates
 * its roots with those accounts: the session's cost is charged to them and given back on close, so the
 * parent can return the donation to the client. A server outside core has no such accounts — the parent
 * moved the donation to the accounts of the server's own PD session, from which the session's state is
 * allocated — so its roots only check the donation against the session's cost.
 *
 * @param <S> the session interface
 */
public abstract class RootComponent<S> implements Root {
  private record Entry<S>(S session, RpcEntrypoint ep) {}

  private final RpcEntrypoint ep;
  private final Class<S> type;
  /** Where core charges a session's cost; null for a server outside core, which only checks the donation. */
  private final @Nullable QuotaAccounts serverAccounts;
  private final Session.Resources sessionCost;
  private final Log log;
  /** Sessions by selector of their capability; looked up only, never iterated in an order that matters. */
  private final Map<Long, Entry<S>> sessions = new HashMap<>();

  /**
   * Creates the root of sessions of {@code type} served by {@code ep} in core, charging each session's cost
   * to {@code serverAccounts}.
   *
   * @param serverAccounts the server's accounts, where parents move the donations of its sessions
   * @param sessionRam what one session object costs the server in RAM
   * @param sessionCaps what one session object costs the server in capabilities
   * @param log where refused requests are reported
   */
  protected RootComponent(RpcEntrypoint ep, Class<S> type, QuotaAccounts serverAccounts, RamQuota sessionRam,
      CapQuota sessionCaps, Log log) {
    this(ep, type, new Session.Resources(sessionRam, sessionCaps), serverAccounts, log);
  }

  /**
   * Creates the root of sessions of {@code type} served by {@code ep} in a server outside core: a request
   * whose donation does not cover {@code sessionRam} and {@code sessionCaps} is refused, nothing is charged
   * locally.
   *
   * @param sessionRam what one session costs the server in RAM
   * @param sessionCaps what one session costs the server in capabilities
   * @param log where refused requests are reported
   */
  protected RootComponent(RpcEntrypoint ep, Class<S> type, RamQuota sessionRam, CapQuota sessionCaps, Log log) {
    this(ep, type, new Session.Resources(sessionRam, sessionCaps), null, log);
  }

  private RootComponent(RpcEntrypoint ep, Class<S> type, Session.Resources sessionCost,
      @Nullable QuotaAccounts serverAccounts, Log log) {
    this.ep = ep;
    this.type = type;
    this.serverAccounts = serverAccounts;
    this.sessionCost = sessionCost;
    this.log = log;
  }

  /**
   * Creates the session object for {@code args}.
   *
   * @param args the arguments, {@code ram_quota} and {@code cap_quota} rewritten to what is left after the
   *     session object's cost
   * @throws ServiceDenied if the server offers no such session
   * @throws InsufficientRamQuota if what is left does not cover what the session needs besides its object
   */
  protected abstract S createSession(SessionArgs args)
      throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota;

  /** Frees what {@code session} holds; called after it is no longer served. */
  protected void destroySession(S session) {}

  /** Adds {@code resources} to {@code session} (an upgrade); the default keeps them in the server's account. */
  protected void upgradeSession(S session, Session.Resources resources) {}

  /**
   * Returns the entrypoint to serve {@code session} at; the root's own by default. A session whose calls
   * block in the server (an IRQ session waiting for its interrupt) gets one of its own.
   */
  protected RpcEntrypoint entrypointFor(S session) {
    return ep;
  }

  /** Returns the entrypoint that serves the sessions. */
  protected final RpcEntrypoint ep() {
    return ep;
  }

  /** Returns the log refused requests are reported to. */
  protected final Log log() {
    return log;
  }

  @Override
  public final Capability<Object> session(String argsText)
      throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota {
    SessionArgs args;
    Session.Resources remaining;
    try {
      args = SessionArgs.parse(argsText);
      remaining = Session.Resources.from(args).deduct(sessionCost.ramQuota(), sessionCost.capQuota());
    } catch (SessionArgsException e) {
      log.warning("malformed session arguments: " + e.getMessage());
      throw new ServiceDenied(String.valueOf(e.getMessage()));
    } catch (InsufficientRamQuota | InsufficientCapQuota e) {
      // The amounts do not travel back to the client: the server's log is where they can be read.
      log.error(type.getSimpleName() + " refused: " + e.getMessage());
      throw e;
    }
    charge();
    S session;
    try {
      session = createSession(remaining.applyTo(args));
    } catch (ServiceDenied | InsufficientRamQuota | InsufficientCapQuota e) {
      refund();
      throw e;
    } catch (RuntimeException e) {
      // A server's failure to create one session must not end its entrypoint (and all other sessions).
      refund();
      log.error("creating a session failed: " + e);
      throw new ServiceDenied("the server failed: " + e);
    }
    RpcEntrypoint sessionEp = entrypointFor(session);
    Capability<S> cap = sessionEp.manage(type, session);
    synchronized (sessions) {
      sessions.put(cap.selector(), new Entry<>(session, sessionEp));
    }
    return cap.cast();
  }

  @Override
  public final void upgrade(Capability<Object> cap, String argsText) {
    Entry<S> e = lookup(cap);
    if (e == null) {
      return;
    }
    try {
      upgradeSession(e.session(), Session.Resources.from(SessionArgs.parse(argsText)));
    } catch (SessionArgsException x) {
      log.warning("malformed upgrade arguments: " + x.getMessage());
    }
  }

  @Override
  public final void close(Capability<Object> cap) {
    Entry<S> e;
    synchronized (sessions) {
      e = sessions.remove(cap.selector());
    }
    if (e == null) {
      return;
    }
    e.ep().dissolve(e.session());
    destroySession(e.session());
    refund();
  }

  /** Returns the session object {@code cap} names, or null if it is not a session of this root. */
  public final @Nullable S lookupSession(Capability<?> cap) {
    Entry<S> e = lookup(cap);
    return e == null ? null : e.session();
  }

  /** Returns the number of open sessions. */
  public final int sessionCount() {
    synchronized (sessions) {
      return sessions.size();
    }
  }

  private @Nullable Entry<S> lookup(Capability<?> cap) {
    synchronized (sessions) {
      return sessions.get(cap.selector());
    }
  }

  private void charge() throws InsufficientRamQuota, InsufficientCapQuota {
    QuotaAccounts accounts = serverAccounts;
    if (accounts == null) {
      return;
    }
    try {
      accounts.ram().withdraw(sessionCost.ramQuota());
    } catch (OutOfRam e) {
      throw new InsufficientRamQuota(accounts.ram().avail(), sessionCost.ramQuota());
    }
    try {
      accounts.caps().withdraw(sessionCost.capQuota());
    } catch (OutOfCaps e) {
      accounts.ram().replenish(sessionCost.ramQuota());
      throw new InsufficientCapQuota(accounts.caps().avail(), sessionCost.capQuota());
    }
  }

  private void refund() {
    QuotaAccounts accounts = serverAccounts;
    if (accounts == null) {
      return;
    }
    accounts.caps().replenish(sessionCost.capQuota());
    accounts.ram().replenish(sessionCost.ramQuota());
  }
}
