package io.github.genova.genode.os.liquidfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.os.gfx.Rect;
import org.junit.jupiter.api.Test;

/** The geometry of liquid_fb's window: where frame, title bar, content and resize handle lie. */
class DecorationTest {
  private final Decoration d = new Decoration(500, 400);

  @Test
  void theWindowIsTheContentWithAOnePixelFrameATitleBarAndTheLineUnderIt() {
    assertThat(d.width()).isEqualTo(502);
    assertThat(d.height()).isEqualTo(400 + 32 + 3);
    assertThat(d.titleBar()).isEqualTo(new Rect(1, 1, 500, 32));
    assertThat(d.content()).isEqualTo(new Rect(1, 34, 500, 400));
    assertThat(d.resizeHandle()).isEqualTo(new Rect(502 - 1 - 32, 435 - 1 - 32, 32, 32));
    assertThat(d.window().intersect(d.resizeHandle())).isEqualTo(d.resizeHandle());
    assertThat(d.content().intersect(d.resizeHandle())).as("the handle lies over the content's corner")
        .isEqualTo(d.resizeHandle());
  }

  @Test
  void partAtNamesTheFrameTitleContentHandleAndOutside() {
    assertThat(d.partAt(0, 0)).isEqualTo(Decoration.Part.BORDER);
    assertThat(d.partAt(1, 1)).isEqualTo(Decoration.Part.TITLE);
    assertThat(d.partAt(500, 32)).isEqualTo(Decoration.Part.TITLE);
    assertThat(d.partAt(250, 33)).as("the line under the title bar").isEqualTo(Decoration.Part.BORDER);
    assertThat(d.partAt(1, 34)).isEqualTo(Decoration.Part.CONTENT);
    assertThat(d.partAt(468, 401)).as("left of the handle").isEqualTo(Decoration.Part.CONTENT);
    assertThat(d.partAt(469, 402)).isEqualTo(Decoration.Part.RESIZE_HANDLE);
    assertThat(d.partAt(500, 433)).isEqualTo(Decoration.Part.RESIZE_HANDLE);
    assertThat(d.partAt(501, 200)).isEqualTo(Decoration.Part.BORDER);
    assertThat(d.partAt(250, 434)).isEqualTo(Decoration.Part.BORDER);
    assertThat(d.partAt(-1, 10)).isEqualTo(Decoration.Part.OUTSIDE);
    assertThat(d.partAt(502, 10)).isEqualTo(Decoration.Part.OUTSIDE);
    assertThat(d.partAt(10, 435)).isEqualTo(Decoration.Part.OUTSIDE);
  }

  @Test
  void resizingKeepsEachSideBetweenTheMinimumAndTheLargestContent() {
    Decoration small = new Decoration(300, 200);
    assertThat(small.resizedBy(-100, 50, d)).isEqualTo(new Decoration(200, 250));
    assertThat(small.resizedBy(-1000, -1000, d)).isEqualTo(new Decoration(Decoration.MIN_CONTENT,
        Decoration.MIN_CONTENT));
    assertThat(small.resizedBy(1000, 1000, d)).isEqualTo(d);
    assertThat(small.resizedBy(Integer.MAX_VALUE, Integer.MIN_VALUE, d)).as("no overflow")
        .isEqualTo(new Decoration(500, Decoration.MIN_CONTENT));
  }

  @Test
  void aContentSmallerThanTheHandleIsRefused() {
    assertThatThrownBy(() -> new Decoration(31, 100)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31x100");
    assertThat(new Decoration(32, 32).partAt(1, 34)).as("the smallest content is all handle")
        .isEqualTo(Decoration.Part.RESIZE_HANDLE);
  }
}
