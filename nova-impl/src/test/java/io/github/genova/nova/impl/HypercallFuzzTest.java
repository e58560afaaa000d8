package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercall;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Random hypercalls from unprivileged PDs: random numbers, flags, selectors, CRDs, QPDs, UTCB counts,
 * receive windows and typed items. Nothing may escape the kernel as an exception, and the spaces of PDs
 * the fuzzers hold no capabilities to (a victim PD and the root PD) must stay exactly as they were.
 *
 * <p>Two fuzz PDs each get a local EC (the agent), their own PD capability, semaphores, and portals to
 * both agents, so they create, delegate, translate, revoke, call each other and themselves. The root calls
 * an agent, and the agent makes a batch of hypercalls on the root's thread and time. A round ends after a
 * fixed number of hypercalls or when both agents died, and is torn down (the fuzz PDs revoke all their
 * capabilities, the root revokes what it made); the next round builds fresh fuzz PDs in the same kernel. Deterministic mode with a fixed seed: a failure repeats exactly; the seed is printed.
 */
class HypercallFuzzTest {
  private static final long ROOT_PD = 32;
  private static final int HYPERCALLS = 1_000_000;
  private static final int PER_ROUND = 25_000;
  private static final int BATCH = 500;
  /** Where each fuzz PD finds things (its selectors 0..63 are what the fuzzer aims at most). */
  private static final long OWN_PD = 0;
  private static final long OWN_PORTAL = 1;
  private static final long PEER_PORTAL = 2;
  private static final long SMS = 4;
  /** Hypercall numbers by weight: calls and creations often, revocations rarely, 0xf now and then. */
  private static final int[] NUMBERS = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 0xa,
      0xb, 0xc, 0xc, 0xc, 0xd, 0xe, 0xf};

  private final long seed = Long.getLong("genova.fuzz.seed", 0x6e6f7661L);
  private final SplittableRandom random = new SplittableRandom(seed);
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private long count;
  /** Answers by hypercall number and status code: proof that the fuzzer reaches the successful paths. */
  private final long[][] answers = new long[16][Status.values().length];
  private int depth;
  private @Nullable NovaKernel kernel;
  private long nextRootSel = 0x1000;
  private final Pd[] fuzzPds = new Pd[2];
  /** The root's portals of the fuzz PDs' helpers (this round's). */
  private final long[] helperPts = new long[2];

  /** One space entry, compared by value (objects by identity). */
  record Entry(String kind, long index, int perms, @Nullable Object object, long target) {}

  static List<Entry> snapshot(Pd pd) {
    List<Entry> entries = new ArrayList<>();
    for (CapabilitySpace.Kind kind : CapabilitySpace.Kind.values()) {
      CapabilitySpace space = pd.space(kind);
      for (MdbNode n : space.range(0, space.size())) {
        entries.add(new Entry(kind.name(), n.index, n.perms, n.object, n.target));
      }
    }
    return entries;
  }

  @Test
  void aMillionRandomHypercallsFromUnprivilegedPdsNeitherThrowNorTouchForeignSpaces() {
    System.out.println("hypercall fuzz: seed 0x" + Long.toHexString(seed) + " (set -Dgenova.fuzz.seed to repeat)");
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> failures.add("uncaught in " + t + ": " + e));
    int rounds = 0;
    int kernels = 0;
    try {
      while (count < HYPERCALLS && failures.isEmpty()) {
        rounds += fuzzOneKernel();
        kernels++;
      }
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    assertThat(failures).as(context("exceptions")).isEmpty();
    System.out.println("hypercall fuzz: " + count + " hypercalls in " + rounds + " rounds on " + kernels
        + " kernels, seed 0x" + Long.toHexString(seed));
    assertThat(count).isGreaterThanOrEqualTo(HYPERCALLS);
    // Every round is torn down, so the kernel gets its UTCB frames back: one kernel lasts the whole run.
    assertThat(kernels).as(context("kernels needed (more: destroyed ECs keep their UTCB frames)")).isEqualTo(1);
    StringBuilder table = new StringBuilder("hypercall fuzz: answers by number (");
    for (Status st : Status.values()) {
      table.append(st).append(st.code() < 8 ? " " : ")");
    }
    for (int number = 0; number < 16; number++) {
      table.append(String.format("%n  %x:", number));
      for (long c : answers[number]) {
        table.append(' ').append(c);
      }
    }
    System.out.println(table);
    // Every hypercall but REPLY (which never answers) and the assignments (no IOMMU, no interrupt SMs for
    // the fuzzers) succeeded sometimes.
    for (int number : new int[] {0x0, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xa, 0xb, 0xc}) {
      assertThat(answers[number][Status.SUCCESS.code()]).as("successes of hypercall %x", number).isPositive();
    }
  }

  /**
   * Fuzzes rounds in one kernel until the target count, or until the kernel's memory for UTCBs is used up
   * (the fuzzers create ECs without limit); returns the number of rounds.
   */
  private int fuzzOneKernel() {
    int rounds = 0;
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(2).withSeed(random.nextLong()))) {
      kernel = k;
      nextRootSel = 0x1000;
      Hypercalls root = k.attachRoot();
      Pd victim = buildVictim(k, root);
      List<Entry> victimBefore = snapshot(victim);
      long roundSelectors = nextRootSel;
      while (count < HYPERCALLS && failures.isEmpty()) {
        long @Nullable [] agents = buildFuzzWorld(root);
        if (agents == null) {
          break; // no kernel memory left for the agents' UTCBs: continue in a fresh kernel
        }
        List<Entry> rootBefore = snapshot(k.rootPd);
        long roundEnd = Math.min(HYPERCALLS, count + PER_ROUND);
        boolean[] alive = {true, true};
        while (count < roundEnd && (alive[0] || alive[1]) && failures.isEmpty()) {
          int which = random.nextInt(2);
          if (!alive[which]) {
            which = 1 - which;
          }
          root.utcb().setCounts(0, 0);
          root.utcb().setDelegateWindow(Crd.NULL);
          root.utcb().setTranslateWindow(Crd.NULL);
          long before = count;
          Status s = root.call(agents[which]);
          if (s != Status.SUCCESS || count == before) {
            alive[which] = s == Status.SUCCESS; // BAD_CPU (migrated away), TIMEOUT (dead), ABORTED (killed)
          }
        }
        for (Pd pd : fuzzPds) {
          checkMappingDatabase(pd);
        }
        assertThat(snapshot(k.rootPd)).as(context("the root PD's spaces changed in round " + rounds))
            .isEqualTo(rootBefore);
        assertThat(snapshot(victim)).as(context("the victim PD's spaces changed in round " + rounds))
            .isEqualTo(victimBefore);
        tearDownFuzzWorld(root, roundSelectors);
        rounds++;
      }
    }
    return rounds;
  }

  /**
   * The mapping database is consistent in {@code pd}'s spaces: every node sits at its index, is a child of
   * its parent, and has no permission its parent lacks (rights never grow).
   */
  private void checkMappingDatabase(Pd pd) {
    for (CapabilitySpace.Kind kind : CapabilitySpace.Kind.values()) {
      CapabilitySpace space = pd.space(kind);
      for (MdbNode n : space.range(0, space.size())) {
        assertThat(n.pd).isSameAs(pd);
        assertThat(n.perms).as(context("a node without permissions")).isNotZero();
        MdbNode parent = n.parent;
        if (parent != null) {
          assertThat(n.perms & ~parent.perms).as(context("rights grew at " + kind + " " + n.index)).isZero();
          boolean listed = false;
          for (int i = 0; i < parent.childCount(); i++) {
            listed |= parent.child(i) == n;
          }
          assertThat(listed).as(context("node not among its parent's children")).isTrue();
          assertThat(parent.pd.space(kind).get(parent.index)).as(context("parent not in its space")).isSameAs(parent);
        }
        for (int i = 0; i < n.childCount(); i++) {
          MdbNode child = n.child(i);
          assertThat(child.parent).isSameAs(n);
          assertThat(child.pd.space(kind).get(child.index)).as(context("child not in its space")).isSameAs(child);
        }
      }
    }
  }

  private String context(String what) {
    return what + " (seed 0x" + Long.toHexString(seed) + ", after " + count + " hypercalls)";
  }

  private long rootSel() {
    return nextRootSel++;
  }

  private static void check(Status s) {
    assertThat(s).isEqualTo(Status.SUCCESS);
  }

  /** A PD with semaphores, a local EC and portal, memory and ports, none of it reachable by the fuzzers. */
  private Pd buildVictim(NovaKernel k, Hypercalls root) {
    long base = 0x800;
    for (int i = 0; i < 8; i++) {
      check(root.createSm(base + i, ROOT_PD, i));
    }
    long pd = rootSel();
    check(root.createPd(pd, ROOT_PD, Crd.object(base, 3, Perm.ALL)));
    long ec = rootSel();
    check(root.createEc(ec, pd, 0, 0x1000, 0, 0, false, (self, ip, arg) -> {
      Utcb u = self.utcb();
      u.setDelegateWindow(Crd.memory(0x100, 4, Perm.MEM_RWX));
      u.setCounts(0, 0);
    }));
    long pt = rootSel();
    check(root.createPt(pt, ROOT_PD, ec, 0, 0));
    root.utcb().setCounts(0, 0);
    check(root.call(pt)); // opens the victim's window
    root.utcb().setCounts(0, 0);
    root.utcb().appendDelegate(Crd.memory(0x400, 4, Perm.MEM_RWX), 0, Utcb.ITEM_HOST);
    check(root.call(pt));
    Pd victim = (Pd) java.util.Objects.requireNonNull(k.rootPd.object(pd, Kobject.Type.PD, 0));
    assertThat(snapshot(victim)).hasSizeGreaterThan(16);
    return victim;
  }

  /**
   * Two fuzz PDs with agents; each holds its own PD capability, the portals of its own and the other
   * agent, and four semaphores. Returns the root's portal selectors of the two agents, or null when the
   * kernel has no memory left for their UTCBs.
   */
  private long @Nullable [] buildFuzzWorld(Hypercalls root) {
    long[] pds = new long[2];
    long[] ecs = new long[2];
    long[] pts = new long[2];
    for (int i = 0; i < 2; i++) {
      pds[i] = rootSel();
      check(root.createPd(pds[i], ROOT_PD, Crd.NULL));
      fuzzPds[i] = (Pd) java.util.Objects.requireNonNull(
          java.util.Objects.requireNonNull(kernel).rootPd.object(pds[i], Kobject.Type.PD, 0));
      ecs[i] = rootSel();
      Status created = root.createEc(ecs[i], pds[i], 0, 0x7000_0000L, 0, 0x40, false, this::fuzz);
      if (created == Status.BAD_PAR) {
        return null;
      }
      check(created);
      pts[i] = rootSel();
      check(root.createPt(pts[i], ROOT_PD, ecs[i], 0, 0));
    }
    for (int i = 0; i < 2; i++) {
      // A helper in the fuzz PD receives the capabilities (the agents' windows stay theirs).
      long helper = rootSel();
      Status created = root.createEc(helper, pds[i], 0, 0x7100_0000L, 0, 0, false, (self, ip, arg) -> {
        Utcb u = self.utcb();
        if (u.untyped() == 0) {
          // The round is over: the PD gives up every object capability it holds (and so everything it made).
          self.revoke(Crd.object(0, Pd.SELECTOR_BITS, Perm.ALL), true);
          return;
        }
        long window = u.word(0);
        u.setCounts(0, 0);
        u.setDelegateWindow(Crd.of(window));
      });
      if (created == Status.BAD_PAR) {
        return null;
      }
      check(created);
      long helperPt = rootSel();
      check(root.createPt(helperPt, ROOT_PD, helper, 0, 0));
      helperPts[i] = helperPt;
      long[][] gifts = {{pds[i], OWN_PD}, {pts[i], OWN_PORTAL}, {pts[1 - i], PEER_PORTAL}};
      for (long[] gift : gifts) {
        give(root, helperPt, gift[0], gift[1]);
      }
      for (int s = 0; s < 4; s++) {
        long sm = rootSel();
        check(root.createSm(sm, ROOT_PD, s));
        give(root, helperPt, sm, SMS + s);
      }
    }
    return pts;
  }

  /**
   * Ends a round as a parent would: each fuzz PD's helper revokes all the PD's object capabilities (which
   * destroys what the fuzzers created, breaking the cycle of a PD holding capabilities to its own ECs), then
   * the root revokes everything it made for the round (selectors from {@code roundSelectors} on). The kernel gets the memory of the round's UTCBs
   * back, so one kernel serves many rounds.
   */
  private void tearDownFuzzWorld(Hypercalls root, long roundSelectors) {
    for (long helperPt : helperPts) {
      root.utcb().setCounts(0, 0);
      root.utcb().setDelegateWindow(Crd.NULL);
      check(root.call(helperPt));
    }
    for (long sel = roundSelectors; sel < nextRootSel; sel++) {
      check(root.revoke(Crd.object(sel, 0, Perm.ALL), true));
    }
    nextRootSel = roundSelectors;
  }

  private static void give(Hypercalls root, long helperPt, long sel, long at) {
    Utcb u = root.utcb();
    u.setMessage(Crd.object(at, 0, Perm.ALL).word());
    check(root.call(helperPt)); // opens the window
    u.setMessage(Crd.object(at, 0, Perm.ALL).word());
    u.appendDelegate(Crd.object(sel, 0, Perm.ALL), 0, 0);
    check(root.call(helperPt));
  }

  // --- the fuzzer ---

  /** The agents' code: a batch of random hypercalls (shorter when nested in another agent's call). */
  private void fuzz(Hypercalls self, long ip, long pid) {
    int n = depth == 0 ? BATCH : depth < 3 ? 8 : 0;
    depth++;
    try {
      for (int i = 0; i < n; i++) {
        one(self);
      }
      randomizeMessage(self.utcb());
    } finally {
      depth--;
    }
  }

  private void one(Hypercalls self) {
    int number = NUMBERS[random.nextInt(NUMBERS.length)];
    int flags = random.nextInt(8) == 0 ? random.nextInt(16) : random.nextInt(2);
    if (number == 0x7 && random.nextInt(4) != 0) {
      flags &= ~Hypercall.FLAG_REVOKE_SELF; // revoking its own capabilities ends a round quickly
    }
    long sel = selector();
    long rsi = any();
    long rdx = any();
    long rax = any();
    long r8 = any();
    switch (number) {
      case 0x0 -> {
        // Mostly the other agent (which fuzzes a little in turn); rarely its own portal (a livelock).
        int r = random.nextInt(20);
        sel = r < 10 ? PEER_PORTAL : r == 10 ? OWN_PORTAL : sel;
        randomizeMessage(self.utcb());
      }
      case 0x1 -> {
        if (random.nextInt(20) != 0) {
          number = 0x8; // replies end the batch: keep them rare
        }
        randomizeMessage(self.utcb());
      }
      case 0x2 -> {
        rsi = owner();
        rdx = crd();
      }
      case 0x3 -> {
        rsi = owner();
        rdx = (random.nextInt(4) == 0 ? random.nextLong() : 0x7000_0000L + 0x1000L * random.nextInt(64))
            | (random.nextInt(8) == 0 ? random.nextInt(0x1000) : random.nextInt(3));
        r8 = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(64);
      }
      case 0x4 -> {
        rsi = owner();
        rdx = selector();
        rax = random.nextInt(4) == 0 ? random.nextLong() : (long) random.nextInt(3) << 12 | random.nextInt(200);
      }
      case 0x5 -> {
        rsi = owner();
        rdx = selector();
      }
      case 0x6 -> rsi = owner();
      case 0x7, 0x8 -> rsi = crd();
      case 0x9 -> rsi = random.nextInt(4);
      case 0xc -> {
        if ((flags & Hypercall.FLAG_SM_DOWN) != 0) {
          // Never wait forever: a deadline in the past or a little ahead in virtual time.
          long now = java.util.Objects.requireNonNull(kernel).nanos();
          long deadline = random.nextInt(3) == 0 ? 1 + random.nextInt(1000) : now + 1 + random.nextInt(20_000);
          rsi = deadline >>> 32;
          rdx = deadline & 0xffff_ffffL;
        }
      }
      default -> {}
    }
    long rdi = sel << 8 | (long) flags << 4 | number;
    count++;
    try {
      Status s = self.hypercall(rdi, rsi, rdx, rax, r8);
      answers[number][s.code()]++;
      if (s == Status.SUCCESS && number >= 0x2 && number <= 0x6) {
        remember(sel & 0xffff);
      }
      if (number == 0xf && s != Status.BAD_HYP) {
        failures.add(describe(rdi, rsi, rdx, rax, r8) + " answered " + s + " instead of BAD_HYP");
      }
    } catch (KernelUnwind unwind) {
      throw unwind; // a reply, or this agent was killed: the kernel ends its code
    } catch (RuntimeException | Error e) {
      failures.add(describe(rdi, rsi, rdx, rax, r8) + " threw " + e);
      throw e;
    }
  }

  private String describe(long rdi, long rsi, long rdx, long rax, long r8) {
    return String.format("hypercall #%d (seed 0x%x): rdi=%#x rsi=%#x rdx=%#x rax=%#x r8=%#x", count,
        seed, rdi, rsi, rdx, rax, r8);
  }

  /**
   * A selector: mostly one the fuzz PDs hold something at (what they were given, what they created), else
   * a small one, sometimes any 16-bit or any 56-bit value (selectors wrap).
   */
  private long selector() {
    int r = random.nextInt(20);
    if (r < 10) {
      return known[random.nextInt(known.length)];
    }
    return r < 17 ? random.nextInt(64) : r < 19 ? random.nextInt(1 << 16) : random.nextLong() >>> 8;
  }

  /** Selectors worth aiming at: the fuzz PDs' capabilities and recently created objects. */
  private final long[] known = {OWN_PD, OWN_PORTAL, PEER_PORTAL, SMS, SMS + 1, SMS + 2, SMS + 3, 8, 9, 10, 11, 12,
      13, 14, 15, 16};

  /** Remembers a selector a creation succeeded at, so later hypercalls use the object. */
  private void remember(long sel) {
    known[7 + random.nextInt(known.length - 7)] = sel;
  }

  private long owner() {
    return random.nextInt(3) == 0 ? selector() : OWN_PD;
  }

  private long crd() {
    int type = random.nextInt(4);
    long base = random.nextInt(8) == 0 ? random.nextLong() >>> 12 : random.nextInt(type == 3 ? 64 : 0x8000);
    int order = random.nextInt(6) == 0 ? random.nextInt(32) : random.nextInt(4);
    return Crd.encode(type, base, order, random.nextInt(32));
  }

  private long any() {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextLong();
      case 1 -> selector();
      case 2 -> crd();
      case 3 -> random.nextInt(16);
      default -> random.nextLong() >>> random.nextInt(64);
    };
  }

  /** Random count word, receive windows and typed items: what a call or reply then carries. */
  private void randomizeMessage(Utcb u) {
    int untyped = random.nextInt(16) == 0 ? random.nextInt(0x10000) : random.nextInt(12);
    int typed = random.nextInt(16) == 0 ? random.nextInt(0x10000) : random.nextInt(4);
    for (int i = 0; i < Math.min(typed, 6); i++) {
      long flags = switch (random.nextInt(5)) {
        case 0 -> 0; // translate
        case 1 -> random.nextLong();
        case 2 -> Utcb.ITEM_DELEGATE | Utcb.ITEM_HOST; // not honoured: only the root may
        case 3 -> Utcb.ITEM_DELEGATE | Utcb.ITEM_TRANSLATE_ELSE_DELEGATE;
        default -> Utcb.ITEM_DELEGATE | (long) random.nextInt(1 << 16) << 12;
      };
      u.setItem(i, crd(), flags);
    }
    u.page().set(java.lang.foreign.ValueLayout.JAVA_LONG, 0,
        random.nextInt(8) == 0 ? random.nextLong() : (long) typed << 16 | untyped);
    if (random.nextInt(4) == 0) {
      u.setDelegateWindow(Crd.of(crd()));
      u.setTranslateWindow(Crd.of(crd()));
    }
  }
}
