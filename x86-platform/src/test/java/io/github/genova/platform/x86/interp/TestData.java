package io.github.genova.platform.x86.interp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared x86 test data ({@code ../shared/testdata/x86} from the project root). */
final class TestData {
  private TestData() {}

  /** Returns the path of {@code name} in the test data, skipping the test with a message when absent. */
  static Path require(String name) {
    Path root = Path.of("").toAbsolutePath();
    for (Path p = root; p != null; p = p.getParent()) {
      Path candidate = p.resolve("../shared/testdata/x86").resolve(name).normalize();
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    assumeTrue(false, "x86 test data '" + name + "' not found under ../shared/testdata/x86 relative to "
        + root + " or its parents: skipping (the data lives outside the repository)");
    throw new AssertionError("unreachable");
  }
}
