package io.github.genova.genode.base.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class SessionArgsTest {
  @Test
  void parsesTheArgumentsAConnectionSends() {
    SessionArgs args = SessionArgs.parse("ram_quota=8K, cap_quota=2, label=\"timer\"");

    assertThat(args.longValue("ram_quota", 0)).isEqualTo(8192);
    assertThat(args.longValue("cap_quota", 0)).isEqualTo(2);
    assertThat(args.stringValue("label", "")).isEqualTo("timer");
    assertThat(args.label()).isEqualTo(SessionLabel.of("timer"));
    assertThat(args.args()).extracting(SessionArgs.Arg::key).containsExactly("ram_quota", "cap_quota", "label");
  }

  @Test
  void numbersTakeSignSuffixesAndHex() {
    SessionArgs args = SessionArgs.parse("a=1K,b=3M,c=2G,d=-5,e=+7,f=0x3f8,g=0x10K, h=0");

    assertThat(args.longValue("a", 0)).isEqualTo(1024);
    assertThat(args.longValue("b", 0)).isEqualTo(3L << 20);
    assertThat(args.longValue("c", 0)).isEqualTo(2L << 30);
    assertThat(args.longValue("d", 0)).isEqualTo(-5);
    assertThat(args.longValue("e", 0)).isEqualTo(7);
    assertThat(args.longValue("f", 0)).isEqualTo(0x3f8);
    assertThat(args.longValue("g", 0)).isEqualTo(0x10 * 1024);
    assertThat(args.longValue("h", 1)).isZero();
  }

  @Test
  void absentKeysGiveTheDefault() {
    SessionArgs args = SessionArgs.parse("label=\"x\"");

    assertThat(args.longValue("ram_quota", 4096)).isEqualTo(4096);
    assertThat(args.stringValue("filename", "none")).isEqualTo("none");
    assertThat(args.boolValue("diag", true)).isTrue();
    assertThat(args.has("ram_quota")).isFalse();
    assertThat(SessionArgs.parse("").args()).isEmpty();
    assertThat(SessionArgs.parse("   ").args()).isEmpty();
  }

  @Test
  void quotedStringsUnescapeQuotesAndBackslashes() {
    SessionArgs args = SessionArgs.parse("label=\"say \\\"hi\\\" to a\\\\b, c=d\"");

    assertThat(args.stringValue("label", "")).isEqualTo("say \"hi\" to a\\b, c=d");
    assertThat(args.args()).hasSize(1);
  }

  @Test
  void boolsAcceptGenodesWords() {
    SessionArgs args = SessionArgs.parse("a=yes, b=true, c=on, d=no, e=false, f=off, g=\"yes\"");

    assertThat(args.boolValue("a", false)).isTrue();
    assertThat(args.boolValue("b", false)).isTrue();
    assertThat(args.boolValue("c", false)).isTrue();
    assertThat(args.boolValue("d", true)).isFalse();
    assertThat(args.boolValue("e", true)).isFalse();
    assertThat(args.boolValue("f", true)).isFalse();
    assertThat(args.boolValue("g", false)).isTrue();
  }

  @Test
  void identifiersAreValuesToo() {
    SessionArgs args = SessionArgs.parse("filename=vesa_drv, fb_mode=RGB565");

    assertThat(args.stringValue("filename", "")).isEqualTo("vesa_drv");
    assertThat(args.stringValue("fb_mode", "")).isEqualTo("RGB565");
  }

  @Test
  void theFirstOccurrenceOfAKeyCounts() {
    assertThat(SessionArgs.parse("ram_quota=1, ram_quota=2").longValue("ram_quota", 0)).isEqualTo(1);
  }

  @Test
  void setArgRemovesTheKeyAndAppendsItAnew() {
    SessionArgs args = SessionArgs.parse("ram_quota=1, label=\"a\", ram_quota=2");

    SessionArgs set = args.with("ram_quota", 4096);

    assertThat(set.toString()).isEqualTo("label=\"a\", ram_quota=4096");
    assertThat(set.without("label").toString()).isEqualTo("ram_quota=4096");
    assertThat(args.toString()).isEqualTo("ram_quota=1, label=\"a\", ram_quota=2");
  }

  @Test
  void builtArgumentsParseBackEqual() {
    SessionArgs built = SessionArgs.empty()
        .with("ram_quota", 8192)
        .with("label", "init -> \"odd\" \\ label, with=comma")
        .with("diag", true)
        .with("priority", -3);

    SessionArgs parsed = SessionArgs.parse(built.toString());

    assertThat(parsed).isEqualTo(built);
    assertThat(parsed.stringValue("label", "")).isEqualTo("init -> \"odd\" \\ label, with=comma");
    assertThat(parsed.boolValue("diag", false)).isTrue();
    assertThat(parsed.longValue("priority", 0)).isEqualTo(-3);
  }

  @Test
  void randomLabelsSurviveQuotingRoundTrips() {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
    String alphabet = "ab\"\\, =->K0";
    for (int round = 0; round < 500; round++) {
      StringBuilder label = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        label.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      SessionArgs args = SessionArgs.empty().with("label", label.toString()).with("ram_quota", round);

      SessionArgs parsed = SessionArgs.parse(args.toString());

      assertThat(parsed.stringValue("label", "?")).isEqualTo(label.toString());
      assertThat(parsed.longValue("ram_quota", -1)).isEqualTo(round);
    }
  }

  @Test
  void malformedNumberNamesKeyAndPosition() {
    assertThatThrownBy(() -> SessionArgs.parse("label=\"x\", ram_quota=12Q"))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> {
          assertThat(e.key()).isEqualTo("ram_quota");
          assertThat(e.position()).isEqualTo(21);
        })
        .hasMessage("session argument \"ram_quota\" at position 21: malformed number \"12Q\"");
  }

  @Test
  void numberTooLargeForALongIsMalformed() {
    assertThatThrownBy(() -> SessionArgs.parse("ram_quota=99999999999G"))
        .isInstanceOf(SessionArgsException.class)
        .hasMessageContaining("\"ram_quota\"")
        .hasMessageContaining("malformed number");
  }

  @Test
  void unterminatedStringNamesKey() {
    assertThatThrownBy(() -> SessionArgs.parse("ram_quota=4K, label=\"abc"))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> {
          assertThat(e.key()).isEqualTo("label");
          assertThat(e.position()).isEqualTo(20);
        })
        .hasMessageContaining("unterminated string");
  }

  @Test
  void missingEqualsNamesKey() {
    assertThatThrownBy(() -> SessionArgs.parse("ram_quota 4K"))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> {
          assertThat(e.key()).isEqualTo("ram_quota");
          assertThat(e.position()).isEqualTo(10);
        })
        .hasMessageContaining("expected '='");
  }

  @Test
  void missingValueNamesKey() {
    assertThatThrownBy(() -> SessionArgs.parse("label="))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> assertThat(e.key()).isEqualTo("label"))
        .hasMessageContaining("expected a value");
    assertThatThrownBy(() -> SessionArgs.parse("label=,x=1"))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> assertThat(e.position()).isEqualTo(6));
  }

  @Test
  void missingCommaNamesThePrecedingKey() {
    assertThatThrownBy(() -> SessionArgs.parse("ram_quota=4K label=\"x\""))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> {
          assertThat(e.key()).isEqualTo("ram_quota");
          assertThat(e.position()).isEqualTo(13);
        })
        .hasMessageContaining("expected ','");
  }

  @Test
  void badOrMissingKeyIsReportedWithPosition() {
    assertThatThrownBy(() -> SessionArgs.parse("9lives=1"))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> {
          assertThat(e.key()).isNull();
          assertThat(e.position()).isZero();
        })
        .hasMessage("session arguments at position 0: expected a key, found '9'");
    assertThatThrownBy(() -> SessionArgs.parse("a=1,"))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> assertThat(e.position()).isEqualTo(4))
        .hasMessageContaining("found the end");
  }

  @Test
  void readingAStringAsNumberNamesTheKey() {
    SessionArgs args = SessionArgs.parse("ram_quota=\"lots\", diag=maybe");

    assertThatThrownBy(() -> args.longValue("ram_quota", 0))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> assertThat(e.key()).isEqualTo("ram_quota"))
        .hasMessageContaining("expected a number");
    assertThatThrownBy(() -> args.boolValue("diag", false))
        .isInstanceOfSatisfying(SessionArgsException.class, e -> assertThat(e.key()).isEqualTo("diag"));
  }

  @Test
  void settingANonIdentifierKeyIsRefused() {
    assertThatThrownBy(() -> SessionArgs.empty().with("ram quota", 1))
        .isInstanceOf(SessionArgsException.class)
        .hasMessageContaining("identifier");
  }
}
