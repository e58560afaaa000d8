package io.github.genova.platform;

import java.util.ArrayList;
import java.util.List;

/** Test fixture: records reset pulses and A20 changes as "reset" and "a20=true|false". */
public final class RecordingSystemLines implements SystemLines {
  private final List<String> events = new ArrayList<>();

  /** Creates an empty recorder. */
  public RecordingSystemLines() {}

  @Override
  public void resetCpu() {
    events.add("reset");
  }

  @Override
  public void a20(boolean enabled) {
    events.add("a20=" + enabled);
  }

  /** Returns the events so far. */
  public List<String> events() {
    return events;
  }
}
