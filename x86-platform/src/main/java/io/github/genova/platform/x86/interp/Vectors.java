package io.github.genova.platform.x86.interp;

/** The architectural exception vectors and their classes for double-fault detection. */
final class Vectors {
  static final int DE = 0;
  static final int DB = 1;
  static final int BP = 3;
  static final int OF = 4;
  static final int BR = 5;
  static final int UD = 6;
  static final int NM = 7;
  static final int DF = 8;
  static final int TS = 10;
  static final int NP = 11;
  static final int SS = 12;
  static final int GP = 13;
  static final int PF = 14;

  private static final String[] NAMES = {
    "#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "#MF9", "#TS", "#NP", "#SS", "#GP", "#PF"
  };

  private Vectors() {}

  static String name(int vector) {
    return vector < NAMES.length ? NAMES[vector] : "vector " + vector;
  }

  /** Whether the vector pushes an error code in protected mode. */
  static boolean hasErrorCode(int vector) {
    return vector == DF || (vector >= TS && vector <= PF) || vector == 17;
  }

  /** Whether a second fault {@code second} while delivering {@code first} becomes a double fault. */
  static boolean isDoubleFault(int first, int second) {
    boolean firstContributory = first == DE || (first >= TS && first <= GP);
    boolean secondContributory = second == DE || (second >= TS && second <= GP);
    return (firstContributory && secondContributory) || (first == PF && (secondContributory || second == PF));
  }
}
