package io.github.genova.genode.base.quota;

/**
 * An account has less RAM quota available than an allocation or transfer needs (Genode's
 * {@code Out_of_ram}; the classic RAM session calls it {@code Quota_exceeded}). Nothing was changed.
 */
public final class OutOfRam extends Exception {
  private static final long serialVersionUID = 1L;

  /** The account that ran out. */
  private final String account;

  /** Creates the exception as an RPC stub rethrows it: the account's name does not travel, it is empty. */
  public OutOfRam() {
    super("out of RAM (reported by the parent)");
    this.account = "";
  }

  /** Creates the exception for {@code account}, which had {@code available} of {@code requested}. */
  public OutOfRam(String account, RamQuota requested, RamQuota available) {
    super("account \"" + account + "\" is out of RAM: needs " + requested.value() + " bytes, "
        + available.value() + " available");
    this.account = account;
  }

  /** Returns the name of the account that ran out. */
  public String account() {
    return account;
  }
}
