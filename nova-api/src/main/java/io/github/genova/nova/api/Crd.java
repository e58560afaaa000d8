package io.github.genova.nova.api;

/**
 * A capability range descriptor: a naturally aligned range of 2^order selectors of one space, with a
 * permission mask. Encoded in one machine word as NOVA does: base in bits 63..12, order in bits 11..7,
 * permissions in bits 6..2, type in bits 1..0. A CRD whose base is not aligned to its order is still
 * representable; the kernel aligns it down where NOVA does.
 *
 * @param type which space the range is in
 * @param base first selector (object), page number (memory) or port number (I/O)
 * @param order log2 of the number of selectors, 0..31
 * @param perms permission mask, 5 bits; the meaning depends on the type (see {@link Perm})
 */
public record Crd(Type type, long base, int order, int perms) {
  /** The null CRD: names nothing. */
  public static final Crd NULL = new Crd(Type.NULL, 0, 0, 0);

  /** The space a CRD ranges over. */
  public enum Type {
    /** Names nothing. */
    NULL(0),
    /** Memory pages; base is a page number (virtual address &gt;&gt; 12). */
    MEMORY(1),
    /** I/O ports; base is a port number. */
    IO(2),
    /** Kernel objects; base is an object selector. */
    OBJECT(3);

    private static final Type[] BY_CODE = {NULL, MEMORY, IO, OBJECT};

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** Returns the type's 2-bit code. */
    public int code() {
      return code;
    }

    /** Returns the type with the 2-bit code in the low bits of {@code code}. */
    public static Type ofCode(int code) {
      return BY_CODE[code & 3];
    }
  }

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the order is outside 0..31, the permissions outside 5 bits, or the
   *     base outside 0..2^52-1
   */
  public Crd {
    if (order < 0 || order > 31) {
      throw new IllegalArgumentException("CRD order must be 0..31: " + order);
    }
    if ((perms & ~0x1f) != 0) {
      throw new IllegalArgumentException("CRD permissions are 5 bits: 0x" + Integer.toHexString(perms));
    }
    if (base < 0 || base >= 1L << 52) {
      throw new IllegalArgumentException("CRD base must be 0..2^52-1: " + base);
    }
  }

  /** An object CRD. */
  public static Crd object(long base, int order, int perms) {
    return new Crd(Type.OBJECT, base, order, perms);
  }

  /** A memory CRD over pages {@code pageBase ..}; perms are {@link Perm#MEM_R} etc. */
  public static Crd memory(long pageBase, int order, int perms) {
    return new Crd(Type.MEMORY, pageBase, order, perms);
  }

  /** An I/O CRD over ports {@code portBase ..}; the only permission is {@link Perm#IO_ACCESS}. */
  public static Crd io(long portBase, int order, int perms) {
    return new Crd(Type.IO, portBase, order, perms);
  }

  /** Decodes a CRD word. Every word decodes to some CRD. */
  public static Crd of(long word) {
    Type type = Type.ofCode((int) word);
    if (type == Type.NULL) {
      return NULL;
    }
    return new Crd(type, word >>> 12, orderOf(word), permsOf(word));
  }

  /** Returns the encoded word. */
  public long word() {
    return type == Type.NULL ? 0 : encode(type.code(), base, order, perms);
  }

  /** Returns whether this is the null CRD (type null). */
  public boolean isNull() {
    return type == Type.NULL;
  }

  /** Returns the number of selectors in the range, 2^order. */
  public long size() {
    return 1L << order;
  }

  /** Encodes the fields of a CRD word without allocating. */
  public static long encode(int type, long base, int order, int perms) {
    return base << 12 | (long) (order & 0x1f) << 7 | (long) (perms & 0x1f) << 2 | (type & 3);
  }

  /** Returns the type code (bits 1..0) of a CRD word. */
  public static int typeOf(long word) {
    return (int) word & 3;
  }

  /** Returns the base (bits 63..12) of a CRD word. */
  public static long baseOf(long word) {
    return word >>> 12;
  }

  /** Returns the order (bits 11..7) of a CRD word. */
  public static int orderOf(long word) {
    return (int) (word >>> 7) & 0x1f;
  }

  /** Returns the permission mask (bits 6..2) of a CRD word. */
  public static int permsOf(long word) {
    return (int) (word >>> 2) & 0x1f;
  }
}
