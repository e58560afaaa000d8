package io.github.genova.genode.base.rpc;

import io.github.genova.genode.base.cap.Capability;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one Java type travels in an RPC message: its kind, and the most words it may take. Built once per
 * interface by {@link RpcInterface#of}; types that cannot travel are refused with a message naming where
 * they occur.
 */
sealed interface WireType {
  /** The Java type. */
  Class<?> type();

  /** The most data words the value occupies. */
  int maxWords();

  /** The number of capabilities the value carries. */
  default int caps() {
    return 0;
  }

  /** A primitive: one word. */
  record Primitive(Class<?> type) implements WireType {
    @Override
    public int maxWords() {
      return 1;
    }
  }

  /** A string with a declared bound in bytes (including NUL): a size word and the bytes. */
  record Str(int bound) implements WireType {
    @Override
    public Class<?> type() {
      return String.class;
    }

    @Override
    public int maxWords() {
      return 1 + (bound + 7) / 8;
    }
  }

  /** A byte buffer with a declared bound: a size word and the bytes. */
  record Bytes(int bound) implements WireType {
    @Override
    public Class<?> type() {
      return byte[].class;
    }

    @Override
    public int maxWords() {
      return 1 + (bound + 7) / 8;
    }
  }

  /** An enum: its ordinal in one word. */
  record EnumType(Class<?> type) implements WireType {
    @Override
    public int maxWords() {
      return 1;
    }
  }

  /** A record: its components in order. */
  record RecordType(Class<?> type, List<Method> accessors, List<WireType> components) implements WireType {
    @Override
    public int maxWords() {
      return components.stream().mapToInt(WireType::maxWords).sum();
    }
  }

  /** A capability: a typed item, no data word. */
  record Cap() implements WireType {
    @Override
    public Class<?> type() {
      return Capability.class;
    }

    @Override
    public int maxWords() {
      return 0;
    }

    @Override
    public int caps() {
      return 1;
    }
  }

  /**
   * Returns how {@code type} travels.
   *
   * @param bound the element's {@link Bound}, if any
   * @param where names the element, for the error message
   * @throws IllegalArgumentException if the type cannot travel
   */
  static WireType of(Class<?> type, @Nullable AnnotatedElement bound, String where) {
    Bound b = bound == null ? null : bound.getAnnotation(Bound.class);
    if (type.isPrimitive() && type != void.class) {
      return new Primitive(type);
    }
    if (type == String.class || type == byte[].class) {
      if (b == null || b.value() < 1) {
        throw new IllegalArgumentException(where + ": a " + type.getSimpleName() + " needs a positive @Bound");
      }
      return type == String.class ? new Str(b.value()) : new Bytes(b.value());
    }
    if (type == Capability.class) {
      return new Cap();
    }
    if (type.isEnum()) {
      requirePublic(type, where);
      return new EnumType(type);
    }
    if (type.isRecord()) {
      requirePublic(type, where);
      List<Method> accessors = new ArrayList<>();
      List<WireType> components = new ArrayList<>();
      for (RecordComponent c : type.getRecordComponents()) {
        WireType t = of(c.getType(), c, where + " (component " + c.getName() + " of " + type.getSimpleName() + ")");
        if (t.caps() > 0) {
          throw new IllegalArgumentException(where + ": records cannot carry capabilities (" + c.getName() + ")");
        }
        accessors.add(c.getAccessor());
        components.add(t);
      }
      return new RecordType(type, List.copyOf(accessors), List.copyOf(components));
    }
    throw new IllegalArgumentException(where + ": type " + type.getName()
        + " cannot travel in an RPC message (primitives, bounded strings and byte[], enums, records of those,"
        + " capabilities)");
  }

  private static void requirePublic(Class<?> type, String where) {
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new IllegalArgumentException(where + ": " + type.getName() + " must be public");
    }
  }
}
