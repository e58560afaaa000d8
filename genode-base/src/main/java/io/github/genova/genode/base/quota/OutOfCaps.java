package io.github.genova.genode.base.quota;

/**
 * An account has fewer capabilities available than an allocation or transfer needs (Genode's
 * {@code Out_of_caps}). Nothing was changed.
 */
public final class OutOfCaps extends Exception {
  private static final long serialVersionUID = 1L;

  /** The account that ran out. */
  private final String account;

  /** Creates the exception as an RPC stub rethrows it: the account's name does not travel, it is empty. */
  public OutOfCaps() {
    super("out of caps (reported by the parent)");
    this.account = "";
  }

  /** Creates the exception for {@code account}, which had {@code available} of {@code requested}. */
  public OutOfCaps(String account, CapQuota requested, CapQuota available) {
    super("account \"" + account + "\" is out of caps: needs " + requested.value() + ", "
        + available.value() + " available");
    this.account = account;
  }

  /** Returns the name of the account that ran out. */
  public String account() {
    return account;
  }
}
