package io.github.genova.examples.display;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.examples.display.GuestInput.Button;
import io.github.genova.examples.display.GuestInput.KeyStroke;
import io.github.genova.examples.display.GuestInput.Motion;
import io.github.genova.examples.display.GuestInput.PointerHome;
import io.github.genova.examples.display.GuestInput.Wheel;
import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;

/** AWT's events over the screen component, as the guest's input. */
class AwtInputTest {
  private final JPanel screen = new JPanel();
  private final List<GuestInput> sent = new ArrayList<>();
  private final AwtInput input = new AwtInput(sent::add);

  AwtInputTest() {
    screen.setSize(1024, 768);
  }

  private KeyEvent key(int id, int code, int location) {
    return new KeyEvent(screen, id, 0, 0, code, KeyEvent.CHAR_UNDEFINED, location);
  }

  private MouseEvent mouse(int id, int x, int y, int button) {
    return new MouseEvent(screen, id, 0, 0, x, y, 1, false, button);
  }

  private MouseWheelEvent wheel(double rotation) {
    return new MouseWheelEvent(screen, MouseEvent.MOUSE_WHEEL, 0, 0, 10, 10, 10, 10, 0, false,
        MouseWheelEvent.WHEEL_UNIT_SCROLL, 3, (int) rotation, rotation);
  }

  @Test
  void keysArePressedAndReleasedAsTheirPcKeysAndUnknownKeysAreDropped() {
    input.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_CONTROL, KeyEvent.KEY_LOCATION_RIGHT));
    input.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_F13, KeyEvent.KEY_LOCATION_STANDARD));
    input.keyReleased(key(KeyEvent.KEY_RELEASED, KeyEvent.VK_CONTROL, KeyEvent.KEY_LOCATION_RIGHT));
    assertThat(sent).containsExactly(new KeyStroke(Key.RIGHT_CTRL, true), new KeyStroke(Key.RIGHT_CTRL, false));
  }

  @Test
  void theKeyEventsAreConsumedSoSwingDoesNotActOnThem() {
    KeyEvent tab = key(KeyEvent.KEY_PRESSED, KeyEvent.VK_TAB, KeyEvent.KEY_LOCATION_STANDARD);
    input.keyPressed(tab);
    assertThat(tab.isConsumed()).isTrue();
  }

  @Test
  void enteringPushesThePointerHomeThenMovesItToTheHostPositionAndMotionIsTheDifference() {
    input.mouseEntered(mouse(MouseEvent.MOUSE_ENTERED, 100, 50, MouseEvent.NOBUTTON));
    input.mouseMoved(mouse(MouseEvent.MOUSE_MOVED, 103, 40, MouseEvent.NOBUTTON));
    input.mouseMoved(mouse(MouseEvent.MOUSE_MOVED, 103, 40, MouseEvent.NOBUTTON)); // no change: nothing sent
    input.mouseDragged(mouse(MouseEvent.MOUSE_DRAGGED, 90, 41, MouseEvent.NOBUTTON));
    assertThat(sent).containsExactly(new PointerHome(1024, 768), new Motion(100, 50), new Motion(3, -10),
        new Motion(-13, 1));
  }

  @Test
  void aFirstMotionWithoutEnteringHomesThePointerTooAndLeavingAndComingBackHomesItAgain() {
    input.mouseMoved(mouse(MouseEvent.MOUSE_MOVED, 10, 10, MouseEvent.NOBUTTON));
    input.mouseExited(mouse(MouseEvent.MOUSE_EXITED, -1, 10, MouseEvent.NOBUTTON));
    input.mouseEntered(mouse(MouseEvent.MOUSE_ENTERED, 20, 30, MouseEvent.NOBUTTON));
    assertThat(sent).containsExactly(new PointerHome(1024, 768), new Motion(10, 10), new PointerHome(1024, 768),
        new Motion(20, 30));
  }

  @Test
  void aDragThatLeavesTheWindowIsFollowedUntilTheButtonIsReleasedOutside() {
    input.mouseEntered(mouse(MouseEvent.MOUSE_ENTERED, 0, 0, MouseEvent.NOBUTTON));
    input.mousePressed(mouse(MouseEvent.MOUSE_PRESSED, 0, 0, MouseEvent.BUTTON1));
    sent.clear();
    input.mouseExited(mouse(MouseEvent.MOUSE_EXITED, -5, 0, MouseEvent.NOBUTTON));
    input.mouseDragged(mouse(MouseEvent.MOUSE_DRAGGED, -20, 3, MouseEvent.NOBUTTON));
    input.mouseReleased(mouse(MouseEvent.MOUSE_RELEASED, -20, 3, MouseEvent.BUTTON1));
    input.mouseEntered(mouse(MouseEvent.MOUSE_ENTERED, 4, 3, MouseEvent.NOBUTTON));
    assertThat(sent).containsExactly(new Motion(-20, 3), new Button(MouseButton.LEFT, false),
        new PointerHome(1024, 768), new Motion(4, 3));
  }

  @Test
  void theThreeButtonsAreLeftMiddleRight() {
    for (int button : new int[] {MouseEvent.BUTTON1, MouseEvent.BUTTON2, MouseEvent.BUTTON3}) {
      input.mousePressed(mouse(MouseEvent.MOUSE_PRESSED, 0, 0, button));
      input.mouseReleased(mouse(MouseEvent.MOUSE_RELEASED, 0, 0, button));
    }
    assertThat(sent).filteredOn(g -> g instanceof Button).containsExactly(
        new Button(MouseButton.LEFT, true), new Button(MouseButton.LEFT, false),
        new Button(MouseButton.MIDDLE, true), new Button(MouseButton.MIDDLE, false),
        new Button(MouseButton.RIGHT, true), new Button(MouseButton.RIGHT, false));
  }

  @Test
  void theWheelTurnedAwayFromTheUserScrollsUpAndFractionsAddUpToNotches() {
    input.mouseWheelMoved(wheel(-1)); // AWT: negative is away from the user
    input.mouseWheelMoved(wheel(0.5));
    input.mouseWheelMoved(wheel(0.25));
    input.mouseWheelMoved(wheel(0.25));
    assertThat(sent).filteredOn(g -> g instanceof Wheel).containsExactly(new Wheel(1), new Wheel(-1));
  }

  @Test
  void losingTheFocusReleasesWhatIsHeldSoNothingSticks() {
    input.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_ALT, KeyEvent.KEY_LOCATION_LEFT));
    input.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_TAB, KeyEvent.KEY_LOCATION_STANDARD));
    input.keyReleased(key(KeyEvent.KEY_RELEASED, KeyEvent.VK_TAB, KeyEvent.KEY_LOCATION_STANDARD));
    input.mousePressed(mouse(MouseEvent.MOUSE_PRESSED, 0, 0, MouseEvent.BUTTON3));
    input.focusLost(new FocusEvent(screen, FocusEvent.FOCUS_LOST));
    input.focusLost(new FocusEvent(screen, FocusEvent.FOCUS_LOST)); // nothing is held any more
    assertThat(sent).filteredOn(g -> !(g instanceof Motion || g instanceof PointerHome)).containsExactly(
        new KeyStroke(Key.LEFT_ALT, true), new KeyStroke(Key.TAB, true), new KeyStroke(Key.TAB, false),
        new Button(MouseButton.RIGHT, true), new KeyStroke(Key.LEFT_ALT, false),
        new Button(MouseButton.RIGHT, false));
  }
}
