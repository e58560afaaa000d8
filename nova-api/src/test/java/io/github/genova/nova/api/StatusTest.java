package io.github.genova.nova.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusTest {
  @Test
  void classicNumericValues() {
    assertThat(Status.SUCCESS.code()).isZero();
    assertThat(Status.TIMEOUT.code()).isEqualTo(1);
    assertThat(Status.ABORTED.code()).isEqualTo(2);
    assertThat(Status.BAD_HYP.code()).isEqualTo(3);
    assertThat(Status.BAD_CAP.code()).isEqualTo(4);
    assertThat(Status.BAD_PAR.code()).isEqualTo(5);
    assertThat(Status.BAD_FTR.code()).isEqualTo(6);
    assertThat(Status.BAD_CPU.code()).isEqualTo(7);
    assertThat(Status.BAD_DEV.code()).isEqualTo(8);
  }

  @Test
  void roundTripsThroughCode() {
    for (Status s : Status.values()) {
      assertThat(Status.ofCode(s.code())).isSameAs(s);
    }
    assertThatThrownBy(() -> Status.ofCode(9)).isInstanceOf(IllegalArgumentException.class);
  }
}
