package io.github.genova.genode.base.rpc;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.nova.Msgbuf;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.nova.RpcExceptionCode;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Perm;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An RPC entrypoint: serves the RPC objects it manages, one call at a time, on a <b>local EC</b> of the
 * component's PD. It has no scheduling context of its own: a client's call runs the dispatch on the
 * client's thread and time (NOVA's donation), and callers that find it busy wait in FIFO order.
 *
 * <p>Object identity is Genode-on-NOVA's of today: {@link #manage} creates one portal per object, bound to
 * the entrypoint's EC, whose portal id is the portal's own selector in this PD, imprinted once (the
 * capability loses PT_CTRL, so no holder can re-imprint it), so the selector that names
 * the object's capability here is also the key of the object pool. A capability of a managed object that
 * comes back in a call (translated by the kernel to this PD's selector) therefore resolves to the local
 * object ({@link #apply}).
 *
 * <p>{@link #dissolve} revokes the object's portal (the kernel refuses every later call: the client gets
 * {@link io.github.genova.genode.base.nova.IpcError}), removes it from the pool and then calls the
 * entrypoint's private cleanup portal, which the local EC serves only after the dispatch in flight, so it
 * returns once no dispatch of the object is running.
 *
 * <p>A function that throws an exception it does not declare is not reflected to the client: the error is
 * logged and the exception ends the entrypoint's EC, as an uncaught exception ends a Genode thread.
 *
 * <p>Capabilities the entrypoint receives by delegation occupy selectors of a 4-selector receive window
 * that moves to fresh selectors once server code took one; those selectors then belong to the capability
 * handed out, and stay allocated until the component {@linkplain NativePd#release releases} it (Genode
 * counts references to selectors; Java code releases explicitly).
 *
 * <p>Managing and dissolving are done by threads of the entrypoint's PD (they create and revoke kernel
 * objects); they are thread-safe. Requests that arrive before {@link #activate()} of an entrypoint created
 * with {@code startOnConstruction = false} wait.
 */
public final class RpcEntrypoint implements AutoCloseable {
  /** An object in the pool. */
  private record Entry(long selector, Object object, Dispatcher dispatcher, Capability<?> cap) {}

  private static final Entry[] EMPTY = new Entry[8];

  private final NativePd pd;
  private final String name;
  private final int slot;
  private final long ec;
  private final long blockingSemaphore;
  private final long cleanupPortal;
  private final long activationSemaphore;
  private final IdentityHashMap<Object, Entry> byObject = new IdentityHashMap<>();
  private final List<Entry> managed = new ArrayList<>();
  private volatile Entry[] table = EMPTY;
  private volatile boolean active;
  private volatile @Nullable Consumer<RuntimeException> uncaughtHandler;
  private volatile boolean closed;
  private @Nullable NativeThread thread;
  private long window;
  private long windowCrd;

  /**
   * Creates an entrypoint that serves at once. See {@link #RpcEntrypoint(NativePd, String, int, boolean)}.
   */
  public RpcEntrypoint(NativePd pd, String name, int cpu) {
    this(pd, name, cpu, true);
  }

  /**
   * Creates an entrypoint in {@code pd} on {@code cpu}: its local EC (UTCB in a stack-area slot), its
   * blocking semaphore, its receive window and its cleanup portal. Called by a thread of {@code pd}.
   *
   * @param startOnConstruction false: requests wait until {@link #activate()} (Genode's classic option)
   */
  public RpcEntrypoint(NativePd pd, String name, int cpu, boolean startOnConstruction) {
    this.pd = pd;
    this.name = name;
    this.active = startOnConstruction;
    this.slot = pd.stackArea().alloc();
    this.blockingSemaphore = pd.createSemaphore(0);
    this.activationSemaphore = startOnConstruction ? Capability.INVALID_SELECTOR : pd.createSemaphore(0);
    this.window = pd.selectors().alloc(NativeThread.RECEIVE_WINDOW_ORDER);
    this.windowCrd = windowCrd(window);
    this.ec = pd.createLocalEc(cpu, slot, this::activation);
    this.cleanupPortal = pd.selectors().alloc();
    pd.createPortal(cleanupPortal, ec, 0);
    pd.setPortalId(cleanupPortal, cleanupPortal);
    // The first call lets the EC bind its native thread and open its receive windows.
    NativeThread.current().gate().call(cleanupPortal);
  }

  private static long windowCrd(long window) {
    return Crd.encode(Crd.Type.OBJECT.code(), window, NativeThread.RECEIVE_WINDOW_ORDER, Perm.ALL);
  }

  /**
   * Makes {@code handler} learn of an undeclared exception thrown by an RPC object, just before it ends the
   * entrypoint: a component's bootstrap uses it to report its crash to its parent. The handler runs on the
   * calling thread inside the dying dispatch, so it must not block on anything this entrypoint serves.
   */
  public void onUncaughtException(Consumer<RuntimeException> handler) {
    this.uncaughtHandler = handler;
  }

  /** Returns the entrypoint's name. */
  public String name() {
    return name;
  }

  /** Returns the selector of the entrypoint's local EC. */
  public long ec() {
    return ec;
  }

  /**
   * Returns the entrypoint's native thread: current while the entrypoint dispatches.
   *
   * @throws IllegalStateException if the entrypoint was closed
   */
  public NativeThread nativeThread() {
    NativeThread t = thread;
    if (t == null) {
      throw new IllegalStateException("entrypoint '" + name + "' has no thread");
    }
    return t;
  }

  /**
   * Manages {@code object} as an RPC object of interface {@code type}: creates its portal and returns its
   * capability. Managing an object again logs a warning and returns the same capability.
   *
   * @throws IllegalArgumentException if {@code type} is not a valid RPC interface
   */
  public <T> Capability<T> manage(Class<T> type, T object) {
    return manage(type, object, Capability.INVALID_SELECTOR);
  }

  /**
   * Manages {@code object} as {@link #manage(Class, Object)} does, with its portal at {@code selector}, a
   * free selector the caller allocated from this PD's allocator (a parent uses this to place a child's
   * parent capability in the child's initial window). Dissolving frees the selector.
   */
  public <T> Capability<T> manageAt(Class<T> type, T object, long selector) {
    if (selector < 0) {
      throw new IllegalArgumentException("no selector given for the portal: " + selector);
    }
    return manage(type, object, selector);
  }

  private <T> Capability<T> manage(Class<T> type, T object, long at) {
    RpcInterface<T> rpc = RpcInterface.of(type);
    synchronized (this) {
      Entry known = byObject.get(object);
      if (known != null) {
        pd.log().warning("object already managed by entrypoint '" + name + "'");
        return known.cap().cast();
      }
    }
    long sel = at >= 0 ? at : pd.selectors().alloc();
    pd.createPortal(sel, ec, 0);
    pd.setPortalId(sel, sel);
    // Imprinted once, as Genode's core does: without PT_CTRL no holder of the capability (all are derived
    // from this one) can re-imprint the portal with the id of another object and so reach that object.
    NativeThread.current().gate().revoke(Crd.object(sel, 0, Perm.PT_CTRL), true);
    Capability<T> cap = Capability.of(sel);
    Entry entry = new Entry(sel, object, rpc.dispatcher(), cap);
    synchronized (this) {
      byObject.put(object, entry);
      managed.add(entry);
      table = with(table, entry);
    }
    return cap;
  }

  /**
   * Dissolves {@code object}: later calls get the invalid-object outcome and never run server code; returns
   * once a dispatch of it in flight has finished. Dissolving an object that is not managed does nothing.
   * The object's selector is freed and may later name another object: this PD must not keep using
   * capabilities of dissolved objects (Genode guards that with selector reference counts).
   */
  public void dissolve(Object object) {
    Entry entry;
    synchronized (this) {
      entry = byObject.remove(object);
      if (entry == null) {
        return;
      }
      managed.remove(entry);
    }
    pd.revoke(entry.selector());
    synchronized (this) {
      table = without(table, entry.selector());
    }
    NativeThread me = NativeThread.current();
    if (me != thread) {
      me.gate().call(cleanupPortal);
    }
    pd.selectors().free(entry.selector());
  }

  /**
   * Returns the local object {@code cap} names if it is managed here (a capability received in a call is
   * translated to this PD's selector of it), else null: Genode's {@code Object_pool::apply}.
   */
  public @Nullable Object apply(Capability<?> cap) {
    if (!cap.valid()) {
      return null;
    }
    Entry e = lookup(table, cap.selector());
    return e == null ? null : e.object();
  }

  /** Returns the local object {@code cap} names if it is managed here and a {@code type}, else null. */
  public <T> @Nullable T apply(Capability<?> cap, Class<T> type) {
    Object o = apply(cap);
    return type.isInstance(o) ? type.cast(o) : null;
  }

  /** Lets requests through that wait for activation (entrypoints created with startOnConstruction false). */
  public void activate() {
    if (active) {
      return;
    }
    active = true;
    NativeThread.current().gate().smUp(activationSemaphore);
  }

  /**
   * Destroys the entrypoint: objects still managed are dissolved (with a warning, "object pool not
   * empty"), then the EC and its portal and semaphores are revoked.
   */
  @Override
  public void close() {
    List<Entry> left;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      left = List.copyOf(managed);
    }
    if (!left.isEmpty()) {
      pd.log().warning("entrypoint '" + name + "': object pool not empty, dissolving " + left.size() + " object(s)");
      for (Entry e : left) {
        dissolve(e.object());
      }
    }
    pd.revoke(cleanupPortal);
    pd.revoke(ec);
    pd.revoke(blockingSemaphore);
    if (activationSemaphore != Capability.INVALID_SELECTOR) {
      pd.revoke(activationSemaphore);
    }
    pd.stackArea().free(slot);
  }

  // --- the local EC's code: one activation per call ---

  private void activation(Hypercalls self, long ip, long pid) {
    NativeThread t = thread;
    if (t == null) {
      t = new NativeThread(pd, self, ec, blockingSemaphore, name);
      t.owner(this);
      thread = t;
    }
    NativeThread.Current current = NativeThread.slot();
    NativeThread previous = current.set(t);
    try {
      serve(t, self, pid);
    } finally {
      current.set(previous);
    }
  }

  private void serve(NativeThread t, Hypercalls self, long pid) {
    Msgbuf msg = t.msgbuf();
    if (pid == cleanupPortal) {
      msg.beginReply(RpcExceptionCode.SUCCESS);
      msg.finishReply();
      msg.setReceiveWindows(windowCrd);
      return;
    }
    if (!active) {
      while (!active) {
        self.smDown(activationSemaphore, false, 0);
      }
      self.smUp(activationSemaphore); // pass the activation on to a possible co-waiter
    }
    long opcode = msg.beginReceive();
    int filled = msg.filled(window);
    Entry e = lookup(table, pid);
    if (e == null) {
      msg.beginReply(RpcExceptionCode.INVALID_OBJECT);
    } else {
      long code;
      try {
        code = e.dispatcher().dispatch(e.object(), opcode == (int) opcode ? (int) opcode : -1, msg);
      } catch (RuntimeException unlisted) {
        // Not a declared exception: not reflected. As an uncaught exception ends a Genode thread, it ends
        // this entrypoint's EC (the kernel kills it; callers get the invalid-object outcome from now on).
        pd.log().error("entrypoint '" + name + "': opcode " + opcode + " of " + e.object().getClass().getName()
            + " threw " + unlisted);
        Consumer<RuntimeException> handler = uncaughtHandler;
        if (handler != null) {
          handler.accept(unlisted);
        }
        throw unlisted;
      }
      if (code == RpcExceptionCode.INVALID_OPCODE) {
        pd.log().error("invalid opcode " + opcode);
        msg.beginReply(RpcExceptionCode.INVALID_OPCODE);
      }
    }
    msg.finishReply();
    if (filled != 0) {
      rearm(self, filled, msg.consumed());
    }
    msg.setReceiveWindows(windowCrd);
  }

  /**
   * Gives back a capability argument of the call this entrypoint is serving that the server code does not
   * keep (e.g. a session capability a parent does not know): if it arrived delegated for this call, it is
   * revoked with the reply instead of occupying a selector of the server's PD for good; a capability the
   * server held already (it arrived translated) is left alone. Called by server code during the call.
   */
  public void discardArgument(Capability<?> cap) {
    long sel = cap.selector();
    if (cap.valid() && sel >= window && sel < window + (1 << NativeThread.RECEIVE_WINDOW_ORDER)) {
      NativeThread.current().msgbuf().unconsume(1 << (int) (sel - window));
    }
  }

  /**
   * Re-arms the receive window after a call that delivered capabilities into it: unconsumed ones are
   * revoked; if any was consumed (handed to server code), the window moves to fresh selectors.
   */
  private void rearm(Hypercalls self, int filled, int consumed) {
    int size = 1 << NativeThread.RECEIVE_WINDOW_ORDER;
    for (int i = 0; i < size; i++) {
      if ((filled & ~consumed & 1 << i) != 0) {
        self.revoke(Crd.object(window + i, 0, Perm.ALL), true);
      }
    }
    if (consumed == 0) {
      return;
    }
    for (int i = 0; i < size; i++) {
      if ((consumed & 1 << i) == 0) {
        pd.selectors().free(window + i);
      }
    }
    window = pd.selectors().alloc(NativeThread.RECEIVE_WINDOW_ORDER);
    windowCrd = windowCrd(window);
  }

  // --- the object pool: open addressing by selector, copied on change, read without a lock ---

  private static @Nullable Entry lookup(Entry[] t, long selector) {
    int mask = t.length - 1;
    for (int i = hash(selector) & mask; ; i = (i + 1) & mask) {
      Entry e = t[i];
      if (e == null) {
        return null;
      }
      if (e.selector() == selector) {
        return e;
      }
    }
  }

  private static int hash(long selector) {
    long h = selector * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32);
  }

  private static Entry[] with(Entry[] t, Entry add) {
    int live = 1;
    for (Entry e : t) {
      if (e != null) {
        live++;
      }
    }
    int size = t.length;
    while (size < live * 2) {
      size *= 2;
    }
    Entry[] n = new Entry[size];
    for (Entry e : t) {
      if (e != null) {
        insert(n, e);
      }
    }
    insert(n, add);
    return n;
  }

  private static Entry[] without(Entry[] t, long selector) {
    Entry[] n = new Entry[t.length];
    for (Entry e : t) {
      if (e != null && e.selector() != selector) {
        insert(n, e);
      }
    }
    return n;
  }

  private static void insert(Entry[] t, Entry e) {
    int mask = t.length - 1;
    int i = hash(e.selector()) & mask;
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = e;
  }

  @Override
  public String toString() {
    return "entrypoint '" + name + "'";
  }
}
