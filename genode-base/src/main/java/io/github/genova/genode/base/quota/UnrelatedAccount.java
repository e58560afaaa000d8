package io.github.genova.genode.base.quota;

/**
 * Quota was to move between two accounts of which neither is the other's reference account (Genode's
 * {@code Unrelated_account}; the classic RAM session answers −3). Nothing was changed.
 */
public final class UnrelatedAccount extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for a transfer from {@code from} to {@code to}. */
  public UnrelatedAccount(String from, String to) {
    super("no quota transfer from account \"" + from + "\" to \"" + to
        + "\": neither is the other's reference account");
  }
}
