package io.github.genova.examples.display;

import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The user's input to a run, as the machine received it, with the virtual time of each action: recorded from
 * a run in a window and played back into a fresh run of the same scenario, it reproduces that run exactly
 * (in deterministic mode a run is a function of its scenario, its seed and its input). One action per line,
 * times in nanoseconds of virtual time: {@code 1250000000 key A down}, {@code ... key A up}, {@code ... move
 * 12 -3}, {@code ... button LEFT down}, {@code ... scroll 1}, and last {@code ... end}, when the run ended.
 */
public final class InputRecording {
  private InputRecording() {}

  /** One recorded action: what the machine's keyboard or mouse sent at virtual time {@code nanos}. */
  public sealed interface Action {
    /** Returns the virtual time of the action, in nanoseconds. */
    long nanos();

    /** Sends the action to {@code target}. */
    void applyTo(InputTarget target);
  }

  /** Key {@code key} pressed or released. */
  public record KeyAction(long nanos, Key key, boolean pressed) implements Action {
    @Override
    public void applyTo(InputTarget target) {
      target.key(key, pressed);
    }
  }

  /** One mouse packet's movement. */
  public record MoveAction(long nanos, int dx, int dyDown) implements Action {
    @Override
    public void applyTo(InputTarget target) {
      target.move(dx, dyDown);
    }
  }

  /** Mouse button {@code button} pressed or released. */
  public record ButtonAction(long nanos, MouseButton button, boolean pressed) implements Action {
    @Override
    public void applyTo(InputTarget target) {
      target.button(button, pressed);
    }
  }

  /** The wheel turned by {@code notches}. */
  public record ScrollAction(long nanos, int notches) implements Action {
    @Override
    public void applyTo(InputTarget target) {
      target.scroll(notches);
    }
  }

  /**
   * Returns {@code target} with every action also written to {@code lines} as a line of the recording, at
   * the virtual time {@code virtualNanos} gives.
   */
  public static InputTarget recorder(InputTarget target, LongSupplier virtualNanos, Consumer<String> lines) {
    return new InputTarget() {
      @Override
      public void key(Key key, boolean pressed) {
        lines.accept(virtualNanos.getAsLong() + " key " + key.name() + (pressed ? " down" : " up"));
        target.key(key, pressed);
      }

      @Override
      public void move(int dx, int dyDown) {
        lines.accept(virtualNanos.getAsLong() + " move " + dx + " " + dyDown);
        target.move(dx, dyDown);
      }

      @Override
      public void button(MouseButton button, boolean pressed) {
        lines.accept(virtualNanos.getAsLong() + " button " + button.name() + (pressed ? " down" : " up"));
        target.button(button, pressed);
      }

      @Override
      public void scroll(int notches) {
        lines.accept(virtualNanos.getAsLong() + " scroll " + notches);
        target.scroll(notches);
      }
    };
  }

  /** Returns the line that ends a recording made until virtual time {@code nanos}. */
  public static String endLine(long nanos) {
    return nanos + " end";
  }

  /** A recording read back: its actions in order and the virtual time its run ended. */
  public record Script(List<Action> actions, long endNanos) {}

  /**
   * Reads a recording.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it: an unknown action, key or
   *     button, a malformed number, times that go backwards, or no {@code end} line (last)
   */
  public static Script parse(List<String> lines) {
    List<Action> actions = new ArrayList<>();
    long last = Long.MIN_VALUE;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      String where = "line " + (i + 1) + " \"" + line + "\": ";
      try {
        long nanos = Long.parseLong(f[0]);
        if (nanos < last) {
          throw new IllegalArgumentException(where + "time goes backwards");
        }
        last = nanos;
        String what = f.length > 1 ? f[1] : "";
        if (what.equals("end") && f.length == 2) {
          for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
              throw new IllegalArgumentException("line " + (j + 1) + ": nothing may follow the end line");
            }
          }
          return new Script(List.copyOf(actions), nanos);
        }
        actions.add(switch (what) {
          case "key" -> new KeyAction(nanos, Key.valueOf(field(f, 2, where)), upOrDown(f, where));
          case "move" -> new MoveAction(nanos, Integer.parseInt(field(f, 2, where)),
              Integer.parseInt(field(f, 3, where)));
          case "button" -> new ButtonAction(nanos, MouseButton.valueOf(field(f, 2, where)), upOrDown(f, where));
          case "scroll" -> new ScrollAction(nanos, Integer.parseInt(field(f, 2, where)));
          default -> throw new IllegalArgumentException(where + "unknown action \"" + what
              + "\" (key, move, button, scroll, end)");
        });
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + "not a number: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith("line ")) {
          throw e;
        }
        throw new IllegalArgumentException(where + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException("the recording has no end line (\"<nanos> end\"): it was cut short");
  }

  private static String field(String[] f, int i, String where) {
    if (i >= f.length) {
      throw new IllegalArgumentException(where + "too few fields");
    }
    return f[i];
  }

  private static boolean upOrDown(String[] f, String where) {
    String s = field(f, 3, where);
    return switch (s) {
      case "down" -> true;
      case "up" -> false;
      default -> throw new IllegalArgumentException(where + "expected down or up, got \"" + s + "\"");
    };
  }
}
