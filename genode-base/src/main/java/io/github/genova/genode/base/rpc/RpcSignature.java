package io.github.genova.genode.base.rpc;

import io.github.genova.genode.base.nova.Msgbuf;
import io.github.genova.nova.api.Utcb;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One RPC function of an interface as it travels: opcode, the wire types of its parameters (with their
 * direction) and result, its declared exceptions in order, and how many capabilities its reply may carry.
 *
 * @param opcode the function's opcode
 * @param method the interface method
 * @param params the parameters in order
 * @param result the result, or null for void
 * @param exceptions the declared exceptions in order (Ei of n travels as {@code -1000-(n-i+1)})
 * @param exceptionFactories no-argument constructors of the exceptions, in the same order
 */
record RpcSignature(int opcode, Method method, List<Param> params, @Nullable WireType result,
    List<Class<?>> exceptions, List<MethodHandle> exceptionFactories) {

  /**
   * A parameter.
   *
   * @param type how it travels
   * @param inOut whether it is written back from the reply
   */
  record Param(WireType type, boolean inOut) {}

  /** Returns how many capabilities the reply may carry. */
  int receiveCaps() {
    return result == null ? 0 : result.caps();
  }

  /** Analyses {@code method} (which has opcode {@code opcode}). */
  static RpcSignature of(int opcode, Method method) {
    String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    List<Param> params = new ArrayList<>();
    int words = 2;
    int replyWords = 1;
    for (Parameter p : method.getParameters()) {
      String where = name + " parameter " + p.getName();
      WireType t = WireType.of(p.getType(), p, where);
      boolean inOut = p.isAnnotationPresent(InOut.class);
      if (inOut && !(t instanceof WireType.Bytes)) {
        throw new IllegalArgumentException(where + ": only byte[] parameters can be @InOut");
      }
      params.add(new Param(t, inOut));
      words += t.maxWords();
      if (inOut) {
        replyWords += t.maxWords();
      }
    }
    WireType result = method.getReturnType() == void.class
        ? null : WireType.of(method.getReturnType(), method, name + " result");
    replyWords += result == null ? 0 : result.maxWords();
    int room = Utcb.DATA_WORDS - 2 * Msgbuf.MAX_CAPS;
    if (words > room || replyWords > room) {
      throw new IllegalArgumentException(name + ": the message may need " + Math.max(words, replyWords)
          + " words, more than the " + room + " a UTCB holds");
    }
    List<Class<?>> exceptions = List.of(method.getExceptionTypes());
    List<MethodHandle> factories = new ArrayList<>();
    for (Class<?> e : exceptions) {
      if (!Modifier.isPublic(e.getModifiers())) {
        throw new IllegalArgumentException(name + ": declared exception " + e.getName() + " must be public");
      }
      try {
        factories.add(MethodHandles.publicLookup().findConstructor(e, MethodType.methodType(void.class)));
      } catch (ReflectiveOperationException x) {
        throw new IllegalArgumentException(
            name + ": declared exception " + e.getName() + " needs a public no-argument constructor", x);
      }
    }
    return new RpcSignature(opcode, method, List.copyOf(params), result, exceptions, List.copyOf(factories));
  }
}
