package io.github.genova.genode.base.env;

import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rom.RomSession;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionLabel;
import java.nio.charset.StandardCharsets;

/**
 * A ROM module attached to the component's address space (Genode's {@code Attached_rom_dataspace}): opens a
 * ROM session for the module named by {@code label}, attaches its dataspace read-only and reads the content
 * through the calling thread's memory view. {@link #close()} detaches it and closes the session.
 */
public final class AttachedRomDataspace implements AutoCloseable {
  /** What a ROM session donates. */
  public static final String ROM_ARGS = "ram_quota=6K, cap_quota=3";

  private final Env env;
  private final Connection<RomSession> rom;
  private final AttachedDataspace attached;
  private final long size;

  /**
   * Opens and attaches ROM module {@code name}.
   *
   * @throws ServiceDenied if there is no such module
   * @throws OutOfRam if the component cannot donate the session's RAM
   * @throws OutOfCaps if the component cannot donate the session's capabilities
   * @throws InsufficientRamQuota never with the default donation
   * @throws InsufficientCapQuota never with the default donation
   */
  public AttachedRomDataspace(Env env, String name)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this.env = env;
    this.rom = new Connection<>(env, RomSession.class, RomSession.SERVICE_NAME,
        SessionArgs.parse(ROM_ARGS).with(SessionLabel.of(name)));
    this.size = rom.session().contentSize();
    this.attached = AttachedDataspace.ofSession(env, rom, rom.session().dataspace().cast(), false,
        "ROM \"" + name + "\"");
  }

  /** Returns the content's length in bytes. */
  public long size() {
    return size;
  }

  /** Returns where the module is attached. */
  public long address() {
    return attached.address();
  }

  /** Returns a copy of the content. */
  public byte[] bytes() {
    byte[] out = new byte[Math.toIntExact(size)];
    env.memory().read(attached.address(), out, 0, out.length);
    return out;
  }

  /** Returns the content as UTF-8 text. */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** Detaches the module and closes the ROM session. */
  @Override
  public void close() {
    attached.close();
    rom.close();
  }
}
