package io.github.genova.examples;

import static java.awt.event.KeyEvent.KEY_LOCATION_RIGHT;
import static java.awt.event.KeyEvent.KEY_LOCATION_STANDARD;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.examples.display.AwtInput;
import io.github.genova.examples.display.Display;
import io.github.genova.examples.display.Frame;
import io.github.genova.examples.display.InputQueue;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genova run} of a scenario with an input driver on a host with a display: the run goes on in a window
 * until the user closes it, and what the user does at the window reaches Genode's {@code test-input} through
 * the machine's i8042 and {@code ps2_drv}. The window is a stand-in that plays the user through the same
 * {@link AwtInput} the Swing window registers, with AWT's own event objects.
 */
class GenovaCommandWindowTest {
  private static final String CLIENT = "[init -> test-input] ";
  private static final String EVENT = CLIENT + "Input event #";
  private static final int WIDTH = 640;
  private static final int HEIGHT = 400;
  private static final Pattern MOTION = Pattern.compile("MOTION rel (-?\\d+),(-?\\d+)");
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final List<String> titles = new CopyOnWriteArrayList<>();
  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<Throwable> userFailures = new CopyOnWriteArrayList<>();

  @Test
  void keysButtonsMotionAndWheelAtTheWindowReachTestInputAndClosingTheWindowEndsTheRun() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Display.Opener opener = standIn(out);
    int status = GenovaCommand.run(new String[] {"run", "scenarios/input.xml"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Path.of(".."), true, opener);

    assertThat(userFailures).isEmpty();
    assertThat(status).isZero();
    assertThat(titles).containsExactly("Genova: input.xml");
    assertThat(closed).isTrue();
    assertThat(frames).isNotEmpty().allMatch(f -> f.width() == WIDTH && f.height() == HEIGHT, "80x25 text");
    List<String> log = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(log).contains("genova: the machine's screen is in the window \"Genova: input.xml\", which takes"
        + " the keyboard and mouse; closing it ends the run");
    List<String> events = log.stream().filter(l -> l.startsWith(EVENT)).map(l -> l.substring(l.indexOf('\t') + 1))
        .filter(e -> !e.equals("PRESS key 1") && !e.equals("RELEASE key 1")).toList(); // the probes (Escape)
    assertThat(events).filteredOn(e -> e.matches("(PRESS|RELEASE) key \\d{1,2}"))
        .containsExactly("PRESS key 54", "PRESS key 35", "RELEASE key 35", "RELEASE key 54");
    List<String> mouse = events.stream().filter(e -> !e.matches("(PRESS|RELEASE) key \\d{1,2}")).toList();
    assertThat(mouse.subList(mouse.size() - 3, mouse.size()))
        .containsExactly("PRESS key 272", "RELEASE key 272", "WHEEL 1");
    List<int[]> motions = mouse.subList(0, mouse.size() - 3).stream().map(GenovaCommandWindowTest::motion).toList();
    assertThat(motions).allMatch(m -> Math.abs(m[0]) <= 255 && Math.abs(m[1]) <= 255, "within one packet");
    // Pushed into the corner by the window's size, then to (5, 7), then to (15, 4).
    assertThat(motions.stream().mapToInt(m -> m[0]).sum()).isEqualTo(-WIDTH + 15);
    assertThat(motions.stream().mapToInt(m -> m[1]).sum()).isEqualTo(-HEIGHT + 4);
  }

  @Test
  void aRunRecordedInTheWindowIsReplayedHeadlessLineForLineAndPixelForPixel(@TempDir Path tmp) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Display.Opener opener = standIn(out);
    Path recording = tmp.resolve("input.rec");
    int recorded = GenovaCommand.run(new String[] {"run", "--record", recording.toString(), "scenarios/input.xml"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Path.of(".."), true, opener);
    assertThat(userFailures).isEmpty();
    assertThat(recorded).isZero();
    List<String> first = out.toString(StandardCharsets.UTF_8).lines().toList();
    List<String> lines = Files.readAllLines(recording, StandardCharsets.UTF_8);
    assertThat(lines.getLast()).endsWith(" end");
    assertThat(lines).anyMatch(l -> l.matches("\\d+ key ESCAPE down"))
        .anyMatch(l -> l.matches("\\d+ button LEFT down")).anyMatch(l -> l.matches("\\d+ scroll -?1"));

    ByteArrayOutputStream replayed = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = GenovaCommand.run(new String[] {"run", "--replay", recording.toString(), "scenarios/input.xml"},
        new PrintStream(replayed, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8),
        Path.of(".."), false, (title, queue) -> {
          throw new AssertionError("a replay opens no window");
        });
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    List<String> second = replayed.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(second).noneMatch(l -> l.contains("later than recorded"));
    assertThat(console(second)).as("the system's console").isEqualTo(console(first))
        .anyMatch(l -> l.contains("\tWHEEL 1"));
    assertThat(second.getLast()).startsWith("genova: screen ").isEqualTo(first.getLast());
  }

  /**
   * The stand-in window: it records its title and the frames it is shown, and plays the user ({@link #play})
   * on a thread of its own, closing the window when done.
   */
  private Display.Opener standIn(ByteArrayOutputStream out) {
    return (title, queue) -> {
      titles.add(title);
      Thread.ofPlatform().daemon().name("user").start(() -> {
        try {
          play(queue, out);
        } catch (RuntimeException | InterruptedException | AssertionError e) {
          userFailures.add(e);
        } finally {
          queue.close();
        }
      });
      return new Display() {
        @Override
        public void show(Frame frame) {
          frames.add(frame);
        }

        @Override
        public void close() {
          closed.set(true);
        }
      };
    };
  }

  /** The lines the system printed (components and core), without genova's own. */
  private static List<String> console(List<String> printed) {
    return printed.stream().filter(l -> !l.startsWith("genova: ")).toList();
  }

  private static int[] motion(String event) {
    Matcher m = MOTION.matcher(event);
    assertThat(m.matches()).as(event).isTrue();
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  /** Plays the user at the window once test-input is up, then closes it when the last event has arrived. */
  private static void play(InputQueue queue, ByteArrayOutputStream out) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    JPanel screen = new JPanel();
    screen.setSize(WIDTH, HEIGHT);
    AwtInput user = new AwtInput(queue::offer);
    awaitLine(out, CLIENT + "--- Input test ---", deadline);
    // test-input opens its Input session after that line: tap Escape until an event comes through.
    while (!contains(out, EVENT)) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("no tap on Escape came through; the run printed:\n"
            + out.toString(StandardCharsets.UTF_8));
      }
      user.keyPressed(key(screen, KeyEvent.KEY_PRESSED, KeyEvent.VK_ESCAPE, KEY_LOCATION_STANDARD));
      user.keyReleased(key(screen, KeyEvent.KEY_RELEASED, KeyEvent.VK_ESCAPE, KEY_LOCATION_STANDARD));
      Thread.sleep(300);
    }
    awaitLine(out, "\tRELEASE key 1", deadline);
    user.keyPressed(key(screen, KeyEvent.KEY_PRESSED, KeyEvent.VK_SHIFT, KEY_LOCATION_RIGHT));
    user.keyPressed(key(screen, KeyEvent.KEY_PRESSED, KeyEvent.VK_H, KEY_LOCATION_STANDARD));
    user.keyReleased(key(screen, KeyEvent.KEY_RELEASED, KeyEvent.VK_H, KEY_LOCATION_STANDARD));
    user.keyReleased(key(screen, KeyEvent.KEY_RELEASED, KeyEvent.VK_SHIFT, KEY_LOCATION_RIGHT));
    user.mouseEntered(mouse(screen, MouseEvent.MOUSE_ENTERED, 5, 7, MouseEvent.NOBUTTON));
    user.mouseMoved(mouse(screen, MouseEvent.MOUSE_MOVED, 15, 4, MouseEvent.NOBUTTON));
    user.mousePressed(mouse(screen, MouseEvent.MOUSE_PRESSED, 15, 4, MouseEvent.BUTTON1));
    user.mouseReleased(mouse(screen, MouseEvent.MOUSE_RELEASED, 15, 4, MouseEvent.BUTTON1));
    user.mouseWheelMoved(new MouseWheelEvent(screen, MouseEvent.MOUSE_WHEEL, 0, 0, 15, 4, 0, false,
        MouseWheelEvent.WHEEL_UNIT_SCROLL, 3, -1));
    awaitLine(out, "\tWHEEL 1", deadline);
  }

  private static KeyEvent key(JPanel source, int id, int code, int location) {
    return new KeyEvent(source, id, 0, 0, code, KeyEvent.CHAR_UNDEFINED, location);
  }

  private static MouseEvent mouse(JPanel source, int id, int x, int y, int button) {
    return new MouseEvent(source, id, 0, 0, x, y, 0, false, button);
  }

  private static boolean contains(ByteArrayOutputStream out, String text) {
    return out.toString(StandardCharsets.UTF_8).contains(text);
  }

  /** Waits until the output shows {@code text}, at most until {@code deadline} (a nanoTime). */
  private static void awaitLine(ByteArrayOutputStream out, String text, long deadline) throws InterruptedException {
    while (!contains(out, text)) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("\"" + text + "\" did not appear; the run printed:\n"
            + out.toString(StandardCharsets.UTF_8));
      }
      Thread.sleep(20);
    }
  }
}
