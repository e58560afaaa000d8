package io.github.genova.genode.os.test.capintegrity;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Perm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One {@link TargetSession} at the {@link TargetServer}: the targets it created, by the server's selector of
 * each (their portal id). Served by the server's entrypoint, one call at a time.
 */
final class TargetSessionComponent implements TargetSession {
  /** A target: counts the calls that reach it. */
  private static final class Served implements Target {
    private final long id;
    private final AtomicLong dispatches;

    Served(long id, AtomicLong dispatches) {
      this.id = id;
      this.dispatches = dispatches;
    }

    @Override
    public long poke() {
      dispatches.incrementAndGet();
      return id;
    }
  }

  private final RpcEntrypoint ep;
  private final NativePd pd;
  private final Log log;
  private final AtomicLong ids;
  private final AtomicLong dispatches;
  private final Map<Long, Served> targets = new LinkedHashMap<>();

  /**
   * Creates a session whose targets {@code ep} serves, taking their ids from {@code ids} and counting their
   * calls in {@code dispatches} (both shared by the server's sessions).
   */
  TargetSessionComponent(RpcEntrypoint ep, NativePd pd, Log log, AtomicLong ids, AtomicLong dispatches) {
    this.ep = ep;
    this.pd = pd;
    this.log = log;
    this.ids = ids;
    this.dispatches = dispatches;
  }

  @Override
  public synchronized Capability<Target> create() {
    if (targets.size() >= MAX_TARGETS) {
      return Capability.invalid();
    }
    Served target = new Served(ids.incrementAndGet(), dispatches);
    Capability<Target> cap = ep.manage(Target.class, target);
    targets.put(cap.selector(), target);
    return cap;
  }

  @Override
  public synchronized long serverSelector(Capability<Target> target) {
    Served t = mine(target);
    return t == null ? -1 : target.selector();
  }

  @Override
  public long identify(Capability<Object> cap) {
    if (!cap.valid()) {
      return ARRIVED_INVALID;
    }
    Object local = ep.apply(cap);
    if (local instanceof Served t) {
      return t.id;
    }
    if (local == null && NativeThread.current().msgbuf().consumed() != 0) {
      pd.release(cap); // delegated to us just now: a capability of somebody else's we have no use for
    }
    return NOT_A_TARGET;
  }

  @Override
  public synchronized boolean revoke(Capability<Target> target) {
    Served t = mine(target);
    if (t == null) {
      return false;
    }
    NativeThread.current().gate().revoke(Crd.object(target.selector(), 0, Perm.ALL), false);
    log.log("revoked target " + t.id + " from everyone it was handed to; it is still served");
    return true;
  }

  @Override
  public synchronized boolean dissolve(Capability<Target> target) {
    Served t = mine(target);
    if (t == null) {
      return false;
    }
    targets.remove(target.selector());
    ep.dissolve(t);
    log.log("dissolved target " + t.id);
    return true;
  }

  @Override
  public synchronized int targets() {
    return targets.size();
  }

  @Override
  public long dispatches() {
    return dispatches.get();
  }

  /** Dissolves every target of the session (it is being closed). */
  synchronized void dissolveAll() {
    List<Served> all = new ArrayList<>(targets.values());
    targets.clear();
    for (Served t : all) {
      ep.dissolve(t);
    }
    if (!all.isEmpty()) {
      log.log("session closed: dissolved its " + all.size() + " target(s)");
    }
  }

  /** Returns the target of this session {@code cap} names here, or null. */
  private @Nullable Served mine(Capability<Target> cap) {
    Served t = targets.get(cap.selector());
    return cap.valid() && t != null && ep.apply(cap) == t ? t : null;
  }
}
