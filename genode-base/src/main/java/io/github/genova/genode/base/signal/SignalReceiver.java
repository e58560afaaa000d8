package io.github.genova.genode.base.signal;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.sync.Semaphore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Receives signals for the contexts it manages. Each managed context gets a delegable capability (a
 * portal of the receiver's own signal entrypoint, a local EC whose dispatch adds the count and queues the
 * context): submits to a context not yet picked up coalesce into one {@link Signal} whose {@code num()} is
 * their sum; pending contexts are delivered one per {@link #waitForSignal()}, in the order they became
 * pending (round-robin: a context submitted again goes behind the others). Dissolving a context drops
 * its pending signal; later submits to it are dropped at the sender.
 *
 * <p>Thread-safe; the critical sections never enter the kernel.
 */
public final class SignalReceiver implements AutoCloseable {
  /** The RPC object behind one context's capability. */
  private final class Slot implements SignalTarget {
    final SignalContext context;
    final Capability<SignalTarget> cap;
    int count;
    boolean queued;
    boolean dissolved;

    Slot(SignalContext context) {
      this.context = context;
      this.cap = ep.manage(SignalTarget.class, this);
    }

    @Override
    public void submit(int n) {
      if (n < 1) {
        return;
      }
      synchronized (SignalReceiver.this) {
        if (dissolved) {
          return;
        }
        count = (int) Math.min(Integer.MAX_VALUE, (long) count + n);
        if (queued) {
          return;
        }
        queued = true;
        pending.add(this);
      }
      available.up();
    }
  }

  private final RpcEntrypoint ep;
  private final IdentityHashMap<SignalContext, Slot> slots = new IdentityHashMap<>();
  private final List<Slot> managed = new ArrayList<>();
  private final ArrayDeque<Slot> pending = new ArrayDeque<>();
  private final Semaphore available = new Semaphore(0);

  /** Creates a receiver in {@code pd} with its signal entrypoint on {@code cpu}. Called by a thread of {@code pd}. */
  public SignalReceiver(NativePd pd, int cpu) {
    this.ep = new RpcEntrypoint(pd, "signal", cpu);
  }

  /**
   * Manages {@code context} and returns the capability transmitters use to signal it.
   *
   * @throws ContextAlreadyInUseException if the context is managed already (by this receiver)
   */
  public Capability<SignalTarget> manage(SignalContext context) {
    synchronized (this) {
      if (slots.containsKey(context)) {
        throw new ContextAlreadyInUseException();
      }
    }
    Slot slot = new Slot(context);
    synchronized (this) {
      slots.put(context, slot);
      managed.add(slot);
    }
    return slot.cap;
  }

  /** Dissolves {@code context}: its pending signal is dropped; unmanaged contexts are ignored. */
  public void dissolve(SignalContext context) {
    Slot slot;
    synchronized (this) {
      slot = slots.remove(context);
      if (slot == null) {
        return;
      }
      managed.remove(slot);
      slot.dissolved = true;
      pending.remove(slot);
    }
    ep.dissolve(slot);
  }

  /** Returns whether a signal is pending. */
  public synchronized boolean pending() {
    return !pending.isEmpty();
  }

  /**
   * Blocks until a managed context is pending and returns its signal; the context's count starts over.
   *
   * @throws io.github.genova.genode.base.sync.BlockingCanceledException if the thread's blocking was
   *     canceled
   */
  public Signal waitForSignal() {
    while (true) {
      available.down();
      Signal s = take();
      if (s != null) {
        return s;
      }
      // The context that was pending has been dissolved meanwhile; wait for the next one.
    }
  }

  private synchronized @Nullable Signal take() {
    Slot slot = pending.poll();
    if (slot == null) {
      return null;
    }
    Signal s = new Signal(slot.context, slot.count);
    slot.count = 0;
    slot.queued = false;
    return s;
  }

  /**
   * Waits for the next signal and, if its context is a {@link SignalHandler}, runs the handler; returns the
   * signal either way.
   */
  public Signal dispatch() {
    Signal s = waitForSignal();
    if (s.context() instanceof SignalHandler h) {
      h.handle(s);
    }
    return s;
  }

  /** Dissolves every context and destroys the signal entrypoint. */
  @Override
  public void close() {
    List<Slot> left;
    synchronized (this) {
      left = List.copyOf(managed);
    }
    for (Slot s : left) {
      dissolve(s.context);
    }
    ep.close();
  }
}
