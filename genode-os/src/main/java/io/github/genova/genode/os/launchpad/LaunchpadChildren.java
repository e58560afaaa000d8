package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.Session;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * launchpad as a parent: the children it started, each with the RAM and capabilities its launcher gave it,
 * moved out of launchpad's own accounts (what its PD session held when launchpad started). Each child gets
 * initial LOG and PD sessions (see {@link Child#initialSessions}) and an entrypoint of launchpad's for its
 * parent calls; its requests are routed by a {@link LaunchpadChildPolicy}. Donations of requests launchpad
 * passes on to its parent go through launchpad's accounts to an account of their own, so launchpad's free RAM
 * drops by exactly the quota of each child it starts and {@link #kill} gives exactly that back: the child's
 * sessions are closed (their donations return), its PD is destroyed, its accounts closed into launchpad's.
 *
 * <p>Every change is logged with launchpad's figures, as {@code child "testnit" started with 512K; 15360K of
 * 15872K free} and {@code child "testnit" killed; 15872K of 15872K free}; an exit (a crash reports -1) as
 * Genode's init reports it, {@code child "x" exited with exit value N}, followed by {@code child "x" removed;
 * ...} once the child is torn down. Not thread-safe: one thread of launchpad's starts, kills and {@link
 * #reap}s; children report exits on theirs.
 */
final class LaunchpadChildren {
  /**
   * A running child.
   *
   * @param name its unique name
   * @param ramQuota the RAM it got
   * @param child the parent's side of it
   * @param ep the entrypoint that serves its parent calls
   */
  record Running(String name, long ramQuota, Child child, RpcEntrypoint ep) {}

  /** An exit a child reported, waiting for launchpad's thread. */
  private record Exit(Child child, int exitValue) {}

  private final Env env;
  private final Log log;
  private final ComponentRegistry components;
  private final QuotaAccounts accounts;
  private final QuotaAccounts upstream;
  private final long totalRam;
  private final SiblingServices siblings = new SiblingServices();
  private final List<Running> running = new ArrayList<>();
  private final List<Exit> exits = new ArrayList<>();

  /** Creates launchpad's side of its children, finding their binaries in {@code components}. */
  LaunchpadChildren(Env env, ComponentRegistry components) {
    this.env = env;
    this.log = env.log();
    this.components = components;
    PdSession pd = env.pdSession();
    this.accounts = QuotaAccounts.of("launchpad", RamQuota.of(pd.ramQuota() - pd.usedRam()),
        CapQuota.of(pd.capQuota() - pd.usedCaps()));
    this.upstream = QuotaAccounts.of("launchpad -> parent", RamQuota.NONE, CapQuota.NONE);
    upstream.referenceAccount(accounts);
    this.totalRam = accounts.ram().avail().value();
  }

  /** Returns the RAM launchpad had for children when it started. */
  long totalRam() {
    return totalRam;
  }

  /** Returns the RAM launchpad has left for children. */
  long freeRam() {
    return accounts.ram().avail().value();
  }

  /** Returns the running children, oldest first. */
  List<Running> running() {
    return List.copyOf(running);
  }

  /**
   * Starts a child of {@code launcher} with its quota and returns its name; if it cannot start (unknown
   * binary, too little quota) logs why and returns empty, launchpad's accounts as before.
   */
  Optional<String> start(Launcher launcher) {
    Optional<Component> code = components.lookup(launcher.binary());
    if (code.isEmpty()) {
      log.error("cannot start \"" + launcher.binary() + "\": no such binary");
      return Optional.empty();
    }
    Set<String> taken = new LinkedHashSet<>();
    running.forEach(r -> taken.add(r.name()));
    String name = ChildNames.unique(launcher.binary(), taken);
    RamQuota ram = RamQuota.of(launcher.ramQuota());
    CapQuota caps = CapQuota.of(launcher.caps());
    LaunchpadChildPolicy policy = new LaunchpadChildPolicy(name, launcher, env, accounts, upstream, siblings,
        this::exited);
    RpcEntrypoint ep = new RpcEntrypoint(env.pd(), "child " + name, env.cpu());
    try {
      Child child = Child.create(name, env, accounts, new Session.Resources(ram, caps), policy,
          Child.initialSessions(ram, caps), env.cpu(), code.get(), ep);
      running.add(new Running(name, ram.value(), child, ep));
    } catch (OutOfRam | OutOfCaps | ServiceDenied | IllegalStateException e) {
      // IllegalStateException: the kernel refused the child's PD, EC or SC (launchpad's own quota is spent)
      ep.close();
      log.error("cannot start \"" + name + "\" with " + QuotaBar.label(ram.value()) + ": " + e.getMessage()
          + "; " + figures());
      return Optional.empty();
    }
    log.log("child \"" + name + "\" started with " + QuotaBar.label(ram.value()) + "; " + figures());
    return Optional.of(name);
  }

  /** Kills the running child {@code name}; returns false if there is none of that name. */
  boolean kill(String name) {
    for (Running r : running) {
      if (r.name().equals(name)) {
        tearDown(r);
        log.log("child \"" + name + "\" killed; " + figures());
        return true;
      }
    }
    return false;
  }

  /** Tears down the children that reported their exit since the last call; returns whether there were any. */
  boolean reap() {
    List<Exit> reported;
    synchronized (exits) {
      reported = List.copyOf(exits);
      exits.clear();
    }
    for (Exit e : reported) {
      for (Running r : running) {
        if (r.child() == e.child()) {
          log.log("child \"" + r.name() + "\" exited with exit value " + e.exitValue());
          tearDown(r);
          log.log("child \"" + r.name() + "\" removed; " + figures());
          break;
        }
      }
    }
    return !reported.isEmpty();
  }

  private void exited(Child child, int exitValue) {
    synchronized (exits) {
      exits.add(new Exit(child, exitValue));
    }
  }

  private void tearDown(Running r) {
    running.remove(r);
    siblings.withdraw(r.name());
    r.child().destroy();
    r.ep().close();
  }

  private String figures() {
    return QuotaBar.label(freeRam()) + " of " + QuotaBar.label(totalRam) + " free";
  }
}
