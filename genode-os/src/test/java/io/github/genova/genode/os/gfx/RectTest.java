package io.github.genova.genode.os.gfx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Nitpicker's rectangle arithmetic, which clipping and the dirty rectangles rest on. */
class RectTest {
  @Test
  void intersectionClipsAndDisjointRectanglesGiveEmpty() {
    Rect a = new Rect(10, 20, 100, 50);
    assertThat(a.intersect(new Rect(50, 0, 100, 30))).isEqualTo(new Rect(50, 20, 60, 10));
    assertThat(a.intersect(new Rect(110, 20, 5, 5)).isEmpty()).isTrue();
    assertThat(a.intersect(new Rect(0, 0, 1000, 1000))).isEqualTo(a);
  }

  @Test
  void unionIsTheBoundingBoxAndIgnoresEmptyRectangles() {
    Rect a = new Rect(10, 20, 10, 10);
    assertThat(a.union(new Rect(100, 5, 1, 1))).isEqualTo(new Rect(10, 5, 91, 25));
    assertThat(a.union(Rect.EMPTY)).isEqualTo(a);
    assertThat(Rect.EMPTY.union(a)).isEqualTo(a);
  }

  @Test
  void containsIsHalfOpenAndGrowAddsOnEverySide() {
    Rect a = new Rect(0, 0, 4, 3);
    assertThat(a.contains(3, 2)).isTrue();
    assertThat(a.contains(4, 2)).isFalse();
    assertThat(a.contains(3, 3)).isFalse();
    assertThat(a.grow(2)).isEqualTo(new Rect(-2, -2, 8, 7));
    assertThat(new Rect(5, 5, 0, 7).isEmpty()).isTrue();
  }
}
