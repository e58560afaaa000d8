package io.github.genova.platform.device.ps2;

import org.jspecify.annotations.Nullable;

/**
 * The keys of a PC/AT 102/104-key keyboard with their scan codes in set 1 and set 2 and their Genode key
 * code ({@code Input::Keycode}, which follows the Linux input event codes). A scan code of the form
 * {@code 0xE0nn} is sent with the 0xE0 prefix. Print Screen and Pause send longer sequences, which
 * {@link ScanCodes} knows.
 */
public enum Key {
  /** Escape. */ ESCAPE(1, 0x01, 0x76),
  /** 1 !. */ NUM_1(2, 0x02, 0x16),
  /** 2 @. */ NUM_2(3, 0x03, 0x1e),
  /** 3 #. */ NUM_3(4, 0x04, 0x26),
  /** 4 $. */ NUM_4(5, 0x05, 0x25),
  /** 5 %. */ NUM_5(6, 0x06, 0x2e),
  /** 6 ^. */ NUM_6(7, 0x07, 0x36),
  /** 7 &amp;. */ NUM_7(8, 0x08, 0x3d),
  /** 8 *. */ NUM_8(9, 0x09, 0x3e),
  /** 9 (. */ NUM_9(10, 0x0a, 0x46),
  /** 0 ). */ NUM_0(11, 0x0b, 0x45),
  /** - _. */ MINUS(12, 0x0c, 0x4e),
  /** = +. */ EQUAL(13, 0x0d, 0x55),
  /** Backspace. */ BACKSPACE(14, 0x0e, 0x66),
  /** Tab. */ TAB(15, 0x0f, 0x0d),
  /** Q. */ Q(16, 0x10, 0x15),
  /** W. */ W(17, 0x11, 0x1d),
  /** E. */ E(18, 0x12, 0x24),
  /** R. */ R(19, 0x13, 0x2d),
  /** T. */ T(20, 0x14, 0x2c),
  /** Y. */ Y(21, 0x15, 0x35),
  /** U. */ U(22, 0x16, 0x3c),
  /** I. */ I(23, 0x17, 0x43),
  /** O. */ O(24, 0x18, 0x44),
  /** P. */ P(25, 0x19, 0x4d),
  /** [ {. */ LEFT_BRACE(26, 0x1a, 0x54),
  /** ] }. */ RIGHT_BRACE(27, 0x1b, 0x5b),
  /** Enter. */ ENTER(28, 0x1c, 0x5a),
  /** Left Ctrl. */ LEFT_CTRL(29, 0x1d, 0x14),
  /** A. */ A(30, 0x1e, 0x1c),
  /** S. */ S(31, 0x1f, 0x1b),
  /** D. */ D(32, 0x20, 0x23),
  /** F. */ F(33, 0x21, 0x2b),
  /** G. */ G(34, 0x22, 0x34),
  /** H. */ H(35, 0x23, 0x33),
  /** J. */ J(36, 0x24, 0x3b),
  /** K. */ K(37, 0x25, 0x42),
  /** L. */ L(38, 0x26, 0x4b),
  /** ; :. */ SEMICOLON(39, 0x27, 0x4c),
  /** ' ". */ APOSTROPHE(40, 0x28, 0x52),
  /** ` ~. */ GRAVE(41, 0x29, 0x0e),
  /** Left Shift. */ LEFT_SHIFT(42, 0x2a, 0x12),
  /** \ |. */ BACKSLASH(43, 0x2b, 0x5d),
  /** Z. */ Z(44, 0x2c, 0x1a),
  /** X. */ X(45, 0x2d, 0x22),
  /** C. */ C(46, 0x2e, 0x21),
  /** V. */ V(47, 0x2f, 0x2a),
  /** B. */ B(48, 0x30, 0x32),
  /** N. */ N(49, 0x31, 0x31),
  /** M. */ M(50, 0x32, 0x3a),
  /** , &lt;. */ COMMA(51, 0x33, 0x41),
  /** . &gt;. */ DOT(52, 0x34, 0x49),
  /** / ?. */ SLASH(53, 0x35, 0x4a),
  /** Right Shift. */ RIGHT_SHIFT(54, 0x36, 0x59),
  /** Keypad *. */ KP_ASTERISK(55, 0x37, 0x7c),
  /** Left Alt. */ LEFT_ALT(56, 0x38, 0x11),
  /** Space. */ SPACE(57, 0x39, 0x29),
  /** Caps Lock. */ CAPS_LOCK(58, 0x3a, 0x58),
  /** F1. */ F1(59, 0x3b, 0x05),
  /** F2. */ F2(60, 0x3c, 0x06),
  /** F3. */ F3(61, 0x3d, 0x04),
  /** F4. */ F4(62, 0x3e, 0x0c),
  /** F5. */ F5(63, 0x3f, 0x03),
  /** F6. */ F6(64, 0x40, 0x0b),
  /** F7. */ F7(65, 0x41, 0x83),
  /** F8. */ F8(66, 0x42, 0x0a),
  /** F9. */ F9(67, 0x43, 0x01),
  /** F10. */ F10(68, 0x44, 0x09),
  /** Num Lock. */ NUM_LOCK(69, 0x45, 0x77),
  /** Scroll Lock. */ SCROLL_LOCK(70, 0x46, 0x7e),
  /** Keypad 7 / Home. */ KP_7(71, 0x47, 0x6c),
  /** Keypad 8 / Up. */ KP_8(72, 0x48, 0x75),
  /** Keypad 9 / PgUp. */ KP_9(73, 0x49, 0x7d),
  /** Keypad -. */ KP_MINUS(74, 0x4a, 0x7b),
  /** Keypad 4 / Left. */ KP_4(75, 0x4b, 0x6b),
  /** Keypad 5. */ KP_5(76, 0x4c, 0x73),
  /** Keypad 6 / Right. */ KP_6(77, 0x4d, 0x74),
  /** Keypad +. */ KP_PLUS(78, 0x4e, 0x79),
  /** Keypad 1 / End. */ KP_1(79, 0x4f, 0x69),
  /** Keypad 2 / Down. */ KP_2(80, 0x50, 0x72),
  /** Keypad 3 / PgDn. */ KP_3(81, 0x51, 0x7a),
  /** Keypad 0 / Ins. */ KP_0(82, 0x52, 0x70),
  /** Keypad . / Del. */ KP_DOT(83, 0x53, 0x71),
  /** The extra key left of Z on 102-key layouts. */ KEY_102ND(86, 0x56, 0x61),
  /** F11. */ F11(87, 0x57, 0x78),
  /** F12. */ F12(88, 0x58, 0x07),
  /** Keypad Enter. */ KP_ENTER(96, 0xe01c, 0xe05a),
  /** Right Ctrl. */ RIGHT_CTRL(97, 0xe01d, 0xe014),
  /** Keypad /. */ KP_SLASH(98, 0xe035, 0xe04a),
  /** Print Screen / SysRq (a sequence of its own). */ PRINT_SCREEN(99, 0xe037, 0xe07c),
  /** Right Alt (AltGr). */ RIGHT_ALT(100, 0xe038, 0xe011),
  /** Home. */ HOME(102, 0xe047, 0xe06c),
  /** Up. */ UP(103, 0xe048, 0xe075),
  /** Page Up. */ PAGE_UP(104, 0xe049, 0xe07d),
  /** Left. */ LEFT(105, 0xe04b, 0xe06b),
  /** Right. */ RIGHT(106, 0xe04d, 0xe074),
  /** End. */ END(107, 0xe04f, 0xe069),
  /** Down. */ DOWN(108, 0xe050, 0xe072),
  /** Page Down. */ PAGE_DOWN(109, 0xe051, 0xe07a),
  /** Insert. */ INSERT(110, 0xe052, 0xe070),
  /** Delete. */ DELETE(111, 0xe053, 0xe071),
  /** Pause / Break (make only, a sequence of its own). */ PAUSE(119, 0xe11d, 0xe114),
  /** Left Windows / Meta. */ LEFT_META(125, 0xe05b, 0xe01f),
  /** Right Windows / Meta. */ RIGHT_META(126, 0xe05c, 0xe027),
  /** Menu / Compose. */ COMPOSE(127, 0xe05d, 0xe02f);

  private static final Key[] BY_GENODE_CODE = new Key[128];

  static {
    for (Key k : values()) {
      BY_GENODE_CODE[k.genodeCode] = k;
    }
  }

  private final int genodeCode;
  private final int set1;
  private final int set2;

  Key(int genodeCode, int set1, int set2) {
    this.genodeCode = genodeCode;
    this.set1 = set1;
    this.set2 = set2;
  }

  /** Returns the Genode ({@code Input::Keycode}, i.e. Linux) key code. */
  public int genodeCode() {
    return genodeCode;
  }

  /** Returns the set-1 make code; {@code 0xE0nn} means the code follows an 0xE0 prefix. */
  public int set1() {
    return set1;
  }

  /** Returns the set-2 make code; {@code 0xE0nn} means the code follows an 0xE0 prefix. */
  public int set2() {
    return set2;
  }

  /** Returns the key with Genode key code {@code code}, or null if this keyboard has none. */
  public static @Nullable Key fromGenodeCode(int code) {
    return code >= 0 && code < BY_GENODE_CODE.length ? BY_GENODE_CODE[code] : null;
  }
}
