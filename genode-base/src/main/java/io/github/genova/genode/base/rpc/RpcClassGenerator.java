package io.github.genova.genode.base.rpc;

import static java.lang.constant.ConstantDescs.CD_Class;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.nova.Msgbuf;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.nova.RpcExceptionCode;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the client stub and the server dispatcher of an RPC interface as class files (loaded as hidden
 * classes by {@link RpcInterface}). Both marshal straight through the thread's {@link Msgbuf}: a call with
 * primitive arguments allocates nothing.
 */
final class RpcClassGenerator {
  private RpcClassGenerator() {}

  private static final ClassDesc CD_NATIVE_THREAD = desc(NativeThread.class);
  private static final ClassDesc CD_MSGBUF = desc(Msgbuf.class);
  private static final ClassDesc CD_CAPABILITY = desc(Capability.class);
  private static final ClassDesc CD_RPC_INTERFACE = desc(RpcInterface.class);
  private static final ClassDesc CD_DISPATCHER = desc(Dispatcher.class);
  private static final ClassDesc CD_WIRE = desc(Wire.class);
  private static final ClassDesc CD_ENUM = desc(Enum.class);
  private static final ClassDesc CD_BYTES = desc(byte[].class);

  private static ClassDesc desc(Class<?> c) {
    return c.describeConstable().orElseThrow();
  }

  private static ClassFile classFile(Class<?> iface) {
    ClassHierarchyResolver resolver = ClassHierarchyResolver.defaultResolver()
        .orElse(ClassHierarchyResolver.ofClassLoading(RpcClassGenerator.class.getClassLoader()))
        .orElse(ClassHierarchyResolver.ofClassLoading(iface.getClassLoader() != null
            ? iface.getClassLoader() : ClassLoader.getPlatformClassLoader()));
    return ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(resolver));
  }

  /** The client stub: fields (caller, selector, meta), constructor of the same order, one method per function. */
  static byte[] client(ClassDesc self, Class<?> iface, List<RpcSignature> functions) {
    ClassDesc ifaceDesc = desc(iface);
    return classFile(iface).build(self, cb -> {
      cb.withFlags(AccessFlag.PUBLIC, AccessFlag.FINAL, AccessFlag.SYNTHETIC);
      cb.withSuperclass(CD_Object);
      cb.withInterfaceSymbols(ifaceDesc);
      cb.withField("caller", CD_NATIVE_THREAD, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
      cb.withField("selector", CD_long, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
      cb.withField("meta", CD_RPC_INTERFACE, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
      cb.withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void, CD_NATIVE_THREAD, CD_long, CD_RPC_INTERFACE),
          ClassFile.ACC_PUBLIC, code -> {
            code.aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void);
            code.aload(0).aload(1).putfield(self, "caller", CD_NATIVE_THREAD);
            code.aload(0).lload(2).putfield(self, "selector", CD_long);
            code.aload(0).aload(4).putfield(self, "meta", CD_RPC_INTERFACE);
            code.return_();
          });
      for (int fn = 0; fn < functions.size(); fn++) {
        RpcSignature f = functions.get(fn);
        int index = fn;
        cb.withMethodBody(f.method().getName(), methodDesc(f.method()), ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
            code -> clientMethod(code, self, f, index));
      }
    });
  }

  private static void clientMethod(CodeBuilder code, ClassDesc self, RpcSignature f, int fn) {
    int msg = code.allocateLocal(TypeKind.REFERENCE);
    Label bound = code.newLabel();
    code.aload(0).getfield(self, "caller", CD_NATIVE_THREAD).dup().ifnonnull(bound);
    code.pop().invokestatic(CD_NATIVE_THREAD, "current", MethodTypeDesc.of(CD_NATIVE_THREAD));
    code.labelBinding(bound);
    code.invokevirtual(CD_NATIVE_THREAD, "msgbuf", MethodTypeDesc.of(CD_MSGBUF)).astore(msg);
    code.aload(msg).loadConstant((long) f.opcode()).invokevirtual(CD_MSGBUF, "begin", MethodTypeDesc.of(CD_void, CD_long));
    List<RpcSignature.Param> params = f.params();
    for (int i = 0; i < params.size(); i++) {
      int slot = code.parameterSlot(i);
      TypeKind kind = kindOf(params.get(i).type().type());
      put(code, msg, params.get(i).type(), () -> code.loadLocal(kind, slot));
    }
    int result = code.allocateLocal(TypeKind.LONG);
    code.aload(msg).aload(0).getfield(self, "selector", CD_long).loadConstant(f.receiveCaps())
        .invokevirtual(CD_MSGBUF, "call", MethodTypeDesc.of(CD_long, CD_long, CD_int)).lstore(result);
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).inOut()) {
        code.aload(msg).aload(code.parameterSlot(i))
            .invokevirtual(CD_MSGBUF, "getBytesInto", MethodTypeDesc.of(CD_void, CD_BYTES));
      }
    }
    Label ok = code.newLabel();
    code.lload(result).lconst_0().lcmp().ifeq(ok);
    code.aload(0).getfield(self, "meta", CD_RPC_INTERFACE).loadConstant(fn).lload(result)
        .invokestatic(CD_RPC_INTERFACE, "raise", MethodTypeDesc.of(CD_void, CD_RPC_INTERFACE, CD_int, CD_long));
    TypeKind returnKind = kindOf(f.method().getReturnType());
    pushDefault(code, returnKind);
    code.return_(returnKind);
    code.labelBinding(ok);
    WireType r = f.result();
    if (r == null) {
      code.return_();
      return;
    }
    get(code, msg, r);
    if (f.receiveCaps() > 0) {
      int value = code.allocateLocal(TypeKind.REFERENCE);
      code.astore(value).aload(msg).invokevirtual(CD_MSGBUF, "endReply", MTD_void).aload(value);
    }
    code.return_(returnKind);
  }

  /** The dispatcher: a switch over the opcodes; each case reads, invokes, maps exceptions, writes the reply. */
  static byte[] dispatcher(ClassDesc self, Class<?> iface, List<RpcSignature> functions) {
    ClassDesc ifaceDesc = desc(iface);
    return classFile(iface).build(self, cb -> {
      cb.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
      cb.withSuperclass(CD_DISPATCHER);
      cb.withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC,
          code -> code.aload(0).invokespecial(CD_DISPATCHER, INIT_NAME, MTD_void).return_());
      cb.withMethodBody("dispatch", MethodTypeDesc.of(CD_long, CD_Object, CD_int, CD_MSGBUF), ClassFile.ACC_FINAL,
          code -> dispatchMethod(code, ifaceDesc, functions));
    });
  }

  private static void dispatchMethod(CodeBuilder code, ClassDesc iface, List<RpcSignature> functions) {
    final int msg = 3;
    Label invalid = code.newLabel();
    List<SwitchCase> cases = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (RpcSignature f : functions) {
      Label l = code.newLabel();
      labels.add(l);
      cases.add(SwitchCase.of(f.opcode(), l));
    }
    code.iload(2).lookupswitch(invalid, cases);
    for (int fn = 0; fn < functions.size(); fn++) {
      RpcSignature f = functions.get(fn);
      code.labelBinding(labels.get(fn));
      int object = code.allocateLocal(TypeKind.REFERENCE);
      code.aload(1).checkcast(iface).astore(object);
      List<RpcSignature.Param> params = f.params();
      int[] slots = new int[params.size()];
      for (int i = 0; i < params.size(); i++) {
        TypeKind kind = kindOf(params.get(i).type().type());
        slots[i] = code.allocateLocal(kind);
        get(code, msg, params.get(i).type());
        code.storeLocal(kind, slots[i]);
      }
      Method m = f.method();
      TypeKind returnKind = kindOf(m.getReturnType());
      int result = returnKind == TypeKind.VOID ? -1 : code.allocateLocal(returnKind);
      if (f.exceptions().isEmpty()) {
        invokeIn(code, object, params, slots, iface, m, returnKind, result);
      } else {
        int n = f.exceptions().size();
        code.trying(body -> invokeIn(body, object, params, slots, iface, m, returnKind, result), catches -> {
          for (int i = 0; i < n; i++) {
            long exceptionCode = RpcExceptionCode.ofException(i + 1, n);
            catches.catching(desc(f.exceptions().get(i)), handler -> {
              handler.pop();
              reply(handler, msg, exceptionCode, f, slots);
              handler.loadConstant(exceptionCode).lreturn();
            });
          }
        });
      }
      reply(code, msg, RpcExceptionCode.SUCCESS, f, slots);
      WireType r = f.result();
      if (r != null) {
        put(code, msg, r, () -> code.loadLocal(returnKind, result));
      }
      code.lconst_0().lreturn();
    }
    code.labelBinding(invalid);
    code.loadConstant(RpcExceptionCode.INVALID_OPCODE).lreturn();
  }

  private static void invokeIn(CodeBuilder code, int object, List<RpcSignature.Param> params, int[] slots,
      ClassDesc iface, Method m, TypeKind returnKind, int result) {
    code.aload(object);
    for (int i = 0; i < params.size(); i++) {
      code.loadLocal(kindOf(params.get(i).type().type()), slots[i]);
    }
    code.invokeinterface(iface, m.getName(), methodDesc(m));
    if (result >= 0) {
      code.storeLocal(returnKind, result);
    }
  }

  /** Starts the reply with {@code exceptionCode} and writes the INOUT arguments back. */
  private static void reply(CodeBuilder code, int msg, long exceptionCode, RpcSignature f, int[] slots) {
    code.aload(msg).loadConstant(exceptionCode).invokevirtual(CD_MSGBUF, "beginReply", MethodTypeDesc.of(CD_void, CD_long));
    List<RpcSignature.Param> params = f.params();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).inOut()) {
        int slot = slots[i];
        put(code, msg, params.get(i).type(), () -> code.aload(slot));
      }
    }
  }

  // --- marshalling of one value ---

  private static void put(CodeBuilder code, int msg, WireType t, Runnable load) {
    switch (t) {
      case WireType.Primitive p -> {
        code.aload(msg);
        load.run();
        widen(code, p.type());
        code.invokevirtual(CD_MSGBUF, "putLong", MethodTypeDesc.of(CD_void, CD_long));
      }
      case WireType.Str s -> {
        code.aload(msg);
        load.run();
        code.loadConstant(s.bound()).invokevirtual(CD_MSGBUF, "putString", MethodTypeDesc.of(CD_void, CD_String, CD_int));
      }
      case WireType.Bytes b -> {
        code.aload(msg);
        load.run();
        code.loadConstant(b.bound()).invokevirtual(CD_MSGBUF, "putBytes", MethodTypeDesc.of(CD_void, CD_BYTES, CD_int));
      }
      case WireType.EnumType e -> {
        code.aload(msg);
        load.run();
        code.invokevirtual(CD_ENUM, "ordinal", MethodTypeDesc.of(CD_int)).i2l()
            .invokevirtual(CD_MSGBUF, "putLong", MethodTypeDesc.of(CD_void, CD_long));
      }
      case WireType.RecordType r -> {
        int value = code.allocateLocal(TypeKind.REFERENCE);
        load.run();
        code.astore(value);
        ClassDesc rd = desc(r.type());
        for (int i = 0; i < r.components().size(); i++) {
          Method accessor = r.accessors().get(i);
          put(code, msg, r.components().get(i),
              () -> code.aload(value).invokevirtual(rd, accessor.getName(), methodDesc(accessor)));
        }
      }
      case WireType.Cap c -> {
        code.aload(msg);
        load.run();
        code.invokevirtual(CD_MSGBUF, "putCap", MethodTypeDesc.of(CD_void, CD_CAPABILITY));
      }
    }
  }

  private static void get(CodeBuilder code, int msg, WireType t) {
    switch (t) {
      case WireType.Primitive p -> {
        code.aload(msg).invokevirtual(CD_MSGBUF, "getLong", MethodTypeDesc.of(CD_long));
        narrow(code, p.type());
      }
      case WireType.Str s ->
          code.aload(msg).loadConstant(s.bound()).invokevirtual(CD_MSGBUF, "getString", MethodTypeDesc.of(CD_String, CD_int));
      case WireType.Bytes b ->
          code.aload(msg).loadConstant(b.bound()).invokevirtual(CD_MSGBUF, "getBytes", MethodTypeDesc.of(CD_BYTES, CD_int));
      case WireType.EnumType e -> {
        ClassDesc ed = desc(e.type());
        code.ldc(ed).aload(msg).invokevirtual(CD_MSGBUF, "getLong", MethodTypeDesc.of(CD_long))
            .invokestatic(CD_WIRE, "enumConstant", MethodTypeDesc.of(CD_Object, CD_Class, CD_long)).checkcast(ed);
      }
      case WireType.RecordType r -> {
        ClassDesc rd = desc(r.type());
        code.new_(rd).dup();
        List<ClassDesc> types = new ArrayList<>();
        for (WireType c : r.components()) {
          get(code, msg, c);
          types.add(desc(c.type()));
        }
        code.invokespecial(rd, INIT_NAME, MethodTypeDesc.of(CD_void, types));
      }
      case WireType.Cap c -> code.aload(msg).invokevirtual(CD_MSGBUF, "getCap", MethodTypeDesc.of(CD_CAPABILITY));
    }
  }

  private static void widen(CodeBuilder code, Class<?> p) {
    if (p == long.class) {
      return;
    }
    if (p == double.class) {
      code.invokestatic(desc(Double.class), "doubleToRawLongBits", MethodTypeDesc.of(CD_long, desc(double.class)));
      return;
    }
    if (p == float.class) {
      code.invokestatic(desc(Float.class), "floatToRawIntBits", MethodTypeDesc.of(CD_int, desc(float.class)));
    }
    code.i2l();
  }

  private static void narrow(CodeBuilder code, Class<?> p) {
    if (p == long.class) {
      return;
    }
    if (p == double.class) {
      code.invokestatic(desc(Double.class), "longBitsToDouble", MethodTypeDesc.of(desc(double.class), CD_long));
    } else if (p == boolean.class) {
      code.invokestatic(CD_WIRE, "bool", MethodTypeDesc.of(desc(boolean.class), CD_long));
    } else {
      code.l2i();
      if (p == byte.class) {
        code.i2b();
      } else if (p == short.class) {
        code.i2s();
      } else if (p == char.class) {
        code.i2c();
      } else if (p == float.class) {
        code.invokestatic(desc(Float.class), "intBitsToFloat", MethodTypeDesc.of(desc(float.class), CD_int));
      }
    }
  }

  private static void pushDefault(CodeBuilder code, TypeKind kind) {
    switch (kind) {
      case VOID -> { }
      case LONG -> code.lconst_0();
      case FLOAT -> code.fconst_0();
      case DOUBLE -> code.dconst_0();
      case REFERENCE -> code.aconst_null();
      default -> code.iconst_0();
    }
  }

  private static TypeKind kindOf(Class<?> c) {
    return TypeKind.from(desc(c));
  }

  private static MethodTypeDesc methodDesc(Method m) {
    List<ClassDesc> params = new ArrayList<>();
    for (Class<?> p : m.getParameterTypes()) {
      params.add(desc(p));
    }
    return MethodTypeDesc.of(desc(m.getReturnType()), params);
  }
}
