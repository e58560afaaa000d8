package io.github.genova.genode.base.core.log;

import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.SessionArgs;
import java.util.function.Consumer;

/**
 * Core's LOG service: each session prints what its client writes as {@code [<label>] text} on the console,
 * one line per line of text, the newline added where missing. A session costs core 4 KiB and one
 * capability of the donation (the default donation is 8 KiB and 2 caps).
 */
public final class LogRoot extends RootComponent<LogSession> {
  /** What one session object costs: RAM. */
  public static final RamQuota SESSION_RAM = RamQuota.of(4096);
  /** What one session object costs: capabilities. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(1);

  private final Consumer<String> console;

  /** Creates the LOG root served by {@code ep}, printing to {@code console}, charging {@code accounts}. */
  public LogRoot(RpcEntrypoint ep, QuotaAccounts accounts, Consumer<String> console, Log log) {
    super(ep, LogSession.class, accounts, SESSION_RAM, SESSION_CAPS, log);
    this.console = console;
  }

  @Override
  protected LogSession createSession(SessionArgs args) {
    String label = args.label().toString();
    return text -> print(label, text);
  }

  private void print(String label, String text) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      console.accept("[" + label + "] " + line);
    }
  }
}
