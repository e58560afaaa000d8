package io.github.genova.genode.base.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.env.AttachedRamDataspace;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.pd.PdSession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AttachedRamDataspace} in init under core: what it takes from and gives back to the PD session's
 * quota (as the session itself reports it), the bytes through its mapping, and its refusals.
 */
class AttachedRamDataspaceTest {

  /** What a test runs as init: {@code env}, its PD session, and where it records what it saw. */
  private interface InitBody {
    void run(Env env, PdSession pd, List<String> record);
  }

  /** Runs {@code body} as init and returns what it recorded, once init exited without logging an error. */
  private static List<String> recordInInit(InitBody body) {
    List<String> record = Collections.synchronizedList(new ArrayList<>());
    List<String> console = CoreScenario.runInit(env -> body.run(env, env.pdSession(), record));
    assertThat(console).noneMatch(l -> l.contains("Error"));
    return record;
  }

  private static String figures(PdSession pd) {
    return pd.usedRam() + " of " + pd.ramQuota() + " bytes, " + pd.usedCaps() + " of " + pd.capQuota() + " caps";
  }

  @Test
  void item41_allocationTakesWholePagesWhatIsWrittenReadsBackAndCloseGivesTheQuotaBack() {
    List<String> results = recordInInit((env, pd, record) -> {
      long usedBefore = pd.usedRam();
      long capsBefore = pd.usedCaps();
      String before = figures(pd);
      try {
        AttachedRamDataspace ds = AttachedRamDataspace.allocate(env, 5000);
        record.add("used " + (pd.usedRam() - usedBefore) + " caps " + (pd.usedCaps() - capsBefore));
        byte[] text = "through the mapping".getBytes(StandardCharsets.US_ASCII);
        ds.write(4990, text, 8, 10);
        byte[] back = new byte[10];
        ds.read(4990, back, 0, 10);
        record.add(new String(back, StandardCharsets.US_ASCII) + " at 0x"
            + Long.toHexString(env.memory().readLong(ds.address() + 4990)) + " size " + ds.size());
        ds.close();
        record.add("after close: " + figures(pd).equals(before));
        ds.close();
        record.add("after second close: " + figures(pd).equals(before));
      } catch (AttachedRamDataspace.AllocationFailed e) {
        record.add("failed: " + e.getMessage());
      }
    });
    // 5000 bytes take two pages; "the mappin" (10 bytes from index 8) read back, its first 8 as a long: 't','h','e',' ','m','a','p','p'.
    assertThat(results).containsExactly("used 8192 caps 1", "the mappin at 0x7070616d20656874 size 5000",
        "after close: true", "after second close: true");
  }

  @Test
  void item41_aDataspaceBeyondTheQuotaIsRefusedNamingSizeAndReasonAndTheQuotaIsUnchanged() {
    List<String> results = recordInInit((env, pd, record) -> {
      String before = figures(pd);
      long tooMuch = pd.ramQuota() - pd.usedRam() + 4096;
      try {
        AttachedRamDataspace.allocate(env, tooMuch).close();
        record.add("allocated " + tooMuch);
      } catch (AttachedRamDataspace.AllocationFailed e) {
        String message = String.valueOf(e.getMessage());
        record.add(message.startsWith("cannot allocate a RAM dataspace of " + tooMuch + " bytes: ")
            + " " + message.contains("out of RAM"));
      }
      record.add("unchanged: " + figures(pd).equals(before));
      try (AttachedRamDataspace afterwards = AttachedRamDataspace.allocate(env, 4096)) {
        record.add("then a page: " + afterwards.size());
      } catch (AttachedRamDataspace.AllocationFailed e) {
        record.add("then failed: " + e.getMessage());
      }
    });
    assertThat(results).containsExactly("true true", "unchanged: true", "then a page: 4096");
  }

  @Test
  void aNonPositiveSizeAndAnAccessBeyondTheSizeAreRefusedWithoutTouchingTheQuota() {
    List<String> results = recordInInit((env, pd, record) -> {
      String before = figures(pd);
      try {
        AttachedRamDataspace.allocate(env, 0);
      } catch (IllegalArgumentException e) {
        record.add(e.getMessage());
      } catch (AttachedRamDataspace.AllocationFailed e) {
        record.add("failed: " + e.getMessage());
      }
      record.add("unchanged: " + figures(pd).equals(before));
      try (AttachedRamDataspace ds = AttachedRamDataspace.allocate(env, 100)) {
        ds.write(96, new byte[8], 0, 8);
        record.add("wrote beyond the size");
      } catch (IndexOutOfBoundsException e) {
        record.add("beyond the size refused");
      } catch (AttachedRamDataspace.AllocationFailed e) {
        record.add("failed: " + e.getMessage());
      }
      record.add("closed: " + figures(pd).equals(before));
    });
    assertThat(results).containsExactly("a RAM dataspace needs a positive size, not 0", "unchanged: true",
        "beyond the size refused", "closed: true");
  }
}
