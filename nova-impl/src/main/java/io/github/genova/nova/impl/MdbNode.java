package io.github.genova.nova.impl;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A node of the mapping database: one capability (an object selector, a memory page or an I/O port) in
 * one PD's space, with its permissions and the node it was delegated from. Every delegation makes a child
 * node; revocation walks the children. A child's permissions are always a subset of its parent's.
 *
 * <p>Structure changes happen under the kernel's capability lock; {@link #perms} is volatile so the IPC
 * fast path may read it without the lock. A node removed from its space has no permissions left, so a
 * holder of a node (a cache of the IPC path) learns from {@link #perms} alone that it is gone.
 */
final class MdbNode {
  final Pd pd;
  final CapabilitySpace.Kind kind;
  final long index;
  /** The object named (object space only). */
  final @Nullable Kobject object;
  /** The physical page (memory) or port number (I/O); 0 for objects. */
  final long target;

  volatile int perms;
  @Nullable MdbNode parent;
  private @Nullable List<MdbNode> children;

  MdbNode(Pd pd, CapabilitySpace.Kind kind, long index, int perms, @Nullable Kobject object, long target) {
    this.pd = pd;
    this.kind = kind;
    this.index = index;
    this.perms = perms;
    this.object = object;
    this.target = target;
  }

  void addChild(MdbNode child) {
    List<MdbNode> list = children;
    if (list == null) {
      list = new ArrayList<>(2);
      children = list;
    }
    child.parent = this;
    list.add(child);
  }

  void removeChild(MdbNode child) {
    List<MdbNode> list = children;
    if (list != null) {
      list.remove(child);
    }
  }

  /** Returns the number of children. */
  int childCount() {
    List<MdbNode> list = children;
    return list == null ? 0 : list.size();
  }

  /** Returns child {@code i} (0 &le; i &lt; {@link #childCount()}). */
  MdbNode child(int i) {
    return java.util.Objects.requireNonNull(children).get(i);
  }



  boolean hasChildren() {
    List<MdbNode> list = children;
    return list != null && !list.isEmpty();
  }

  /** Returns the object if it is of the given type, else null. */
  @Nullable Kobject objectOf(Kobject.Type type) {
    Kobject o = object;
    return o != null && o.type == type ? o : null;
  }
}
