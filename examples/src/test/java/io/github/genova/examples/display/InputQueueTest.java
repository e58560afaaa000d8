package io.github.genova.examples.display;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.examples.display.GuestInput.Button;
import io.github.genova.examples.display.GuestInput.KeyStroke;
import io.github.genova.examples.display.GuestInput.Motion;
import io.github.genova.examples.display.GuestInput.PointerHome;
import io.github.genova.examples.display.GuestInput.Wheel;
import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The input queue applied step by step: in order, at most one key event and one mouse packet a step, motions
 * merged and spread over packets.
 */
class InputQueueTest {
  /** Records what the devices were told, one string per call, and which step each came in. */
  private static final class Recording implements InputTarget {
    final List<String> calls = new ArrayList<>();
    int step;

    @Override
    public void key(Key key, boolean pressed) {
      calls.add(step + ": " + (pressed ? "press " : "release ") + key);
    }

    @Override
    public void move(int dx, int dyDown) {
      calls.add(step + ": move " + dx + "," + dyDown);
    }

    @Override
    public void button(MouseButton button, boolean pressed) {
      calls.add(step + ": " + button + (pressed ? " down" : " up"));
    }

    @Override
    public void scroll(int notches) {
      calls.add(step + ": scroll " + notches);
    }

    List<String> steps(InputQueue queue, int count) {
      for (step = 1; step <= count; step++) {
        queue.applyStep(this);
      }
      return calls;
    }
  }

  @Test
  void aStepAppliesOneKeyEventAndOneMousePacketInTheUsersOrder() {
    InputQueue queue = new InputQueue();
    queue.offer(new KeyStroke(Key.LEFT_SHIFT, true));
    queue.offer(new Button(MouseButton.LEFT, true));
    queue.offer(new Button(MouseButton.LEFT, false));
    queue.offer(new KeyStroke(Key.LEFT_SHIFT, false));
    queue.offer(new Wheel(2));
    assertThat(new Recording().steps(queue, 4)).containsExactly(
        "1: press LEFT_SHIFT", "1: LEFT down", "2: LEFT up", "2: release LEFT_SHIFT", "3: scroll 2");
  }

  @Test
  void aSecondKeyWaitsForTheNextStepAndSoDoesWhatFollowsIt() {
    InputQueue queue = new InputQueue();
    queue.offer(new KeyStroke(Key.H, true));
    queue.offer(new KeyStroke(Key.H, false));
    queue.offer(new Button(MouseButton.RIGHT, true));
    assertThat(new Recording().steps(queue, 3)).containsExactly(
        "1: press H", "2: release H", "2: RIGHT down");
  }

  @Test
  void consecutiveMotionsMergeIntoOnePacket() {
    InputQueue queue = new InputQueue();
    queue.offer(new Motion(3, 4));
    queue.offer(new Motion(5, -6));
    queue.offer(new Motion(-1, 1));
    queue.offer(new Button(MouseButton.MIDDLE, true));
    queue.offer(new Motion(1, 1));
    assertThat(new Recording().steps(queue, 4)).containsExactly(
        "1: move 7,-1", "2: MIDDLE down", "3: move 1,1");
  }

  @Test
  void aMotionLongerThanOnePacketCarriesIsSpreadOverSteps() {
    InputQueue queue = new InputQueue();
    queue.offer(new Motion(600, -300));
    queue.offer(new Button(MouseButton.LEFT, true));
    assertThat(new Recording().steps(queue, 5)).containsExactly(
        "1: move 255,-255", "2: move 255,-45", "3: move 90,0", "4: LEFT down");
  }

  @Test
  void pointerHomeGoesIntoTheCornerInPacketsAndIsNotMergedWithTheMotionAfterIt() {
    InputQueue queue = new InputQueue();
    queue.offer(new PointerHome(640, 400));
    queue.offer(new Motion(5, 7));
    queue.offer(new Motion(10, -3));
    assertThat(new Recording().steps(queue, 5)).containsExactly(
        "1: move -255,-255", "2: move -255,-145", "3: move -130,0", "4: move 15,4");
  }

  @Test
  void nothingToSendTakesNoPacket() {
    InputQueue queue = new InputQueue();
    queue.offer(new Motion(4, 0));
    queue.offer(new Motion(-4, 0));
    queue.offer(new PointerHome(0, 0));
    queue.offer(new Wheel(-1));
    assertThat(new Recording().steps(queue, 1)).containsExactly("1: scroll -1");
  }

  @Test
  void inputOfferedFromAnotherThreadWhileStepsAreAppliedArrivesWholeAndInOrder() throws InterruptedException {
    InputQueue queue = new InputQueue();
    Thread host = Thread.ofPlatform().start(() -> {
      for (int i = 0; i < 200; i++) {
        queue.offer(new KeyStroke(i % 4 < 2 ? Key.A : Key.B, i % 2 == 0));
        LockSupport.parkNanos(10_000); // let the steps run in between
      }
    });
    Recording target = new Recording();
    while (host.isAlive() || target.calls.size() < 200) {
      target.step++;
      queue.applyStep(target);
    }
    host.join();
    assertThat(target.calls).hasSize(200);
    for (int i = 0; i < 200; i++) {
      assertThat(target.calls.get(i)).endsWith((i % 2 == 0 ? "press " : "release ") + (i % 4 < 2 ? "A" : "B"));
    }
  }

  @Test
  void closingSaysTheUserIsGone() {
    InputQueue queue = new InputQueue();
    assertThat(queue.isClosed()).isFalse();
    queue.close();
    assertThat(queue.isClosed()).isTrue();
  }
}
