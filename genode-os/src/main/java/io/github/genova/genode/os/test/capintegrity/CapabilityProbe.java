package io.github.genova.genode.os.test.capintegrity;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.nova.IpcError;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.util.OptionalLong;

/**
 * Tries a selector of the calling component's PD as a {@link Target} capability, both ways a component can:
 * a raw portal call with a hand-marshalled {@link Target#POKE} message (the kernel's answer, NOVA status), and
 * a call through the generated client stub of a {@link Capability} built from the number (Genode's answer,
 * {@link IpcError}). The same code path serves valid and forged capabilities, so a refusal it reports is the
 * system's, not the probe's. Used by the thread that runs the test.
 */
public final class CapabilityProbe {
  /**
   * What became of poking through one selector.
   *
   * @param selector the selector tried
   * @param kernel the status of the raw call
   * @param raw the target id the raw call was answered with, if any
   * @param stub the target id the stub call returned, empty if it threw {@link IpcError}
   */
  public record Poke(long selector, Status kernel, OptionalLong raw, OptionalLong stub) {
    /** Returns whether both ways were refused: the kernel found no portal (BAD_CAP) and the stub threw. */
    public boolean refused() {
      return kernel == Status.BAD_CAP && raw.isEmpty() && stub.isEmpty();
    }

    /** Returns whether both ways reached target {@code id} and only it. */
    public boolean answeredBy(long id) {
      return kernel == Status.SUCCESS && raw.equals(OptionalLong.of(id)) && stub.equals(OptionalLong.of(id));
    }

    @Override
    public String toString() {
      return "call " + kernel + (raw.isPresent() ? " (target " + raw.getAsLong() + " answered)" : "")
          + ", client " + (stub.isPresent() ? "got target " + stub.getAsLong() : "Ipc_error");
    }
  }

  /** Creates a probe. */
  public CapabilityProbe() {}

  /** Returns whether the calling PD holds a capability (of any kind) at {@code selector}. */
  public boolean holds(long selector) {
    return !NativeThread.current().gate().lookupCrd(Crd.object(selector, 0, 0)).isNull();
  }

  /** Pokes through {@code selector} both ways. */
  public Poke poke(long selector) {
    NativeThread me = NativeThread.current();
    Utcb u = me.utcb();
    u.setMessage(0L, Target.POKE);
    u.setTranslateWindow(Crd.NULL);
    u.setDelegateWindow(Crd.NULL);
    Status kernel = me.gate().call(selector);
    OptionalLong raw = kernel == Status.SUCCESS && u.untyped() >= 2 && u.word(0) == 0
        ? OptionalLong.of(u.word(1)) : OptionalLong.empty();
    OptionalLong stub;
    try {
      stub = OptionalLong.of(RpcInterface.of(Target.class).client(Capability.<Target>of(selector)).poke());
    } catch (IpcError e) {
      stub = OptionalLong.empty();
    }
    return new Poke(selector, kernel, raw, stub);
  }

  /** Pokes through {@code cap} both ways (see {@link #poke(long)}). */
  public Poke poke(Capability<Target> cap) {
    return poke(cap.selector());
  }
}
