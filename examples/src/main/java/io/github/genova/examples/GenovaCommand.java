package io.github.genova.examples;

import java.io.PrintStream;

/**
 * The {@code genova} command: boots a scenario in-process and prints what it does. Run it through
 * the {@code ./genova} script at the top of the repository.
 */
public final class GenovaCommand {
  private GenovaCommand() {}

  /**
   * Entry point.
   *
   * @param args {@code run [scenario]}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !args[0].equals("run")) {
      err.println("usage: genova run [scenario]");
      return 2;
    }
    if (args.length > 1) {
      err.println("genova: scenario files need init, which is not built yet; running the built-in example");
    }
    out.println("genova: running the two-PD portal example (the Genode demo scenario is not built yet)");
    TwoPdsExample.run(out);
    return 0;
  }
}
