package io.github.genova.genode.base.session;

import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.RamQuota;

/**
 * A session interface (Genode's {@code Session}): every service's session interface (LOG, ROM, PD, ...)
 * extends it. Its nested types are what every session request carries besides the label: the donated
 * {@link Resources} and the {@link Diag diagnostics} flag.
 */
public interface Session {
  /**
   * The quota a client donates with a session request ({@code ram_quota}, {@code cap_quota}), which
   * pays for the session's state at the server.
   *
   * @param ramQuota the donated RAM
   * @param capQuota the donated capabilities
   */
  record Resources(RamQuota ramQuota, CapQuota capQuota) {
    /**
     * Reads {@code ram_quota} and {@code cap_quota} from {@code args}; absent keys donate nothing.
     *
     * @throws SessionArgsException if a value is not a number or negative
     */
    public static Resources from(SessionArgs args) {
      return new Resources(RamQuota.of(amount(args, "ram_quota")), CapQuota.of(amount(args, "cap_quota")));
    }

    private static long amount(SessionArgs args, String key) {
      long value = args.longValue(key, 0);
      if (value < 0) {
        throw new SessionArgsException(key, -1, "a quota cannot be negative: " + value);
      }
      return value;
    }

    /**
     * Returns what remains of the donation after the server took {@code ram} and {@code caps} for the
     * session object (what Genode's {@code Root_component} does before creating a session).
     *
     * @throws InsufficientRamQuota if the donated RAM does not cover {@code ram}
     * @throws InsufficientCapQuota if the donated capabilities do not cover {@code caps}
     */
    public Resources deduct(RamQuota ram, CapQuota caps) throws InsufficientRamQuota, InsufficientCapQuota {
      if (ramQuota.value() < ram.value()) {
        throw new InsufficientRamQuota(ramQuota, ram);
      }
      if (capQuota.value() < caps.value()) {
        throw new InsufficientCapQuota(capQuota, caps);
      }
      return new Resources(RamQuota.of(ramQuota.value() - ram.value()),
          CapQuota.of(capQuota.value() - caps.value()));
    }

    /** Returns {@code args} with {@code ram_quota} and {@code cap_quota} set to these amounts. */
    public SessionArgs applyTo(SessionArgs args) {
      return args.with("ram_quota", ramQuota.value()).with("cap_quota", capQuota.value());
    }
  }

  /**
   * Whether the client asks the server for diagnostic output about the session ({@code diag}); a
   * server prints its warnings about the session only then.
   *
   * @param enabled the {@code diag} argument
   */
  record Diag(boolean enabled) {
    /**
     * Reads {@code diag} from {@code args}, off when absent.
     *
     * @throws SessionArgsException if the value is not a truth value
     */
    public static Diag from(SessionArgs args) {
      return new Diag(args.boolValue("diag", false));
    }
  }
}
