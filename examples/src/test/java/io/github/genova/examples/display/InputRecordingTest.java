package io.github.genova.examples.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recording's text form: what the recorder writes, the parser reads back, and what it refuses. */
class InputRecordingTest {
  /** Remembers what reached the machine, as text. */
  private static final class Sink implements InputTarget {
    final List<String> got = new ArrayList<>();

    @Override
    public void key(Key key, boolean pressed) {
      got.add("key " + key + " " + pressed);
    }

    @Override
    public void move(int dx, int dyDown) {
      got.add("move " + dx + " " + dyDown);
    }

    @Override
    public void button(MouseButton button, boolean pressed) {
      got.add("button " + button + " " + pressed);
    }

    @Override
    public void scroll(int notches) {
      got.add("scroll " + notches);
    }
  }

  @Test
  void whatTheRecorderWritesParsesBackToTheSameActionsAtTheSameTimes() {
    List<String> lines = new ArrayList<>();
    long[] now = {1_000};
    Sink live = new Sink();
    InputTarget recorder = InputRecording.recorder(live, () -> now[0], lines::add);
    recorder.key(Key.A, true);
    now[0] += 10_000_000;
    recorder.move(-255, 17);
    recorder.button(MouseButton.LEFT, true);
    now[0] += 10_000_000;
    recorder.button(MouseButton.LEFT, false);
    recorder.scroll(-1);
    recorder.key(Key.A, false);
    lines.add(InputRecording.endLine(now[0] + 5));

    InputRecording.Script script = InputRecording.parse(lines);
    assertThat(script.endNanos()).isEqualTo(20_001_005);
    assertThat(script.actions()).extracting(InputRecording.Action::nanos)
        .containsExactly(1_000L, 10_001_000L, 10_001_000L, 20_001_000L, 20_001_000L, 20_001_000L);
    Sink replayed = new Sink();
    script.actions().forEach(a -> a.applyTo(replayed));
    assertThat(replayed.got).isEqualTo(live.got).hasSize(6);
  }

  @Test
  void aBadLineIsNamedWithItsNumberAndWhatIsWrong() {
    assertThatThrownBy(() -> InputRecording.parse(List.of("5 key A down", "6 jump 3", "7 end")))
        .hasMessage("line 2 \"6 jump 3\": unknown action \"jump\" (key, move, button, scroll, end)");
    assertThatThrownBy(() -> InputRecording.parse(List.of("5 button MIDDLE sideways", "7 end")))
        .hasMessage("line 1 \"5 button MIDDLE sideways\": expected down or up, got \"sideways\"");
    assertThatThrownBy(() -> InputRecording.parse(List.of("x move 1 2", "7 end")))
        .hasMessageStartingWith("line 1 \"x move 1 2\": not a number");
    assertThatThrownBy(() -> InputRecording.parse(List.of("5 move 1", "7 end")))
        .hasMessage("line 1 \"5 move 1\": too few fields");
    assertThatThrownBy(() -> InputRecording.parse(List.of("5 end", "6 key A down")))
        .hasMessage("line 2: nothing may follow the end line");
    assertThatThrownBy(() -> InputRecording.parse(List.of("5 key A down")))
        .hasMessageContaining("no end line");
  }
}
