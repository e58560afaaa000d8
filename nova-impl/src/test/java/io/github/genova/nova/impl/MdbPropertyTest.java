package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Random delegate, translate and revoke sequences between the root and four PDs, made through real portal
 * calls with typed items, checked after every step against a small reference model of the mapping database
 * written from the interface description (not from the kernel's code): the capabilities of every PD's
 * selector region (permissions and object), the CRD each receiver gets, and the laws that rights never
 * grow, that a revoke leaves no descendant with a revoked bit, and that translation finds exactly the
 * receiver's ancestor. Seeded; a failure prints the seed and the sequence that led to it.
 */
class MdbPropertyTest {
  private static final long ROOT_PD = 32;
  private static final int PDS = 4;
  /** Each PD's region: selectors 0..15, where every delegation, translation and revocation happens. */
  private static final int REGION = 16;
  /** The root's objects: semaphores at 0x200..0x207. */
  private static final long ROOT_OBJECTS = 0x200;
  private static final int OBJECTS = 8;
  /** Selector of agent j's portal in every PD. */
  private static final long PORTALS = 0x100;
  private static final int SEQUENCES = 150;
  private static final int STEPS = 60;

  private final long seed = Long.getLong("genova.mdb.seed", 0x6d6462L);

  // --- the reference model ---

  /** A capability in the model: PD 0 is the root. */
  static final class Node {
    final int pd;
    final long sel;
    final int object;
    int perms;
    final @Nullable Node parent;
    final List<Node> children = new ArrayList<>();

    Node(int pd, long sel, int object, int perms, @Nullable Node parent) {
      this.pd = pd;
      this.sel = sel;
      this.object = object;
      this.perms = perms;
      this.parent = parent;
    }
  }

  static final class Model {
    final Map<Long, Node> slots = new HashMap<>();

    static long key(int pd, long sel) {
      return (long) pd << 32 | sel;
    }

    @Nullable Node at(int pd, long sel) {
      return slots.get(key(pd, sel));
    }

    /** Delegation as nova-interface.md §3.4 describes it; returns the receiver's result CRD. */
    Crd delegate(int from, Crd item, long hotspot, int to, Crd window) {
      if (item.type() != window.type()) {
        return Crd.NULL;
      }
      int mask = item.perms() & window.perms();
      if (mask == 0) {
        return Crd.NULL;
      }
      long sb = item.base() & -(1L << item.order());
      long rb = window.base() & -(1L << window.order());
      int order;
      if (item.order() < window.order()) {
        rb |= hotspot & ((1L << window.order()) - 1) & -(1L << item.order());
        order = item.order();
      } else {
        sb |= hotspot & ((1L << item.order()) - 1) & -(1L << window.order());
        order = window.order();
      }
      int installed = 0;
      for (long off = 0; off < 1L << order; off++) {
        Node src = at(from, sb + off);
        if (src == null || (src.perms & mask) == 0 || at(to, rb + off) != null) {
          continue;
        }
        Node child = new Node(to, rb + off, src.object, src.perms & mask, src);
        src.children.add(child);
        slots.put(key(to, rb + off), child);
        installed++;
      }
      return installed == 0 ? Crd.NULL : Crd.object(rb, order, mask);
    }

    /** Translation (§3.5): the sender's nearest ancestor in the receiver's window, with the sender's perms. */
    Crd translate(int from, long sel, int to, Crd window) {
      Node sender = at(from, sel);
      if (sender == null || window.type() != Crd.Type.OBJECT) {
        return Crd.NULL;
      }
      long wb = window.base() & -(1L << window.order());
      for (Node n = sender; n != null; n = n.parent) {
        if (n.pd == to && n.sel >= wb && n.sel < wb + (1L << window.order())) {
          return Crd.object(n.sel, 0, sender.perms);
        }
      }
      return Crd.NULL;
    }

    /** Revocation (§3.6): descendants of the range (and with self the range) lose the bits; empty ones go. */
    void revoke(int pd, Crd range, boolean self) {
      long base = range.base() & -(1L << range.order());
      List<Node> inRange = new ArrayList<>();
      for (long s = base; s < base + (1L << range.order()); s++) {
        Node n = at(pd, s);
        if (n != null) {
          inRange.add(n);
        }
      }
      for (Node n : inRange) {
        for (Node d : descendants(n)) {
          d.perms &= ~range.perms();
        }
        if (self) {
          n.perms &= ~range.perms();
        }
      }
      for (Node n : new ArrayList<>(slots.values())) {
        if (n.perms == 0 && slots.get(key(n.pd, n.sel)) == n) {
          delete(n);
        }
      }
    }

    private void delete(Node n) {
      for (Node c : new ArrayList<>(n.children)) {
        delete(c);
      }
      slots.remove(key(n.pd, n.sel));
      Node p = n.parent;
      if (p != null) {
        p.children.remove(n);
      }
    }

    static List<Node> descendants(Node n) {
      List<Node> out = new ArrayList<>();
      for (Node c : n.children) {
        out.add(c);
        out.addAll(descendants(c));
      }
      return out;
    }
  }

  // --- the kernel side ---

  /** A local EC with a portal in one PD that runs whatever it is told, on the caller's thread. */
  static final class Agent {
    Function<Hypercalls, Object> action = self -> 0;
    @Nullable Object result;
  }

  private final List<String> steps = new ArrayList<>();
  /** Non-null delegation results, non-null translation results, revokes that took bits from something. */
  private final long[] effects = new long[3];
  private long sequenceSeed;

  @Test
  void randomDelegateTranslateRevokeSequencesAgreeWithTheReferenceModel() {
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int i = 0; i < SEQUENCES; i++) {
      sequenceSeed = seeds.nextLong();
      steps.clear();
      try {
        runSequence(new SplittableRandom(sequenceSeed));
      } catch (AssertionError e) {
        throw new AssertionError("sequence " + i + " (seed 0x" + Long.toHexString(seed) + ", sequence seed 0x"
            + Long.toHexString(sequenceSeed) + ") failed after:\n  " + String.join("\n  ", steps), e);
      }
    }
    System.out.println("mapping database properties: " + SEQUENCES + " sequences of " + STEPS
        + " steps agree with the model (" + effects[0] + " delegations, " + effects[1] + " translations found, "
        + effects[2] + " revokes reaching descendants), seed 0x" + Long.toHexString(seed));
    for (long e : effects) {
      assertThat(e).as("the sequences do something").isGreaterThan(100);
    }
  }

  private void runSequence(SplittableRandom random) {
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      Hypercalls root = k.attachRoot();
      Agent[] agents = new Agent[PDS + 1];
      Pd[] pds = new Pd[PDS + 1];
      long[] rootPortals = new long[PDS + 1];
      pds[0] = k.rootPd;
      for (int j = 1; j <= PDS; j++) {
        long pdSel = 0x40L + j;
        ok(root.createPd(pdSel, ROOT_PD, Crd.NULL));
        pds[j] = (Pd) Objects.requireNonNull(k.rootPd.object(pdSel, Kobject.Type.PD, 0));
        Agent a = new Agent();
        agents[j] = a;
        ok(root.createEc(0x50 + j, pdSel, 0, 0x1000, 0, 0, false, (self, ip, pid) -> {
          a.result = a.action.apply(self);
          self.utcb().setCounts(0, 0);
        }));
        rootPortals[j] = 0x60L + j;
        ok(root.createPt(rootPortals[j], ROOT_PD, 0x50 + j, 0, 0));
      }
      // Every agent gets every agent's portal at PORTALS + j (outside the regions).
      for (int j = 1; j <= PDS; j++) {
        for (int t = 1; t <= PDS; t++) {
          setWindows(root, agents[j], rootPortals[j], Crd.object(PORTALS + t, 0, Perm.ALL), Crd.NULL);
          Utcb u = root.utcb();
          u.setCounts(0, 0);
          u.appendDelegate(Crd.object(rootPortals[t], 0, Perm.PT_CALL), 0, 0);
          agents[j].action = self -> 0;
          ok(root.call(rootPortals[j]));
        }
      }
      Model model = new Model();
      IdentityHashMap<Object, Integer> objectIds = new IdentityHashMap<>();
      for (int o = 0; o < OBJECTS; o++) {
        ok(root.createSm(ROOT_OBJECTS + o, ROOT_PD, o));
        objectIds.put(Objects.requireNonNull(k.rootPd.objects.get(ROOT_OBJECTS + o)).object, o);
        model.slots.put(Model.key(0, ROOT_OBJECTS + o), new Node(0, ROOT_OBJECTS + o, o, Perm.SM_FRESH, null));
      }
      IdentityHashMap<MdbNode, Integer> previousPerms = new IdentityHashMap<>();
      for (int step = 0; step < STEPS; step++) {
        int op = random.nextInt(10);
        if (op < 5) {
          delegate(random, root, agents, rootPortals, model, step < 8);
        } else if (op < 7) {
          translate(random, root, agents, rootPortals, model);
        } else {
          revoke(random, root, agents, rootPortals, pds, model);
        }
        compare(pds, model, objectIds, previousPerms);
      }
    }
  }

  private static void ok(Status s) {
    assertThat(s).isEqualTo(Status.SUCCESS);
  }

  /** Makes agent {@code a} (called through root portal {@code pt}) open the given windows. */
  private static void setWindows(Hypercalls root, Agent a, long pt, Crd delegateWindow, Crd translateWindow) {
    a.action = self -> {
      self.utcb().setDelegateWindow(delegateWindow);
      self.utcb().setTranslateWindow(translateWindow);
      return 0;
    };
    root.utcb().setCounts(0, 0);
    ok(root.call(pt));
  }

  private static Crd regionCrd(SplittableRandom random, int maxOrder) {
    int order = random.nextInt(maxOrder + 1);
    long base = random.nextInt(REGION) & -(1L << order);
    if (random.nextInt(4) == 0) {
      base = random.nextInt(REGION); // unaligned: the kernel aligns it down
    }
    return Crd.object(base, order, random.nextInt(4) == 0 ? random.nextInt(32) : Perm.ALL);
  }

  private void delegate(SplittableRandom random, Hypercalls root, Agent[] agents, long[] rootPortals, Model model,
      boolean fromRootFirst) {
    int from = fromRootFirst || random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(PDS);
    int to = 1 + random.nextInt(PDS);
    while (to == from) {
      to = 1 + random.nextInt(PDS);
    }
    Crd window = regionCrd(random, 3);
    Crd item;
    if (from == 0) {
      int order = random.nextInt(4);
      item = Crd.object(ROOT_OBJECTS + (random.nextInt(OBJECTS) & -(1 << order)), order,
          random.nextInt(3) == 0 ? random.nextInt(4) : Perm.ALL);
    } else {
      item = regionCrd(random, 3);
    }
    long hotspot = random.nextInt(4) == 0 ? random.nextLong() >>> 12 : random.nextInt(64);
    steps.add("PD " + from + " delegates " + item + " hotspot 0x" + Long.toHexString(hotspot) + " to PD " + to
        + " window " + window);
    Crd expected = model.delegate(from, item, hotspot, to, window);
    Crd got = send(root, agents, rootPortals, from, to, window, Crd.NULL,
        u -> u.appendDelegate(item, hotspot, 0));
    assertThat(got).as("delegation result").isEqualTo(expected);
    effects[0] += got.isNull() ? 0 : 1;
  }

  private void translate(SplittableRandom random, Hypercalls root, Agent[] agents, long[] rootPortals, Model model) {
    int from = 1 + random.nextInt(PDS);
    int to = 1 + random.nextInt(PDS);
    while (to == from) {
      to = 1 + random.nextInt(PDS);
    }
    long sel = random.nextInt(REGION);
    // Mostly aim at a capability with an ancestor in another PD, for the receiver that ancestor's PD.
    List<Node> candidates = new ArrayList<>();
    for (Node n : model.slots.values()) {
      Node p = n.parent;
      if (n.pd != 0 && p != null && p.pd != 0 && p.pd != n.pd) {
        candidates.add(n);
      }
    }
    candidates.sort((a, b) -> Long.compare(Model.key(a.pd, a.sel), Model.key(b.pd, b.sel)));
    if (!candidates.isEmpty() && random.nextInt(3) != 0) {
      Node n = candidates.get(random.nextInt(candidates.size()));
      from = n.pd;
      sel = n.sel;
      List<Integer> ancestors = new ArrayList<>();
      for (Node a = n.parent; a != null; a = a.parent) {
        if (a.pd != 0 && a.pd != n.pd) {
          ancestors.add(a.pd);
        }
      }
      to = ancestors.get(random.nextInt(ancestors.size()));
    }
    long theSel = sel;
    Crd window = random.nextInt(4) == 0 ? regionCrd(random, 3) : Crd.object(0, 4, Perm.ALL);
    steps.add("PD " + from + " translates " + sel + " for PD " + to + " window " + window);
    Crd expected = model.translate(from, sel, to, window);
    Crd got = send(root, agents, rootPortals, from, to, Crd.NULL, window,
        u -> u.appendTranslate(Crd.object(theSel, 0, Perm.ALL)));
    assertThat(got).as("translation result").isEqualTo(expected);
    effects[1] += got.isNull() ? 0 : 1;
  }

  /**
   * PD {@code from} (0: the root itself) calls PD {@code to}'s agent with the items; {@code to} opened the
   * windows first. Returns the CRD {@code to} received.
   */
  private static Crd send(Hypercalls root, Agent[] agents, long[] rootPortals, int from, int to, Crd delegateWindow,
      Crd translateWindow, java.util.function.Consumer<Utcb> items) {
    setWindows(root, agents[to], rootPortals[to], delegateWindow, translateWindow);
    Crd[] received = {Crd.NULL};
    agents[to].action = self -> {
      received[0] = self.utcb().item(0);
      return 0;
    };
    if (from == 0) {
      Utcb u = root.utcb();
      u.setCounts(0, 0);
      items.accept(u);
      ok(root.call(rootPortals[to]));
    } else {
      agents[from].action = self -> {
        Utcb u = self.utcb();
        u.setCounts(0, 0);
        items.accept(u);
        return self.call(PORTALS + to);
      };
      root.utcb().setCounts(0, 0);
      ok(root.call(rootPortals[from]));
      assertThat(agents[from].result).isEqualTo(Status.SUCCESS);
    }
    return received[0];
  }

  private void revoke(SplittableRandom random, Hypercalls root, Agent[] agents, long[] rootPortals, Pd[] pds,
      Model model) {
    int pd = random.nextInt(PDS + 1);
    boolean self = random.nextInt(3) == 0;
    Crd range;
    if (pd == 0) {
      int order = random.nextInt(4);
      range = Crd.object(ROOT_OBJECTS + (random.nextInt(OBJECTS) & -(1 << order)), order, 1 + random.nextInt(31));
    } else {
      range = regionCrd(random, 4);
    }
    steps.add("PD " + pd + " revokes " + range + (self ? " with self" : ""));
    // The kernel's nodes in the range, and their descendants, before the revoke.
    List<MdbNode> descendants = new ArrayList<>();
    long base = range.base() & -(1L << range.order());
    for (MdbNode n : pds[pd].objects.range(base, 1L << range.order())) {
      collect(n, descendants);
    }
    boolean takes = false;
    for (MdbNode d : descendants) {
      takes |= (d.perms & range.perms()) != 0;
    }
    effects[2] += takes ? 1 : 0;
    model.revoke(pd, range, self);
    if (pd == 0) {
      ok(root.revoke(range, self));
    } else {
      agents[pd].action = h -> h.revoke(range, self);
      root.utcb().setCounts(0, 0);
      ok(root.call(rootPortals[pd]));
      assertThat(agents[pd].result).isEqualTo(Status.SUCCESS);
    }
    for (MdbNode d : descendants) {
      assertThat(d.perms & range.perms()).as("a descendant keeps revoked bits").isZero();
    }
  }

  private static void collect(MdbNode n, List<MdbNode> out) {
    for (int i = 0; i < n.childCount(); i++) {
      out.add(n.child(i));
      collect(n.child(i), out);
    }
  }

  /** The kernel's regions equal the model's, rights never grew, and children never exceed their parents. */
  private static void compare(Pd[] pds, Model model, IdentityHashMap<Object, Integer> objectIds,
      IdentityHashMap<MdbNode, Integer> previousPerms) {
    for (int pd = 0; pd <= PDS; pd++) {
      long from = pd == 0 ? ROOT_OBJECTS : 0;
      long size = pd == 0 ? OBJECTS : REGION;
      for (long sel = from; sel < from + size; sel++) {
        MdbNode n = pds[pd].objects.get(sel);
        Node m = model.at(pd, sel);
        String where = "PD " + pd + " selector " + sel;
        if (m == null) {
          assertThat(n).as(where + " should be empty").isNull();
          continue;
        }
        assertThat(n).as(where + " should hold object " + m.object + " perms 0x" + Integer.toHexString(m.perms))
            .isNotNull();
        Objects.requireNonNull(n);
        assertThat(n.perms).as(where + " perms").isEqualTo(m.perms);
        assertThat(objectIds.get(n.object)).as(where + " object").isEqualTo(m.object);
        Integer before = previousPerms.put(n, n.perms);
        if (before != null) {
          assertThat(n.perms & ~before).as(where + ": rights grew").isZero();
        }
        MdbNode parent = n.parent;
        if (parent != null) {
          assertThat(n.perms & ~parent.perms).as(where + ": more rights than its parent").isZero();
        }
        Node mp = m.parent;
        assertThat(parent == null ? null : parent.pd.name + ":" + parent.index)
            .as(where + " parent").isEqualTo(mp == null ? null : pds[mp.pd].name + ":" + mp.sel);
      }
    }
  }
}
