package io.github.genova.genode.os.nitlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogWindowTest {
  private static final int LABEL = 0x1234;
  private static final int TEXT = 0xbdf7;

  private static LogWindow.Damage append(LogWindow w, String label, String text) {
    return w.append(label, LABEL, TEXT, text);
  }

  @Test
  void aWriteBecomesOneRowWithTheLabelInItsColourAndTheTextInTheTextColour() {
    LogWindow w = new LogWindow();
    LogWindow.Damage d = append(w, "hello", "Hello world\n");
    assertThat(d).isEqualTo(new LogWindow.Damage(0, 1));
    assertThat(w.rowText(0)).isEqualTo("[hello] Hello world");
    assertThat(w.usedRows()).isEqualTo(1);
    for (int c = 0; c < "[hello]".length(); c++) {
      assertThat(w.colourAt(0, c)).as("column %d", c).isEqualTo(LABEL);
    }
    assertThat(w.colourAt(0, "[hello] ".length())).isEqualTo(TEXT);
    assertThat(w.rowText(1)).isEmpty();
    assertThat(w.colourAt(1, 0)).isZero();
  }

  @Test
  void eachLineOfAWriteStartsARowAndTheDamageCoversThem() {
    LogWindow w = new LogWindow();
    append(w, "a", "first");
    LogWindow.Damage d = append(w, "b", "two\nthree");
    assertThat(d).isEqualTo(new LogWindow.Damage(1, 2));
    assertThat(w.rowText(1)).isEqualTo("[b] two");
    assertThat(w.rowText(2)).isEqualTo("[b] three");
  }

  @Test
  void aLineLongerThanARowWrapsOntoTheNext() {
    LogWindow w = new LogWindow();
    String text = "x".repeat(100);
    LogWindow.Damage d = append(w, "long", text);
    assertThat(d).isEqualTo(new LogWindow.Damage(0, 2));
    String all = "[long] " + text;
    assertThat(w.rowText(0)).isEqualTo(all.substring(0, LogWindow.COLUMNS));
    assertThat(w.rowText(1)).isEqualTo(all.substring(LogWindow.COLUMNS));
    assertThat(w.colourAt(1, 0)).isEqualTo(TEXT);
  }

  @Test
  void aLineOfExactlyOneRowTakesOneRow() {
    LogWindow w = new LogWindow();
    append(w, "l", "y".repeat(LogWindow.COLUMNS - "[l] ".length()));
    assertThat(w.usedRows()).isEqualTo(1);
    append(w, "l", "next");
    assertThat(w.rowText(1)).isEqualTo("[l] next");
  }

  @Test
  void theWindowScrollsWhenFullTheOldestRowLeavingTheTop() {
    LogWindow w = new LogWindow();
    for (int i = 1; i <= LogWindow.ROWS; i++) {
      assertThat(append(w, "c", "line " + i)).isEqualTo(new LogWindow.Damage(i - 1, 1));
    }
    assertThat(w.rowText(0)).isEqualTo("[c] line 1");
    assertThat(append(w, "c", "line 26")).isEqualTo(LogWindow.Damage.ALL);
    assertThat(w.rowText(0)).isEqualTo("[c] line 2");
    assertThat(w.rowText(LogWindow.ROWS - 1)).isEqualTo("[c] line 26");
    for (int i = 27; i <= 100; i++) {
      append(w, "c", "line " + i);
    }
    for (int r = 0; r < LogWindow.ROWS; r++) {
      assertThat(w.rowText(r)).isEqualTo("[c] line " + (76 + r));
    }
  }

  @Test
  void aScrolledRowIsClearedBeforeItIsReused() {
    LogWindow w = new LogWindow();
    for (int i = 0; i < LogWindow.ROWS; i++) {
      append(w, "c", "z".repeat(70));
    }
    append(w, "c", "short");
    assertThat(w.rowText(LogWindow.ROWS - 1)).isEqualTo("[c] short");
    assertThat(w.colourAt(LogWindow.ROWS - 1, 50)).isZero();
  }

  @Test
  void anEmptyWriteOrALoneNewlineShowsTheLabelAloneAsCoresLogDoes() {
    LogWindow w = new LogWindow();
    assertThat(append(w, "e", "")).isEqualTo(new LogWindow.Damage(0, 1));
    assertThat(append(w, "e", "\n")).isEqualTo(new LogWindow.Damage(1, 1));
    assertThat(w.rowText(0)).isEqualTo("[e]");
    assertThat(w.rowText(1)).isEqualTo("[e]");
    assertThat(append(w, "e", "\n\n")).as("an inner empty line is kept").isEqualTo(new LogWindow.Damage(2, 2));
    assertThat(w.usedRows()).isEqualTo(4);
  }

  @Test
  void controlAndNonAsciiCharactersShowAsReplacementsTabsAsBlanksCarriageReturnsDropped() {
    LogWindow w = new LogWindow();
    append(w, "c\u0007", "a\tb\u0001c\u00e4d\r");
    assertThat(w.rowText(0)).isEqualTo("[c?] a b?c?d");
  }

  @Test
  void aTooLongLabelIsCutAndMarked() {
    LogWindow w = new LogWindow();
    String label = "init -> " + "very-long-child-name".repeat(5);
    append(w, label, "text");
    String shown = label.substring(0, LogWindow.MAX_LABEL - 1) + LogWindow.CUT;
    assertThat(w.rowText(0)).isEqualTo("[" + shown + "] text");
    assertThat(w.colourAt(0, LogWindow.MAX_LABEL + 1)).as("the closing bracket").isEqualTo(LABEL);
    assertThat(w.colourAt(0, LogWindow.MAX_LABEL + 3)).isEqualTo(TEXT);
  }

  @Test
  void aLabelOfExactlyTheMaximumIsShownWhole() {
    LogWindow w = new LogWindow();
    String label = "l".repeat(LogWindow.MAX_LABEL);
    append(w, label, "t");
    assertThat(w.rowText(0)).isEqualTo("[" + label + "] t");
  }
}
