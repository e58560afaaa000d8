package io.github.genova.genode.os.test.subrm;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rm.RmSession;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The sub-RM test after Genode's ({@code test-sub_rm}): creates (and first destroys) a region map of {@link
 * #SUB_RM_SIZE} through an RM session, attaches a four-page RAM dataspace carrying two patterns into it at
 * fixed offsets, attaches the region map as a managed dataspace into the own address space at {@link
 * #LOCAL_ATTACH_ADDR}, and validates the patterns through that view, also for attachments made after the
 * managed dataspace was attached, with an offset, and with offset and size. An attach beyond the region
 * map's end and one overlapping a region must fail. Both directions of sharing are checked: what is written
 * through the managed view is read through a direct attachment of the dataspace, and the other way round.
 * Logs {@code --- end of sub-rm test ---} and exits with 0, or logs {@code Error: FAIL: ...} and exits with -1.
 */
public final class SubRmTest implements Component {
  /** The size of the region map. */
  public static final long SUB_RM_SIZE = 1024 * 1024;
  /** The size of the RAM dataspace attached into it. */
  public static final long DS_SIZE = 4 * 4096;
  /** Where the region map is attached in the own address space (Genode's {@code local_attach_addr}). */
  public static final long LOCAL_ATTACH_ADDR = 0x6000_0000L;
  /** The pattern at the start of the dataspace. */
  public static final String PATTERN = "Pattern to verify dataspace content";
  /** The pattern at the start of the dataspace's second page. */
  public static final String PATTERN_2 = "A second pattern to verify dataspace content";
  /** What the test writes through the managed view and expects in the dataspace. */
  public static final String WRITTEN_THROUGH_SUB_RM = "written through the sub rm";
  /** What the test writes into the dataspace directly and expects through the managed view. */
  public static final String WRITTEN_DIRECTLY = "written directly into the dataspace";

  private static final String RM_ARGS = "ram_quota=16K, cap_quota=6";
  private static final long DS_SUB_OFFSET = 4096;
  private static final long DS_SUB_OFFSET_2 = 0x40000;
  private static final long DS_SUB_OFFSET_3 = 0x80000;
  private static final long DS_SUB_OFFSET_4 = 0xc0000;

  /** A check that failed: its message says what. */
  private static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    Failed(String message) {
      super(message);
    }
  }

  /** Creates the test. */
  public SubRmTest() {}

  @Override
  public void construct(Env env) {
    Log log = env.log();
    log.log("--- sub-rm test ---");
    log.log("create RM connection");
    try (Connection<RmSession> rm = new Connection<>(env, RmSession.class, RmSession.SERVICE_NAME,
        SessionArgs.parse(RM_ARGS))) {
      run(env, rm.session());
    } catch (Failed e) {
      log.error("FAIL: " + e.getMessage());
      env.parentInterface().exit(-1);
      return;
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error("FAIL: no RM session: " + e);
      env.parentInterface().exit(-1);
      return;
    }
    log.log("--- end of sub-rm test ---");
    env.parentInterface().exit(0);
  }

  private static void run(Env env, RmSession rm) throws Failed {
    Log log = env.log();
    log.log("create and destroy region map");
    rm.destroy(rm.create(SUB_RM_SIZE));

    log.log("create managed dataspace");
    RegionMap sub = RpcInterface.of(RegionMap.class).client(rm.create(SUB_RM_SIZE));
    Capability<Dataspace> ds;
    try {
      ds = env.pdSession().allocRam(DS_SIZE);
    } catch (OutOfRam | OutOfCaps e) {
      throw new Failed("cannot allocate the RAM dataspace: " + e);
    }
    long direct = attach(env.rm(), ds, 0, 0, 0, "the dataspace locally");
    log.log("fill dataspace with information");
    writeString(env, direct, PATTERN);
    log.log("fill dataspace with information");
    writeString(env, direct + 4096, PATTERN_2);

    log.log("attach RAM ds to a fixed position at sub rm");
    attach(sub, ds, 0, 0, DS_SUB_OFFSET, "the RAM ds at 0x" + Long.toHexString(DS_SUB_OFFSET));

    log.log("attach sub rm at local address space");
    long base = attach(env.rm(), sub.dataspace(), 0, 0, LOCAL_ATTACH_ADDR, "the sub rm locally");

    log.log("validate pattern in sub rm");
    validate(env, PATTERN, base + DS_SUB_OFFSET);

    log.log("attach RAM ds at another fixed position at sub rm");
    attach(sub, ds, 0, 0, DS_SUB_OFFSET_2, "the RAM ds at 0x" + Long.toHexString(DS_SUB_OFFSET_2));
    log.log("validate pattern in second mapping in sub rm");
    validate(env, PATTERN, base + DS_SUB_OFFSET_2);

    expectConflict(sub, ds, SUB_RM_SIZE - 4096, "undetected boundary conflict");
    log.log("attaching beyond sub RM boundary failed as expected");

    log.log("attaching RAM ds to a conflicting region");
    expectConflict(sub, ds, DS_SUB_OFFSET + 4096, "region conflict went undetected");
    log.log("attaching conflicting region failed as expected");

    log.log("attach RAM ds with offset");
    attach(sub, ds, 0, 4096, DS_SUB_OFFSET_3, "the RAM ds with offset");
    validate(env, PATTERN_2, base + DS_SUB_OFFSET_3);

    log.log("attach RAM ds with offset and size");
    attach(sub, ds, 2 * 4096, 4096, DS_SUB_OFFSET_4, "the RAM ds with offset and size");
    validate(env, PATTERN_2, base + DS_SUB_OFFSET_4);

    log.log("write through the sub rm, read the dataspace directly");
    writeString(env, base + DS_SUB_OFFSET_4 + 4096, WRITTEN_THROUGH_SUB_RM);
    validate(env, WRITTEN_THROUGH_SUB_RM, direct + 2 * 4096);
    log.log("write the dataspace directly, read through the sub rm");
    writeString(env, direct + 3 * 4096, WRITTEN_DIRECTLY);
    validate(env, WRITTEN_DIRECTLY, base + DS_SUB_OFFSET + 3 * 4096);

    sub.detach(DS_SUB_OFFSET);
    log.log("detached the RAM ds at 0x" + Long.toHexString(DS_SUB_OFFSET) + " from the sub rm");
    validate(env, PATTERN, base + DS_SUB_OFFSET_2);
  }

  private static long attach(RegionMap map, Capability<Dataspace> ds, long size, long offset, long at, String what)
      throws Failed {
    try {
      long got = map.attach(ds, size, offset, at != 0, at, true);
      if (at != 0 && got != at) {
        throw new Failed("attach-at return-value mismatch: 0x" + Long.toHexString(got));
      }
      return got;
    } catch (RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
      throw new Failed("cannot attach " + what + ": " + e.getMessage());
    }
  }

  private static void expectConflict(RegionMap sub, Capability<Dataspace> ds, long at, String failure)
      throws Failed {
    try {
      sub.attach(ds, 0, 0, true, at, true);
    } catch (RegionMap.RegionConflict expected) {
      return;
    } catch (RegionMap.InvalidDataspace e) {
      throw new Failed(failure + " (invalid dataspace instead of a region conflict)");
    }
    throw new Failed(failure);
  }

  private static void writeString(Env env, long at, String s) {
    byte[] bytes = (s + '\0').getBytes(StandardCharsets.US_ASCII);
    env.memory().write(at, bytes, 0, bytes.length);
  }

  private static void validate(Env env, String pattern, long at) throws Failed {
    byte[] expected = (pattern + '\0').getBytes(StandardCharsets.US_ASCII);
    byte[] seen = new byte[expected.length];
    env.memory().read(at, seen, 0, seen.length);
    if (!Arrays.equals(seen, expected)) {
      throw new Failed("test pattern not found at 0x" + Long.toHexString(at) + ": \""
          + new String(seen, StandardCharsets.US_ASCII).replace("\0", "\\0") + "\"");
    }
  }
}
