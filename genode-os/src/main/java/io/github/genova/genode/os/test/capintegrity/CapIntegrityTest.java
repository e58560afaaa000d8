package io.github.genova.genode.os.test.capintegrity;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.IpcError;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.nova.api.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The capability-integrity test ({@code test-cap-integrity}): with a session of the {@link TargetServer}, a
 * sibling under init, it proves that capabilities are what the kernel says they are, and nothing a component
 * makes up:
 *
 * <ul>
 *   <li><b>forged</b> — selectors the component was never given (seeded guesses, the next free block of its
 *       own allocator, the number the server uses for a target) reach nothing, both as raw calls (BAD_CAP) and
 *       as {@link Capability} values built from the number ({@code Ipc_error}); sent as an RPC argument such a
 *       capability arrives invalid; a delegated capability, or the parent capability, cannot be re-imprinted
 *       with another portal id;
 *   <li><b>stale</b> — a target after the server dissolved it (also once the server reused its selector for a
 *       new target) and a session with its targets after the session was closed;
 *   <li><b>revoked</b> — a target the server revoked from its holders while still serving it: later calls fail,
 *       and sent back it no longer resolves to the server's object, while a valid one does;
 *   <li>and the server keeps answering through the capabilities that are valid.
 * </ul>
 *
 * <p>Every attempt logs what was tried and what happened; before each refusal the same code path is shown to
 * work with a valid capability. At the server, the number of calls that ran its code must match exactly the
 * valid calls. Ends with {@code --- finished capability integrity test ---} and exit value 0, or logs {@code
 * Error: ...} and exits with -1 at the first check that fails.
 */
public final class CapIntegrityTest implements Component {
  /** The seed of the guessed selectors. */
  public static final long SEED = 0x1405;
  /** How many selectors are guessed. */
  public static final int GUESSES = 8;
  /** The session arguments of each Target session. */
  public static final String SESSION_ARGS = "ram_quota=8K, cap_quota=4";

  /** A check that failed: its message is the error line. */
  private static final class CheckFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailed(String message) {
      super(message);
    }
  }

  /** Creates the test. */
  public CapIntegrityTest() {}

  @Override
  public void construct(Env env) {
    Log log = env.log();
    log.log("--- capability integrity test ---");
    try (Connection<TargetSession> session = open(env, "main")) {
      new Checks(env, session.session()).run();
    } catch (CheckFailed e) {
      log.error(String.valueOf(e.getMessage()));
      env.parentInterface().exit(-1);
      return;
    }
    log.log("--- finished capability integrity test ---");
    env.parentInterface().exit(0);
  }

  private static Connection<TargetSession> open(Env env, String label) {
    try {
      return new Connection<>(env, TargetSession.class, TargetSession.SERVICE_NAME,
          SessionArgs.parse("label=\"" + label + "\", " + SESSION_ARGS));
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      throw new CheckFailed("no " + TargetSession.SERVICE_NAME + " session \"" + label + "\": " + e);
    }
  }

  private static void check(boolean ok, String failure) {
    if (!ok) {
      throw new CheckFailed(failure);
    }
  }

  private static String hex(long selector) {
    return "0x" + Long.toHexString(selector);
  }

  /** The checks, in order, against one session of the server. */
  private static final class Checks {
    private final Env env;
    private final Log log;
    private final TargetSession server;
    private final CapabilityProbe probe = new CapabilityProbe();
    private final List<Long> guessed = new ArrayList<>();
    /** The target calls that ran server code, as far as this test made valid ones. */
    private long dispatched;

    Checks(Env env, TargetSession server) {
      this.env = env;
      this.log = env.log();
      this.server = server;
    }

    void run() {
      Capability<Target> first = create();
      long firstId = answers(first, "valid: target through my " + first);
      forgedGuesses();
      forgedPastMyAllocations();
      forgedSiblingSelector(first, firstId);
      forgedArgument(first, firstId);
      Capability<Target> second = create();
      long secondId = answers(second, "valid: target through my " + second);
      forgedPortalIds(first, firstId, second, secondId);
      long secondAtServer = staleDissolved(second, secondId);
      Capability<Target> third = staleAfterReuse(second, secondId, secondAtServer);
      staleSession();
      revoked(third);
      long again = answers(first, "sibling: still up, target through my " + first);
      check(again == firstId, "target " + firstId + " answered as target " + again);
      log.log("sibling: " + dispatched + " target calls ran server code, each through a valid capability");
    }

    // --- forged ---

    private void forgedGuesses() {
      SplittableRandom random = new SplittableRandom(SEED);
      while (guessed.size() < GUESSES) {
        long selector = random.nextLong(Env.FIRST_FREE_SELECTOR, Env.SELECTORS);
        if (probe.holds(selector)) {
          log.log("forged: guessed selector " + hex(selector) + " names a capability of mine, not tried");
          continue;
        }
        refused(selector, "forged: guessed selector " + hex(selector) + ", never given to me");
        guessed.add(selector);
      }
    }

    private void forgedPastMyAllocations() {
      int order = NativeThread.RECEIVE_WINDOW_ORDER;
      long block = env.pd().selectors().alloc(order);
      env.pd().selectors().free(block, order);
      for (long selector = block; selector < block + (1L << order); selector++) {
        check(!probe.holds(selector), "selector " + hex(selector) + " is free in my allocator but holds a capability");
        refused(selector, "forged: selector " + hex(selector) + " of my allocator's next free block");
      }
    }

    private void forgedSiblingSelector(Capability<Target> target, long id) {
      long theirs = server.serverSelector(target);
      check(theirs >= 0, "the server does not know its target " + id);
      String what = "forged: selector " + hex(theirs) + ", the server's own name of target " + id;
      if (probe.holds(theirs)) {
        // Local names: here the number names a capability of mine, so calling it would be no forgery.
        log.log(what + ", names a capability of mine here as well, not tried");
        return;
      }
      refused(theirs, what);
    }

    private void forgedArgument(Capability<Target> target, long id) {
      long forged = guessed.get(0);
      expectIdentified(Capability.of(forged), TargetSession.ARRIVED_INVALID,
          "forged: cap(" + hex(forged) + ") built from a guessed number, sent to the server");
      expectIdentified(target.cast(), id, "valid: my " + target + " sent back to the server");
      Capability<Object> semaphore = Capability.of(env.pd().createSemaphore(0));
      expectIdentified(semaphore, TargetSession.NOT_A_TARGET, "valid: my semaphore " + semaphore
          + " sent to the server");
      env.pd().release(semaphore);
    }

    private void forgedPortalIds(Capability<Target> first, long firstId, Capability<Target> second,
        long secondId) {
      long theirs = server.serverSelector(second);
      Status s = NativeThread.current().gate().ptCtrl(first.selector(), theirs);
      log.log("forged: re-imprinting my " + first + " of target " + firstId + " with portal id " + hex(theirs)
          + ", the server's name of target " + secondId + " -> pt_ctrl " + s);
      check(s == Status.BAD_CAP, "a delegated capability could be re-imprinted: pt_ctrl " + s);
      long id = answers(first, "valid: target through my " + first + " after that");
      check(id == firstId, "my capability of target " + firstId + " now reaches target " + id);
      s = NativeThread.current().gate().ptCtrl(NativePd.PT_SEL_PARENT, 0);
      log.log("forged: re-imprinting my parent capability " + hex(NativePd.PT_SEL_PARENT)
          + " with portal id 0 -> pt_ctrl " + s);
      check(s == Status.BAD_CAP, "the parent capability could be re-imprinted: pt_ctrl " + s);
    }

    // --- stale ---

    /** Has the server dissolve {@code target}; returns the server's selector it had. */
    private long staleDissolved(Capability<Target> target, long id) {
      long theirs = server.serverSelector(target);
      int before = server.targets();
      check(server.dissolve(target), "the server did not dissolve target " + id);
      check(server.targets() == before - 1, "the server still serves " + server.targets() + " targets");
      refused(target.selector(), "stale: my " + target + " of target " + id + " after the server dissolved it");
      expectIdentified(target.cast(), TargetSession.ARRIVED_INVALID,
          "stale: my " + target + " of dissolved target " + id + " sent to the server");
      return theirs;
    }

    /** Creates a target after {@code stale} was dissolved; {@code stale} must not reach it. */
    private Capability<Target> staleAfterReuse(Capability<Target> stale, long staleId, long staleAtServer) {
      Capability<Target> next = create();
      long id = answers(next, "valid: target through my " + next);
      long theirs = server.serverSelector(next);
      log.log("stale: the server names target " + id + " " + hex(theirs)
          + (theirs == staleAtServer ? ", as it named dissolved target " + staleId : ""));
      refused(stale.selector(), "stale: my " + stale + " of dissolved target " + staleId + " after that");
      return next;
    }

    private void staleSession() {
      TargetSession closed;
      Capability<TargetSession> session;
      Capability<Target> orphan;
      long orphanId;
      try (Connection<TargetSession> connection = open(env, "stale")) {
        closed = connection.session();
        session = connection.cap();
        orphan = closed.create();
        check(orphan.valid(), "the server created no target in session \"stale\"");
        orphanId = answers(orphan, "valid: target of session \"stale\" through my " + orphan);
      }
      log.log("stale: closed session \"stale\" through my parent");
      try {
        int n = closed.targets();
        throw new CheckFailed("the closed session " + session + " still answered (" + n + " targets)");
      } catch (IpcError e) {
        log.log("stale: my " + session + " of the closed session, through its client -> Ipc_error");
      }
      refused(session.selector(), "stale: my " + session + " of the closed session");
      refused(orphan.selector(), "stale: my " + orphan + " of target " + orphanId + " of the closed session");
    }

    // --- revoked ---

    private void revoked(Capability<Target> target) {
      long id = answers(target, "valid: target through my " + target);
      expectIdentified(target.cast(), id, "valid: my " + target + " sent back to the server");
      int before = server.targets();
      check(server.revoke(target), "the server did not revoke target " + id);
      refused(target.selector(), "revoked: my " + target + " of target " + id + " after the server revoked it");
      expectIdentified(target.cast(), TargetSession.ARRIVED_INVALID,
          "revoked: my " + target + " of target " + id + " sent back to the server");
      int after = server.targets();
      log.log("revoked: the server still serves target " + id + " (" + after + " targets)");
      check(after == before, "the server serves " + after + " targets instead of " + before);
    }

    // --- the building blocks ---

    private Capability<Target> create() {
      Capability<Target> cap = server.create();
      check(cap.valid(), "the server created no target");
      return cap;
    }

    /** Pokes through a valid capability: both ways must reach the same target; returns its id. */
    private long answers(Capability<Target> cap, String what) {
      CapabilityProbe.Poke p = probe.poke(cap);
      log.log(what + " -> " + p);
      long id = p.raw().orElse(-1);
      check(p.answeredBy(id), what + " was not answered by one target: " + p);
      dispatched += 2;
      expectDispatches(what);
      return id;
    }

    /** Pokes through {@code selector}: both ways must be refused, and no server code may run. */
    private void refused(long selector, String what) {
      CapabilityProbe.Poke p = probe.poke(selector);
      log.log(what + " -> " + p);
      check(p.refused(), what + " was not refused: " + p);
      expectDispatches(what);
    }

    private void expectIdentified(Capability<Object> cap, long expected, String what) {
      long seen = server.identify(cap);
      log.log(what + " -> " + identified(seen));
      check(seen == expected, what + ": " + identified(seen) + " instead of " + identified(expected));
    }

    private static String identified(long id) {
      if (id == TargetSession.ARRIVED_INVALID) {
        return "arrived invalid";
      }
      return id == TargetSession.NOT_A_TARGET ? "arrived valid, names no target of the server"
          : "resolved to target " + id;
    }

    private void expectDispatches(String what) {
      long ran = server.dispatches();
      check(ran == dispatched, what + ": the server ran " + ran + " target calls, " + dispatched + " were valid");
    }
  }
}
