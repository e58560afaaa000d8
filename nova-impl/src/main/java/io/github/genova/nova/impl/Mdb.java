package io.github.genova.nova.impl;

import io.github.genova.nova.api.Crd;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The mapping database: how capabilities move between spaces and how they are taken back. Delegation
 * copies capabilities into another PD as children of the source nodes (permissions = source AND sender
 * mask AND receiver window, the hotspot choosing the position when the two ranges differ in size, an
 * occupied destination skipped); translation finds the receiver's own ancestor of a sender capability;
 * revocation removes permissions from all descendants (and optionally the range itself), deleting nodes
 * left without permissions and dropping their object references. Every operation runs under one lock.
 */
final class Mdb {
  private final NovaKernel kernel;
  private final ReentrantLock lock = new ReentrantLock();

  Mdb(NovaKernel kernel) {
    this.kernel = kernel;
  }

  ReentrantLock lock() {
    return lock;
  }

  /** Installs a root node (no parent) holding {@code object} at {@code sel} of {@code pd}'s object space. */
  void installObject(Pd pd, long sel, Kobject object, int perms) {
    lock.lock();
    try {
      MdbNode node = new MdbNode(pd, CapabilitySpace.Kind.OBJECT, pd.objects.wrap(sel), perms, object, 0);
      pd.objects.put(node);
      object.acquire();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Installs a root memory node mapping page {@code page} of {@code pd} to physical page {@code frame}.
   *
   * @return the node
   */
  MdbNode installMemory(Pd pd, long page, long frame, int perms) {
    lock.lock();
    try {
      MdbNode node = new MdbNode(pd, CapabilitySpace.Kind.MEMORY, pd.memory.wrap(page), perms, null, frame);
      pd.memory.put(node);
      return node;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes {@code node} and every mapping derived from it, if it is still in its space (its PD may have
   * revoked it already, or been destroyed).
   */
  void unmap(MdbNode node) {
    lock.lock();
    try {
      if (node.pd.space(node.kind).get(node.index) == node) {
        unlink(node);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns whether object selector {@code sel} of {@code pd} is empty. */
  boolean isFree(Pd pd, long sel) {
    return pd.objects.get(sel) == null;
  }

  /**
   * Delegates {@code srcCrd} of {@code src} (or of the kernel's own spaces when {@code fromKernel}) into
   * {@code window} of {@code dst}.
   *
   * @return the CRD word installed in the receiver, or 0 (the null CRD) when nothing was installed
   */
  long delegate(Pd src, long srcCrd, long hotspot, boolean fromKernel, Pd dst, long window) {
    CapabilitySpace.Kind kind = CapabilitySpace.Kind.ofCrdType(Crd.typeOf(srcCrd));
    if (kind == null || Crd.typeOf(window) != kind.crdType) {
      return 0;
    }
    int mask = Crd.permsOf(srcCrd) & Crd.permsOf(window);
    if (mask == 0) {
      return 0;
    }
    long sb = Crd.baseOf(srcCrd);
    int so = Crd.orderOf(srcCrd);
    long db = Crd.baseOf(window);
    int wo = Crd.orderOf(window);
    int order;
    if (kind == CapabilitySpace.Kind.IO) {
      // Ports keep their numbers: the smaller of two nested ranges, nothing for disjoint ones.
      order = Math.min(so, wo);
      long small = so <= wo ? sb : db;
      long big = so <= wo ? db : sb;
      int bigOrder = Math.max(so, wo);
      small &= -(1L << order);
      if ((small & -(1L << bigOrder)) != (big & -(1L << bigOrder))) {
        return 0;
      }
      sb = small;
      db = small;
    } else {
      sb &= -(1L << so);
      db &= -(1L << wo);
      if (so < wo) {
        db |= hotspot & ((1L << wo) - 1) & -(1L << so);
        order = so;
      } else {
        sb |= hotspot & ((1L << so) - 1) & -(1L << wo);
        order = wo;
      }
    }
    lock.lock();
    try {
      Pd from = fromKernel ? kernel.kernelPd : src;
      CapabilitySpace srcSpace = from.space(kind);
      CapabilitySpace dstSpace = dst.space(kind);
      long count = 1L << order;
      int installed = 0;
      if (fromKernel) {
        for (MdbNode source : kernel.hostNodes(kind, sb, count)) {
          installed += copy(source, sb, srcSpace, mask, db, dst, dstSpace);
        }
      } else if (count == 1) {
        MdbNode source = srcSpace.get(sb);
        installed = source == null ? 0 : copy(source, sb, srcSpace, mask, db, dst, dstSpace);
      } else {
        for (MdbNode source : srcSpace.range(sb, count)) {
          installed += copy(source, sb, srcSpace, mask, db, dst, dstSpace);
        }
      }
      return installed == 0 ? 0 : Crd.encode(kind.crdType, dstSpace.wrap(db), order, mask);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Delegates one source node to the position at the same offset from {@code db} in {@code dst}, as a
   * child with permissions {@code source.perms & mask}; skips zero permissions and occupied slots.
   *
   * @return 1 if a node was installed, else 0
   */
  private static int copy(MdbNode source, long sb, CapabilitySpace srcSpace, int mask, long db, Pd dst,
      CapabilitySpace dstSpace) {
    int perms = source.perms & mask;
    long target = dstSpace.wrap(db + srcSpace.wrap(source.index - sb));
    if (perms == 0 || dstSpace.get(target) != null || dst.isDestroyed()) {
      return 0;
    }
    MdbNode child = new MdbNode(dst, source.kind, target, perms, source.object, source.target);
    source.addChild(child);
    dstSpace.put(child);
    Kobject object = source.object;
    if (object != null) {
      object.acquire();
    }
    return 1;
  }

  /**
   * Translates {@code srcCrd} of {@code src} for {@code dst}: walks from the sender's node up its ancestors
   * to the first one in {@code dst}'s space inside {@code window}.
   *
   * @return the receiver's CRD word for it (with the sender's permissions), or 0 when there is none
   */
  long translate(Pd src, long srcCrd, Pd dst, long window) {
    CapabilitySpace.Kind kind = CapabilitySpace.Kind.ofCrdType(Crd.typeOf(srcCrd));
    if (kind == null || Crd.typeOf(window) != kind.crdType) {
      return 0;
    }
    lock.lock();
    try {
      MdbNode sender = src.space(kind).get(Crd.baseOf(srcCrd));
      if (sender == null) {
        return 0;
      }
      int wo = Crd.orderOf(window);
      long wb = Crd.baseOf(window) & -(1L << wo);
      for (MdbNode n = sender; n != null; n = n.parent) {
        if (n.pd == dst && n.index >= wb && n.index - wb < 1L << wo) {
          return Crd.encode(kind.crdType, n.index, 0, sender.perms);
        }
      }
      return 0;
    } finally {
      lock.unlock();
    }
  }

  /** Takes {@code crd}'s permission mask from everything derived from the range in {@code pd}. */
  void revoke(Pd pd, long crd, boolean self) {
    CapabilitySpace.Kind kind = CapabilitySpace.Kind.ofCrdType(Crd.typeOf(crd));
    if (kind == null) {
      return;
    }
    int mask = Crd.permsOf(crd);
    int order = Crd.orderOf(crd);
    long base = Crd.baseOf(crd) & -(1L << order);
    lock.lock();
    try {
      CapabilitySpace space = pd.space(kind);
      if (order == 0) {
        MdbNode node = space.get(base);
        if (node != null) {
          revokeNode(node, mask, self);
        }
      } else {
        for (MdbNode node : space.range(base, 1L << order)) {
          revokeNode(node, mask, self);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void revokeNode(MdbNode node, int mask, boolean self) {
    stripChildren(node, mask);
    if (self) {
      reduce(node, mask);
    }
  }

  /**
   * Strips every child of {@code node}, last first: stripping may remove the child being visited (and only
   * that one) from {@code node}, which leaves the indices still to visit intact.
   */
  private void stripChildren(MdbNode node, int mask) {
    for (int i = node.childCount() - 1; i >= 0; i--) {
      strip(node.child(i), mask);
    }
  }

  /** Removes {@code mask} from {@code node} and all its descendants, deleting nodes left with nothing. */
  private void strip(MdbNode node, int mask) {
    stripChildren(node, mask);
    reduce(node, mask);
  }

  /** Clears {@code mask} in {@code node}, deleting it if nothing is left. */
  private void reduce(MdbNode node, int mask) {
    if ((node.perms & mask) == 0) {
      return;
    }
    node.perms &= ~mask;
    if (node.perms == 0) {
      unlink(node);
    } else if (node.kind == CapabilitySpace.Kind.MEMORY) {
      node.pd.flushTlbs();
    }
  }

  /**
   * Deletes {@code node} (and whatever still hangs below it) from its space and the tree, its permissions
   * cleared first: a holder of the node sees it gone (see {@link MdbNode}).
   */
  private void unlink(MdbNode node) {
    node.perms = 0;
    for (int i = node.childCount() - 1; i >= 0; i--) {
      unlink(node.child(i));
    }
    MdbNode parent = node.parent;
    if (parent != null) {
      parent.removeChild(node);
      node.parent = null;
    }
    CapabilitySpace space = node.pd.space(node.kind);
    if (space.get(node.index) == node) {
      space.remove(node.index);
    }
    if (node.kind == CapabilitySpace.Kind.MEMORY) {
      node.pd.flushTlbs();
    }
    Kobject object = node.object;
    if (object != null) {
      object.release();
    }
  }

  /** Removes every capability of a destroyed PD, and everything delegated from them. */
  void demolish(Pd pd) {
    lock.lock();
    try {
      for (CapabilitySpace.Kind kind : CapabilitySpace.Kind.values()) {
        CapabilitySpace space = pd.space(kind);
        for (MdbNode node : space.range(0, space.size())) {
          unlink(node);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns the CRD word of the node covering {@code crd}'s base in {@code pd}, or 0. */
  long lookup(Pd pd, long crd) {
    CapabilitySpace.Kind kind = CapabilitySpace.Kind.ofCrdType(Crd.typeOf(crd));
    if (kind == null) {
      return 0;
    }
    MdbNode node = pd.space(kind).get(Crd.baseOf(crd));
    return node == null ? 0 : Crd.encode(kind.crdType, node.index, 0, node.perms);
  }

  /** Returns the node at {@code index} of {@code pd}'s space of {@code kind}, or null. */
  @Nullable MdbNode node(Pd pd, CapabilitySpace.Kind kind, long index) {
    return pd.space(kind).get(index);
  }
}
