package io.github.genova.genode.base.rpc;

/** Conversions the generated stubs and dispatchers use for words that are not plain longs. */
final class Wire {
  private Wire() {}

  private static final ClassValue<Object[]> CONSTANTS = new ClassValue<>() {
    @Override
    protected Object[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      return constants == null ? new Object[0] : constants;
    }
  };

  /** A word as a boolean: any non-zero word is true. */
  static boolean bool(long word) {
    return word != 0;
  }

  /**
   * The constant of enum {@code type} with ordinal {@code word}.
   *
   * @throws IllegalArgumentException if there is none
   */
  static Object enumConstant(Class<?> type, long word) {
    Object[] constants = CONSTANTS.get(type);
    if (word < 0 || word >= constants.length) {
      throw new IllegalArgumentException("no constant with ordinal " + word + " in " + type.getName());
    }
    return constants[(int) word];
  }
}
