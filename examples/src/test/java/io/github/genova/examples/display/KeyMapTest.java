package io.github.genova.examples.display;

import static java.awt.event.KeyEvent.KEY_LOCATION_LEFT;
import static java.awt.event.KeyEvent.KEY_LOCATION_NUMPAD;
import static java.awt.event.KeyEvent.KEY_LOCATION_RIGHT;
import static java.awt.event.KeyEvent.KEY_LOCATION_STANDARD;
import static java.awt.event.KeyEvent.KEY_LOCATION_UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.device.ps2.Key;
import java.awt.event.KeyEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Host keys to the PC keyboard's keys: every key is reachable, by the US legends and by location. */
class KeyMapTest {
  private static final int[] LOCATIONS = {KEY_LOCATION_UNKNOWN, KEY_LOCATION_STANDARD, KEY_LOCATION_LEFT,
      KEY_LOCATION_RIGHT, KEY_LOCATION_NUMPAD};

  @Test
  void everyKeyOfThePcKeyboardIsReachedFromSomeAwtKeyCode() throws IllegalAccessException {
    Set<Key> reached = EnumSet.noneOf(Key.class);
    for (Field f : KeyEvent.class.getFields()) {
      if (f.getName().startsWith("VK_") && Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        int code = f.getInt(null);
        for (int location : LOCATIONS) {
          Key key = KeyMap.of(code, location);
          if (key != null) {
            reached.add(key);
          }
        }
      }
    }
    assertThat(EnumSet.complementOf(EnumSet.copyOf(reached))).isEmpty();
  }

  @Test
  void lettersDigitsAndPunctuationGoByTheUsLegends() {
    assertThat(KeyMap.of(KeyEvent.VK_A, KEY_LOCATION_STANDARD)).isEqualTo(Key.A);
    assertThat(KeyMap.of(KeyEvent.VK_Z, KEY_LOCATION_STANDARD)).isEqualTo(Key.Z);
    assertThat(KeyMap.of(KeyEvent.VK_0, KEY_LOCATION_STANDARD)).isEqualTo(Key.NUM_0);
    assertThat(KeyMap.of(KeyEvent.VK_OPEN_BRACKET, KEY_LOCATION_STANDARD)).isEqualTo(Key.LEFT_BRACE);
    assertThat(KeyMap.of(KeyEvent.VK_QUOTE, KEY_LOCATION_STANDARD)).isEqualTo(Key.APOSTROPHE);
    assertThat(KeyMap.of(KeyEvent.VK_BACK_QUOTE, KEY_LOCATION_STANDARD)).isEqualTo(Key.GRAVE);
    assertThat(KeyMap.of(KeyEvent.VK_F12, KEY_LOCATION_STANDARD)).isEqualTo(Key.F12);
    assertThat(KeyMap.of(KeyEvent.VK_LESS, KEY_LOCATION_STANDARD)).isEqualTo(Key.KEY_102ND);
  }

  @Test
  void modifiersAreLeftOrRightByTheirLocation() {
    assertThat(KeyMap.of(KeyEvent.VK_SHIFT, KEY_LOCATION_LEFT)).isEqualTo(Key.LEFT_SHIFT);
    assertThat(KeyMap.of(KeyEvent.VK_SHIFT, KEY_LOCATION_RIGHT)).isEqualTo(Key.RIGHT_SHIFT);
    assertThat(KeyMap.of(KeyEvent.VK_CONTROL, KEY_LOCATION_RIGHT)).isEqualTo(Key.RIGHT_CTRL);
    assertThat(KeyMap.of(KeyEvent.VK_CONTROL, KEY_LOCATION_UNKNOWN)).isEqualTo(Key.LEFT_CTRL);
    assertThat(KeyMap.of(KeyEvent.VK_ALT_GRAPH, KEY_LOCATION_RIGHT)).isEqualTo(Key.RIGHT_ALT);
    assertThat(KeyMap.of(KeyEvent.VK_WINDOWS, KEY_LOCATION_LEFT)).isEqualTo(Key.LEFT_META);
  }

  @Test
  void nitpickersXrayAndKillKeysAreScrollLockAndPrint() {
    assertThat(KeyMap.of(KeyEvent.VK_SCROLL_LOCK, KEY_LOCATION_STANDARD)).isEqualTo(Key.SCROLL_LOCK);
    assertThat(KeyMap.of(KeyEvent.VK_PRINTSCREEN, KEY_LOCATION_STANDARD)).isEqualTo(Key.PRINT_SCREEN);
  }

  @Test
  void aKeyOnTheKeypadIsTheKeypadKeyWhateverNumLockMadeOfIt() {
    assertThat(KeyMap.of(KeyEvent.VK_HOME, KEY_LOCATION_STANDARD)).isEqualTo(Key.HOME);
    assertThat(KeyMap.of(KeyEvent.VK_HOME, KEY_LOCATION_NUMPAD)).isEqualTo(Key.KP_7);
    assertThat(KeyMap.of(KeyEvent.VK_NUMPAD7, KEY_LOCATION_NUMPAD)).isEqualTo(Key.KP_7);
    assertThat(KeyMap.of(KeyEvent.VK_ENTER, KEY_LOCATION_STANDARD)).isEqualTo(Key.ENTER);
    assertThat(KeyMap.of(KeyEvent.VK_ENTER, KEY_LOCATION_NUMPAD)).isEqualTo(Key.KP_ENTER);
    assertThat(KeyMap.of(KeyEvent.VK_DELETE, KEY_LOCATION_NUMPAD)).isEqualTo(Key.KP_DOT);
    assertThat(KeyMap.of(KeyEvent.VK_DIVIDE, KEY_LOCATION_NUMPAD)).isEqualTo(Key.KP_SLASH);
  }

  @Test
  void keysThePcKeyboardLacksMapToNothing() {
    assertThat(KeyMap.of(KeyEvent.VK_F13, KEY_LOCATION_STANDARD)).isNull();
    assertThat(KeyMap.of(KeyEvent.VK_UNDEFINED, KEY_LOCATION_STANDARD)).isNull();
    assertThat(KeyMap.of(KeyEvent.VK_EURO_SIGN, KEY_LOCATION_STANDARD)).isNull();
  }
}
