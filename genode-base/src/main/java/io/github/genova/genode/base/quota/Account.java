package io.github.genova.genode.base.quota;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A quota account: a limit, the part of it in use, and optionally a reference account (Genode's
 * {@code Account} around a {@code Quota_guard}). Usage grows by {@link #withdraw} up to the limit and
 * shrinks by {@link #replenish}; quota moves between accounts only along a reference relation (an
 * account and its reference account, in either direction) and never below what is in use. Closing an
 * account hands its quota and its member accounts to its reference account.
 *
 * <p>Thread-safe. An operation that throws changes nothing. Operations on several accounts lock them
 * in creation order, so concurrent transfers cannot deadlock; results never depend on that order.
 *
 * @param <Q> the kind of quota
 * @param <X> the exception thrown when the account has too little of it
 */
public abstract sealed class Account<Q extends Quota, X extends Exception> permits RamAccount, CapAccount {
  /** Serialises changes to the reference graph (set reference account, close); taken before account locks. */
  private static final ReentrantLock GRAPH = new ReentrantLock();

  /** Creation order, used only to order lock acquisition. */
  private static final AtomicLong NEXT_ID = new AtomicLong();

  private final long id = NEXT_ID.getAndIncrement();
  private final ReentrantLock lock = new ReentrantLock();
  private final String name;
  private long limit;
  private long used;
  private @Nullable Account<Q, X> ref;
  /** Accounts that have this one as reference, in the order they chose it. */
  private final List<Account<Q, X>> members = new ArrayList<>();
  private boolean closed;

  /** Creates an account named {@code name} (for messages) with {@code limit} and nothing used. */
  Account(String name, Q limit) {
    this.name = name;
    this.limit = limit.value();
  }

  /** Returns an amount of this account's kind of quota. */
  abstract Q quota(long value);

  /** Returns the exception for a request of {@code requested} where only {@code available} is left. */
  abstract X exhausted(long requested, long available);

  /** Returns the account's name, as used in messages. */
  public final String name() {
    return name;
  }

  /** Returns the current limit. */
  public final Q limit() {
    lock.lock();
    try {
      return quota(limit);
    } finally {
      lock.unlock();
    }
  }

  /** Returns how much of the limit is in use. */
  public final Q used() {
    lock.lock();
    try {
      return quota(used);
    } finally {
      lock.unlock();
    }
  }

  /** Returns limit minus used: what may still be withdrawn or transferred away. */
  public final Q avail() {
    lock.lock();
    try {
      return quota(limit - used);
    } finally {
      lock.unlock();
    }
  }

  /** Returns the reference account, or null while none is set (or for a root account). */
  public final @Nullable Account<Q, X> referenceAccount() {
    lock.lock();
    try {
      return ref;
    } finally {
      lock.unlock();
    }
  }

  /** Returns whether the account has been closed. */
  public final boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Marks {@code amount} as used.
   *
   * @throws X if less than {@code amount} is available; nothing is changed then
   */
  public final void withdraw(Q amount) throws X {
    lock.lock();
    try {
      requireOpen();
      if (amount.value() > limit - used) {
        throw exhausted(amount.value(), limit - used);
      }
      used += amount.value();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Gives back {@code amount} of usage withdrawn before.
   *
   * @throws IllegalArgumentException if more than is in use would be given back
   */
  public final void replenish(Q amount) {
    lock.lock();
    try {
      requireOpen();
      if (amount.value() > used) {
        throw new IllegalArgumentException("account \"" + name + "\": replenishing " + amount
            + " exceeds the " + quota(used) + " in use");
      }
      used -= amount.value();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Raises the limit by {@code amount} that reached this account by other means than a transfer, as a
   * server's per-session account does when the client upgrades the session.
   */
  public final void upgrade(Q amount) {
    lock.lock();
    try {
      requireOpen();
      limit = Math.addExact(limit, amount.value());
    } finally {
      lock.unlock();
    }
  }

  /** Lowers the limit by {@code amount} if that much is available; returns whether it did. */
  public final boolean tryDowngrade(Q amount) {
    lock.lock();
    try {
      requireOpen();
      if (amount.value() > limit - used) {
        return false;
      }
      limit -= amount.value();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Chooses {@code reference} as this account's reference account, once (the classic RAM session's
   * {@code ref_account}). Afterwards quota may move between the two, and closing this account hands
   * its quota to {@code reference}.
   */
  public final RefAccountResult referenceAccount(Account<Q, X> reference) {
    GRAPH.lock();
    try {
      for (Account<Q, X> a = reference; a != null; a = a.ref) {
        if (a == this) {
          return RefAccountResult.CYCLE;
        }
      }
      List<Account<Q, X>> both = List.of(this, reference);
      lockAll(both);
      try {
        requireOpen();
        reference.requireOpen();
        if (ref != null) {
          return RefAccountResult.ALREADY_SET;
        }
        ref = reference;
        reference.members.add(this);
        return RefAccountResult.OK;
      } finally {
        unlockAll(both);
      }
    } finally {
      GRAPH.unlock();
    }
  }

  /**
   * Moves {@code amount} of limit from this account to {@code to}, which must be this account's
   * reference account or have this account as its reference.
   *
   * @throws X if less than {@code amount} is available here (quota in use never moves)
   * @throws UnrelatedAccount if neither account is the other's reference
   */
  public final void transfer(Account<Q, X> to, Q amount) throws X, UnrelatedAccount {
    QuotaTransfer.along(List.of(this, to), amount).acknowledge();
  }

  /**
   * Closes the account: the objects accounted to it are gone, so its whole limit returns to its
   * reference account and its member accounts take that reference account as theirs. A root account's
   * quota simply ceases to exist. Closing twice has no effect.
   */
  public final void close() {
    GRAPH.lock();
    try {
      List<Account<Q, X>> involved = new ArrayList<>(members);
      involved.add(this);
      Account<Q, X> parent = ref;
      if (parent != null) {
        involved.add(parent);
      }
      lockAll(involved);
      try {
        if (closed) {
          return;
        }
        closed = true;
        if (parent != null) {
          parent.limit = Math.addExact(parent.limit, limit);
          parent.members.remove(this);
        }
        for (Account<Q, X> member : members) {
          member.ref = parent;
          if (parent != null) {
            parent.members.add(member);
          }
        }
        members.clear();
        limit = 0;
        used = 0;
      } finally {
        unlockAll(involved);
      }
    } finally {
      GRAPH.unlock();
    }
  }

  @Override
  public final String toString() {
    lock.lock();
    try {
      return getClass().getSimpleName() + "[" + name + ": " + quota(used).value() + " of "
          + quota(limit).value() + " used" + (closed ? ", closed" : "") + "]";
    } finally {
      lock.unlock();
    }
  }

  // ---- used by QuotaTransfer, with the locks of all accounts involved held ----

  /** Returns whether quota may move from this account to {@code to} (one is the other's reference). */
  final boolean relatedTo(Account<Q, X> to) {
    return to.ref == this || ref == to;
  }

  final long availLocked() {
    return limit - used;
  }

  final void addLimitLocked(long delta) {
    limit = Math.addExact(limit, delta);
  }

  final boolean closedLocked() {
    return closed;
  }

  final void requireOpen() {
    if (closed) {
      throw new IllegalStateException("account \"" + name + "\" is closed");
    }
  }

  /** Locks each distinct account once, in creation order. */
  static void lockAll(List<? extends Account<?, ?>> accounts) {
    for (Account<?, ?> a : distinctInLockOrder(accounts)) {
      a.lock.lock();
    }
  }

  /** Releases what {@link #lockAll} took. */
  static void unlockAll(List<? extends Account<?, ?>> accounts) {
    for (Account<?, ?> a : distinctInLockOrder(accounts).reversed()) {
      a.lock.unlock();
    }
  }

  private static List<Account<?, ?>> distinctInLockOrder(List<? extends Account<?, ?>> accounts) {
    List<Account<?, ?>> sorted = new ArrayList<>(accounts);
    sorted.sort(Comparator.comparingLong(a -> a.id));
    List<Account<?, ?>> distinct = new ArrayList<>(sorted.size());
    for (Account<?, ?> a : sorted) {
      if (distinct.isEmpty() || distinct.getLast() != a) {
        distinct.add(a);
      }
    }
    return distinct;
  }
}
