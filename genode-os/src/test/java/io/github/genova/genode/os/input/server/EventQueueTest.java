package io.github.genova.genode.os.input.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.genode.os.input.InputSession;
import io.github.genova.genode.os.timer.PcKernel;
import org.junit.jupiter.api.Test;

/**
 * The driver's event queue (its mutex is Genode's, so the checks run as a Genode root task): first in first
 * out, taken in flush-sized portions, bounded with drops counted.
 */
class EventQueueTest {
  private static InputEvent press(int i) {
    return InputEvent.press(i);
  }

  @Test
  void item71_takeRemovesWhatItCopiesOldestFirstAndReturnsTheCount() {
    new PcKernel().run(env -> {
      EventQueue queue = new EventQueue();
      byte[] out = new byte[InputSession.MAX_EVENTS * InputEvent.SIZE];
      assertThat(queue.isPending()).isFalse();
      assertThat(queue.take(out, InputSession.MAX_EVENTS)).isZero();
      for (int i = 1; i <= 5; i++) {
        queue.accept(press(i));
      }
      assertThat(queue.take(out, 3)).isEqualTo(3);
      assertThat(InputEvent.readFrom(out, 0)).isEqualTo(press(1));
      assertThat(InputEvent.readFrom(out, 2 * InputEvent.SIZE)).isEqualTo(press(3));
      assertThat(queue.isPending()).isTrue();
      assertThat(queue.take(out, InputSession.MAX_EVENTS)).isEqualTo(2);
      assertThat(InputEvent.readFrom(out, 0)).isEqualTo(press(4));
      assertThat(queue.isPending()).isFalse();
      assertThat(queue.take(out, InputSession.MAX_EVENTS)).isZero();
    });
  }

  @Test
  void aFullQueueDropsNewEventsAndCountsThem() {
    new PcKernel().run(env -> {
      EventQueue queue = new EventQueue();
      for (int i = 0; i < EventQueue.CAPACITY + 10; i++) {
        queue.accept(press(i));
      }
      assertThat(queue.dropped()).isEqualTo(10);
      byte[] out = new byte[EventQueue.CAPACITY * InputEvent.SIZE];
      assertThat(queue.take(out, EventQueue.CAPACITY)).isEqualTo(EventQueue.CAPACITY);
      assertThat(InputEvent.readFrom(out, (EventQueue.CAPACITY - 1) * InputEvent.SIZE))
          .isEqualTo(press(EventQueue.CAPACITY - 1));
      queue.accept(press(7)); // room again after the flush
      assertThat(queue.take(out, 1)).isEqualTo(1);
      assertThat(InputEvent.readFrom(out, 0)).isEqualTo(press(7));
    });
  }

  @Test
  void takeRefusesABufferTooSmallForItsMaximum() {
    new PcKernel().run(env -> assertThatThrownBy(() -> new EventQueue().take(new byte[InputEvent.SIZE], 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("2 events do not fit into 24 bytes"));
  }
}
