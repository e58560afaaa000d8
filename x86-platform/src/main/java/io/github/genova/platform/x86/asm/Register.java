package io.github.genova.platform.x86.asm;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The registers an operand may name, with the number the encodings use for each. */
enum Register {
  AL(Kind.GPR, 1, 0), CL(Kind.GPR, 1, 1), DL(Kind.GPR, 1, 2), BL(Kind.GPR, 1, 3),
  AH(Kind.GPR, 1, 4), CH(Kind.GPR, 1, 5), DH(Kind.GPR, 1, 6), BH(Kind.GPR, 1, 7),
  AX(Kind.GPR, 2, 0), CX(Kind.GPR, 2, 1), DX(Kind.GPR, 2, 2), BX(Kind.GPR, 2, 3),
  SP(Kind.GPR, 2, 4), BP(Kind.GPR, 2, 5), SI(Kind.GPR, 2, 6), DI(Kind.GPR, 2, 7),
  EAX(Kind.GPR, 4, 0), ECX(Kind.GPR, 4, 1), EDX(Kind.GPR, 4, 2), EBX(Kind.GPR, 4, 3),
  ESP(Kind.GPR, 4, 4), EBP(Kind.GPR, 4, 5), ESI(Kind.GPR, 4, 6), EDI(Kind.GPR, 4, 7),
  ES(Kind.SEGMENT, 2, 0), CS(Kind.SEGMENT, 2, 1), SS(Kind.SEGMENT, 2, 2), DS(Kind.SEGMENT, 2, 3),
  FS(Kind.SEGMENT, 2, 4), GS(Kind.SEGMENT, 2, 5),
  CR0(Kind.CONTROL, 4, 0), CR2(Kind.CONTROL, 4, 2), CR3(Kind.CONTROL, 4, 3), CR4(Kind.CONTROL, 4, 4),
  DR0(Kind.DEBUG, 4, 0), DR1(Kind.DEBUG, 4, 1), DR2(Kind.DEBUG, 4, 2), DR3(Kind.DEBUG, 4, 3),
  DR6(Kind.DEBUG, 4, 6), DR7(Kind.DEBUG, 4, 7);

  /** What class of register this is; each class has its own encodings. */
  enum Kind {
    GPR,
    SEGMENT,
    CONTROL,
    DEBUG
  }

  private static final Map<String, Register> BY_NAME =
      Stream.of(values())
          .collect(Collectors.toUnmodifiableMap(r -> r.name().toLowerCase(Locale.ROOT), Function.identity()));

  /** The segment-override prefix byte for each segment register, indexed by {@link #number}. */
  private static final int[] SEGMENT_PREFIX = {0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65};

  final Kind kind;
  /** Operand size in bytes (segment registers count as 2, control and debug registers as 4). */
  final int size;
  /** The 3-bit register number used in ModRM, SIB and opcode-embedded register fields. */
  final int number;

  Register(Kind kind, int size, int number) {
    this.kind = kind;
    this.size = size;
    this.number = number;
  }

  boolean isGpr() {
    return kind == Kind.GPR;
  }

  /** The segment-override prefix for this segment register. */
  int segmentPrefix() {
    return SEGMENT_PREFIX[number];
  }

  /** The register with this (lower-case) name, or null if the name is not a register. */
  static @Nullable Register byName(String lowerCaseName) {
    return BY_NAME.get(lowerCaseName);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
