package io.github.genova.genode.base.quota;

import java.util.List;

/**
 * Quota moved along a path of accounts, each the reference account of its neighbour or referring to
 * it (Genode's {@code Ram_transfer}/{@code Cap_transfer}): the session donation child → parent →
 * server, or parent → child. The move happens completely or not at all, and it is provisional: unless
 * {@link #acknowledge() acknowledged}, {@link #close()} moves the quota back along the path, so a
 * session request that fails after the donation leaves every account as it was.
 *
 * <pre>{@code
 * try (var donation = QuotaTransfer.along(List.of(child, init, server), RamQuota.of(8192))) {
 *   var session = root.session(args);   // throws: close() returns the donation
 *   donation.acknowledge();             // the session exists: the quota stays at the server
 * }
 * }</pre>
 *
 * <p>Thread-safe; the accounts on the path are locked in creation order for the move and for the
 * return.
 *
 * @param <Q> the kind of quota
 * @param <X> the exception thrown when the first account has too little of it
 */
public final class QuotaTransfer<Q extends Quota, X extends Exception> implements AutoCloseable {
  private final List<Account<Q, X>> path;
  private final Q amount;
  private boolean settled;

  private QuotaTransfer(List<Account<Q, X>> path, Q amount) {
    this.path = path;
    this.amount = amount;
  }

  /**
   * Moves {@code amount} from the first account of {@code path} through each following one to the
   * last. Intermediate accounts end where they were; only the first gives and the last receives.
   *
   * @throws X if the first account has less than {@code amount} available
   * @throws UnrelatedAccount if two neighbours on the path are not related by reference
   * @throws IllegalArgumentException if the path has fewer than two accounts
   * @throws IllegalStateException if an account on the path is closed
   */
  public static <Q extends Quota, X extends Exception> QuotaTransfer<Q, X> along(
      List<? extends Account<Q, X>> path, Q amount) throws X, UnrelatedAccount {
    List<Account<Q, X>> accounts = List.copyOf(path);
    if (accounts.size() < 2) {
      throw new IllegalArgumentException("a quota transfer needs at least two accounts, got "
          + accounts.size());
    }
    Account.lockAll(accounts);
    try {
      for (Account<Q, X> a : accounts) {
        a.requireOpen();
      }
      for (int i = 0; i + 1 < accounts.size(); i++) {
        if (!accounts.get(i).relatedTo(accounts.get(i + 1))) {
          throw new UnrelatedAccount(accounts.get(i).name(), accounts.get(i + 1).name());
        }
      }
      Account<Q, X> first = accounts.getFirst();
      long avail = first.availLocked();
      if (amount.value() > avail) {
        throw first.exhausted(amount.value(), avail);
      }
      first.addLimitLocked(-amount.value());
      accounts.getLast().addLimitLocked(amount.value());
    } finally {
      Account.unlockAll(accounts);
    }
    return new QuotaTransfer<>(accounts, amount);
  }

  /** Returns the amount moved. */
  public Q amount() {
    return amount;
  }

  /** Makes the move permanent: {@link #close()} no longer returns the quota. */
  public synchronized void acknowledge() {
    settled = true;
  }

  /**
   * Returns the quota to the first account unless the transfer was acknowledged or already returned.
   *
   * @throws IllegalStateException if the last account has meanwhile used the quota or an account was
   *     closed; nothing is changed then
   */
  @Override
  public synchronized void close() {
    if (settled) {
      return;
    }
    Account.lockAll(path);
    try {
      for (Account<Q, X> a : path) {
        if (a.closedLocked()) {
          throw new IllegalStateException("cannot return " + amount + " to account \""
              + path.getFirst().name() + "\": account \"" + a.name() + "\" was closed meanwhile");
        }
      }
      Account<Q, X> last = path.getLast();
      if (last.availLocked() < amount.value()) {
        throw new IllegalStateException("cannot return " + amount + " to account \""
            + path.getFirst().name() + "\": account \"" + last.name() + "\" has used it meanwhile");
      }
      last.addLimitLocked(-amount.value());
      path.getFirst().addLimitLocked(amount.value());
      settled = true;
    } finally {
      Account.unlockAll(path);
    }
  }
}
