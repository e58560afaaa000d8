package io.github.genova.genode.base.quota;

/**
 * The pair of accounts every component has with core, one for RAM and one for capabilities (what
 * today's PD session keeps; the classic RAM session had RAM only). Both accounts share the reference
 * relation: choosing or closing applies to both.
 *
 * @param ram the RAM account
 * @param caps the capability account
 */
public record QuotaAccounts(RamAccount ram, CapAccount caps) {
  /** Creates the accounts of {@code name} with the given limits and no reference account. */
  public static QuotaAccounts of(String name, RamQuota ram, CapQuota caps) {
    return new QuotaAccounts(new RamAccount(name, ram), new CapAccount(name, caps));
  }

  /**
   * Chooses {@code reference}'s accounts as the reference accounts of these: first for RAM, then, if
   * that worked, for capabilities. Accounts related only through {@code QuotaAccounts} form the same
   * graph for both kinds, so both steps then give the same result; the first failing result is returned.
   */
  public RefAccountResult referenceAccount(QuotaAccounts reference) {
    if (ram.referenceAccount() != null || caps.referenceAccount() != null) {
      return RefAccountResult.ALREADY_SET;
    }
    RefAccountResult result = ram.referenceAccount(reference.ram);
    if (result != RefAccountResult.OK) {
      return result;
    }
    return caps.referenceAccount(reference.caps);
  }

  /** Closes both accounts, handing their quota to their reference accounts. */
  public void close() {
    ram.close();
    caps.close();
  }
}
