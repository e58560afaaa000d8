package io.github.genova.genode.base.quota;

/**
 * The outcome of choosing an account's reference account, with the classic RAM session's return
 * codes ({@code ref_account}).
 */
public enum RefAccountResult {
  /** The reference account is set. */
  OK(0),
  /** The account already has a reference account; it is set only once. */
  ALREADY_SET(-2),
  /** The account itself, or one that reaches it through its own references, was given. */
  CYCLE(-3);

  private final int code;

  RefAccountResult(int code) {
    this.code = code;
  }

  /** Returns the classic {@code Ram_session::ref_account} return value. */
  public int code() {
    return code;
  }
}
