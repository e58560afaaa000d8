package io.github.genova.genode.os.input;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One input event (Genode's classic {@code Input::Event}): its type, the key code of a press or release
 * ({@code Input::Keycode}, Linux's numbering: {@code KEY_A} 30, {@code BTN_LEFT} 0x110), the absolute
 * pointer position ({@code ax}, {@code ay}) and the relative motion ({@code rx}, {@code ry}; for a wheel
 * event the notches, positive away from the user). A driver of relative devices such as the PS/2 mouse
 * leaves the absolute fields 0; absolute motion has {@code rx = ry = 0}.
 *
 * <p>In the event dataspace each event takes {@value #SIZE} bytes: six little-endian 32-bit integers —
 * type code, key code, ax, ay, rx, ry — at offsets 0, 4, 8, 12, 16 and 20.
 *
 * @param type what happened
 * @param keycode the key or button of a {@link Type#PRESS} or {@link Type#RELEASE}, else 0
 * @param ax absolute x
 * @param ay absolute y
 * @param rx relative x (right positive)
 * @param ry relative y (down positive; for a wheel, notches away from the user)
 */
public record InputEvent(Type type, int keycode, int ax, int ay, int rx, int ry) {
  /** The bytes one event takes in the event dataspace. */
  public static final int SIZE = 24;

  /** What an event reports; {@link #code()} is the stable number stored in the dataspace. */
  public enum Type {
    /** No event (an unknown type code reads as this). */
    INVALID(0),
    /** The pointer moved. */
    MOTION(1),
    /** A key or button went down. */
    PRESS(2),
    /** A key or button went up. */
    RELEASE(3),
    /** The wheel turned. */
    WHEEL(4),
    /** The session got the input focus. */
    FOCUS(5),
    /** The pointer left the session's views. */
    LEAVE(6);

    private final int code;

    Type(int code) {
      this.code = code;
    }

    /** Returns the type's number in the binary layout. */
    public int code() {
      return code;
    }

    /** Returns the type numbered {@code code}, {@link #INVALID} for an unknown number. */
    public static Type of(int code) {
      for (Type t : values()) {
        if (t.code == code) {
          return t;
        }
      }
      return INVALID;
    }
  }

  /** Returns a press of {@code keycode}. */
  public static InputEvent press(int keycode) {
    return new InputEvent(Type.PRESS, keycode, 0, 0, 0, 0);
  }

  /** Returns a release of {@code keycode}. */
  public static InputEvent release(int keycode) {
    return new InputEvent(Type.RELEASE, keycode, 0, 0, 0, 0);
  }

  /** Returns a relative motion by {@code rx}, {@code ry}. */
  public static InputEvent relativeMotion(int rx, int ry) {
    return new InputEvent(Type.MOTION, 0, 0, 0, rx, ry);
  }

  /** Returns a wheel turn by {@code notches} (positive away from the user). */
  public static InputEvent wheel(int notches) {
    return new InputEvent(Type.WHEEL, 0, 0, 0, 0, notches);
  }

  /** Writes the event's {@value #SIZE} bytes at {@code offset} of {@code out}. */
  public void writeTo(byte[] out, int offset) {
    ByteBuffer b = ByteBuffer.wrap(out, offset, SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(type.code).putInt(keycode).putInt(ax).putInt(ay).putInt(rx).putInt(ry);
  }

  /** Reads an event from the {@value #SIZE} bytes at {@code offset} of {@code in}. */
  public static InputEvent readFrom(byte[] in, int offset) {
    ByteBuffer b = ByteBuffer.wrap(in, offset, SIZE).order(ByteOrder.LITTLE_ENDIAN);
    return new InputEvent(Type.of(b.getInt()), b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt());
  }

  @Override
  public String toString() {
    return switch (type) {
      case PRESS, RELEASE -> type + " key " + keycode;
      case MOTION -> rx == 0 && ry == 0 ? "MOTION abs " + ax + "," + ay : "MOTION rel " + rx + "," + ry;
      case WHEEL -> "WHEEL " + ry;
      default -> type.toString();
    };
  }
}
