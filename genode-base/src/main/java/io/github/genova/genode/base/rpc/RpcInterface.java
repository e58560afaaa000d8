package io.github.genova.genode.base.rpc;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.nova.IpcError;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.nova.RpcExceptionCode;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An RPC interface, analysed and compiled once: its functions in opcode order, a generated client stub
 * class and a generated server dispatcher (hidden classes; no reflection per call).
 *
 * <p>Rules, checked by {@link #of}: the type is a public interface in a package visible to this module;
 * every abstract method is an {@link RpcFunction} whose opcode is its index in the function list (the
 * functions of the extended interfaces first, in {@code extends} order, then the interface's own in opcode
 * order); parameters and results are primitives, {@link Bound bounded} strings and {@code byte[]} (the
 * latter possibly {@link InOut}), enums, records of those, or {@link Capability capabilities}; a message
 * fits the UTCB. Default and static methods are local helpers, not functions.
 *
 * @param <T> the interface
 */
public final class RpcInterface<T> {
  private static final ClassValue<RpcInterface<?>> CACHE = new ClassValue<>() {
    @Override
    protected RpcInterface<?> computeValue(Class<?> type) {
      return analyse(type);
    }
  };

  private final Class<T> type;
  private final List<RpcSignature> functions;
  private final MethodHandle clientConstructor;
  private final Dispatcher dispatcher;

  private RpcInterface(Class<T> type, List<RpcSignature> functions, MethodHandle clientConstructor,
      Dispatcher dispatcher) {
    this.type = type;
    this.functions = functions;
    this.clientConstructor = clientConstructor;
    this.dispatcher = dispatcher;
  }

  /**
   * Returns the RPC interface {@code type}, analysing it and generating its stub and dispatcher on first use.
   *
   * @throws IllegalArgumentException naming the offending method, parameter or type if {@code type} breaks
   *     the rules
   */
  @SuppressWarnings("unchecked")
  public static <T> RpcInterface<T> of(Class<T> type) {
    return (RpcInterface<T>) CACHE.get(type);
  }

  /** Returns the interface type. */
  public Class<T> type() {
    return type;
  }

  /** Returns the number of functions (opcodes are 0 to this minus one). */
  public int functionCount() {
    return functions.size();
  }

  /**
   * Returns the method with opcode {@code opcode}.
   *
   * @throws IndexOutOfBoundsException if there is none
   */
  public Method function(int opcode) {
    return functions.get(opcode).method();
  }

  /**
   * Returns a client of the object {@code cap} names, for calls by whatever Genode thread calls it (it finds
   * the calling thread through {@link NativeThread#current()}).
   */
  public T client(Capability<? extends T> cap) {
    return newClient(null, cap);
  }

  /**
   * Returns a client of the object {@code cap} names bound to the native thread {@code caller}: only code
   * running as that thread may use it. The RPC fast path: no look-up of the calling thread.
   */
  public T client(Capability<? extends T> cap, NativeThread caller) {
    return newClient(caller, cap);
  }

  private T newClient(@Nullable NativeThread caller, Capability<? extends T> cap) {
    try {
      return type.cast(clientConstructor.invoke(caller, cap.selector(), this));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot instantiate the client stub of " + type.getName(), e);
    }
  }

  Dispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Called by generated stubs for a reply whose exception code is not SUCCESS: throws the declared
   * exception it stands for, {@link IpcError} for INVALID_OBJECT, and returns for INVALID_OPCODE or an
   * unknown code (the stub then returns the type's default value, as Genode's client does).
   */
  static void raise(RpcInterface<?> meta, int fn, long code) {
    if (code == RpcExceptionCode.INVALID_OBJECT) {
      throw new IpcError();
    }
    RpcSignature f = meta.functions.get(fn);
    int i = RpcExceptionCode.exceptionIndex(code, f.exceptions().size());
    if (i == 0) {
      return;
    }
    Throwable t;
    try {
      t = (Throwable) f.exceptionFactories().get(i - 1).invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("cannot construct " + f.exceptions().get(i - 1).getName(), e);
    }
    throw RpcInterface.<RuntimeException>sneaky(t);
  }

  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  private static <X extends Throwable> X sneaky(Throwable t) throws X {
    throw (X) t;
  }

  private static <T> RpcInterface<T> analyse(Class<T> type) {
    if (!type.isInterface() || !Modifier.isPublic(type.getModifiers())) {
      throw new IllegalArgumentException(type.getName() + " is not a public interface");
    }
    Module mine = RpcInterface.class.getModule();
    if (type.getModule().isNamed() && !type.getModule().isExported(type.getPackageName(), mine)) {
      throw new IllegalArgumentException(type.getName() + ": its package " + type.getPackageName()
          + " must be exported to " + mine.getName());
    }
    mine.addReads(type.getModule());
    List<RpcSignature> functions = new ArrayList<>();
    collect(type, functions, new HashSet<>());
    String base = "io.github.genova.genode.base.rpc." + type.getName().replace('.', '_').replace('$', '_');
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      byte[] client = RpcClassGenerator.client(ClassDesc.of(base + "$Client"), type, functions);
      Class<?> clientClass = lookup.defineHiddenClass(client, true).lookupClass();
      MethodHandle ctor = lookup.findConstructor(clientClass,
          MethodType.methodType(void.class, NativeThread.class, long.class, RpcInterface.class));
      byte[] dispatcher = RpcClassGenerator.dispatcher(ClassDesc.of(base + "$Dispatcher"), type, functions);
      MethodHandles.Lookup dl = lookup.defineHiddenClass(dispatcher, true);
      Dispatcher d = (Dispatcher) dl.findConstructor(dl.lookupClass(), MethodType.methodType(void.class)).invoke();
      return new RpcInterface<>(type, List.copyOf(functions), ctor, d);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot generate the RPC stub and dispatcher of " + type.getName(), e);
    }
  }

  /** Appends the functions of {@code type}'s base interfaces, then its own, checking the opcode rule. */
  private static void collect(Class<?> type, List<RpcSignature> functions, Set<Class<?>> seen) {
    if (!seen.add(type)) {
      return;
    }
    for (Class<?> base : type.getInterfaces()) {
      collect(base, functions, seen);
    }
    List<Method> own = new ArrayList<>();
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isAbstract(m.getModifiers()) && !m.isSynthetic()) {
        if (m.getAnnotation(RpcFunction.class) == null) {
          throw new IllegalArgumentException(type.getSimpleName() + "." + m.getName() + " has no @RpcFunction opcode");
        }
        own.add(m);
      }
    }
    own.sort(Comparator.comparingInt(m -> m.getAnnotation(RpcFunction.class).value()));
    for (Method m : own) {
      int opcode = m.getAnnotation(RpcFunction.class).value();
      if (opcode != functions.size()) {
        throw new IllegalArgumentException(type.getSimpleName() + "." + m.getName() + " has opcode " + opcode
            + ", but its index in the function list of " + type.getSimpleName() + " is " + functions.size()
            + " (opcodes are 0-based indices; an interface's own functions follow those it extends)");
      }
      functions.add(RpcSignature.of(opcode, m));
    }
  }
}
