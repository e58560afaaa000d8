package io.github.genova.genode.base.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class NumberOfBytesTest {
  @Test
  void suffixesAreBinaryPowers() {
    assertThat(NumberOfBytes.parse("16K")).hasValue(16384);
    assertThat(NumberOfBytes.parse("1M")).hasValue(1 << 20);
    assertThat(NumberOfBytes.parse("2G")).hasValue(2L << 30);
    assertThat(NumberOfBytes.parse("4096")).hasValue(4096);
    assertThat(NumberOfBytes.parse("0x1000")).hasValue(4096);
  }

  @Test
  void malformedOrOverflowingTextIsEmpty() {
    assertThat(NumberOfBytes.parse("")).isEqualTo(OptionalLong.empty());
    assertThat(NumberOfBytes.parse("K")).isEmpty();
    assertThat(NumberOfBytes.parse("1k")).isEmpty();
    assertThat(NumberOfBytes.parse("1.5M")).isEmpty();
    assertThat(NumberOfBytes.parse("0x")).isEmpty();
    assertThat(NumberOfBytes.parse("-1")).isEmpty();
    assertThat(NumberOfBytes.parse("9999999999999G")).isEmpty();
  }

  @Test
  void formatUsesTheLargestExactSuffix() {
    assertThat(NumberOfBytes.format(16 << 20)).isEqualTo("16M");
    assertThat(NumberOfBytes.format(12288)).isEqualTo("12K");
    assertThat(NumberOfBytes.format(100)).isEqualTo("100");
    assertThat(NumberOfBytes.format(0)).isEqualTo("0");
    assertThat(NumberOfBytes.format(3L << 30)).isEqualTo("3G");
  }
}
