package io.github.genova.genode.os.launchpad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.genova.genode.os.init.ConfigException;
import org.junit.jupiter.api.Test;

class LaunchpadConfigTest {
  @Test
  void launchersAreReadInOrderWithQuotaCapsAndInlineConfig() {
    LaunchpadConfig config = LaunchpadConfig.parse("""
        <config>
          <!-- the demo's -->
          <launcher> <filename>testnit</filename> <ram_quota>512K</ram_quota> </launcher>
          <launcher>
            <filename>nitlog</filename> <ram_quota>1M</ram_quota> <caps>50</caps>
            <config verbose="yes"><x a="&lt;"/></config>
          </launcher>
        </config>
        """);
    assertThat(config.errors()).isEmpty();
    assertThat(config.launchers()).containsExactly(new Launcher("testnit", 512 << 10, LaunchpadConfig.DEFAULT_CAPS,
        null), new Launcher("nitlog", 1 << 20, 50, "<config verbose=\"yes\"><x a=\"&lt;\"/></config>"));
  }

  @Test
  void theDefaultsAreTheClassicLaunchpadsLaunchers() {
    assertThat(LaunchpadConfig.defaults().launchers()).extracting(Launcher::binary, Launcher::ramQuota)
        .containsExactly(tuple("testnit", 512L << 10),
            tuple("scout", 11L << 20),
            tuple("launchpad", 6L << 20),
            tuple("nitlog", 1L << 20),
            tuple("liquid_fb", 7L << 20));
  }

  @Test
  void aFaultyLauncherIsLeftOutWithAMessageNamingElementAndLineTheOthersStay() {
    LaunchpadConfig config = LaunchpadConfig.parse("""
        <config>
          <launcher> <filename>a</filename> <ram_quota>12Q</ram_quota> </launcher>
          <launcher> <ram_quota>1M</ram_quota> </launcher>
          <launcher> <filename>b</filename> </launcher>
          <launcher>
            <filename>c</filename> <ram_quota>1M</ram_quota>
            <priority>1</priority>
          </launcher>
          <launcher> <filename>d</filename> <ram_quota>1M</ram_quota> <ram_quota>2M</ram_quota> </launcher>
          <launcher> <filename>e</filename> <ram_quota>1M</ram_quota> <caps>many</caps> </launcher>
          <launcher> <filename>with space</filename> <ram_quota>1M</ram_quota> </launcher>
          <launcher> <filename>good</filename> <ram_quota>64K</ram_quota> </launcher>
        </config>
        """);
    assertThat(config.launchers()).extracting(Launcher::binary).containsExactly("good");
    assertThat(config.errors()).containsExactly(
        "<ram_quota> at line 2: \"12Q\" is not a number (e.g. 512K, 1M)",
        "<launcher> at line 3: missing <filename>",
        "<launcher> at line 4: missing <ram_quota> for \"b\"",
        "<priority> at line 7: unknown element in <launcher> (expected filename, ram_quota, caps or config)",
        "<ram_quota> at line 9: given twice in one <launcher>",
        "<caps> at line 10: \"many\" is not a number of capabilities",
        "<filename> at line 11: \"with space\" is no binary name");
  }

  @Test
  void aDocumentLaunchpadCannotReadIsRefusedWithItsReason() {
    assertThatThrownBy(() -> LaunchpadConfig.parse("<config><launcher>")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("malformed XML");
    assertThatThrownBy(() -> LaunchpadConfig.parse("<start/>")).isInstanceOf(ConfigException.class)
        .hasMessage("<start> at line 1: the root element must be <config>");
    assertThatThrownBy(() -> LaunchpadConfig.parse("<config>\n  <start name=\"x\"/>\n</config>"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("<start> at line 2: unknown element in <config> (expected <launcher>)");
    assertThatThrownBy(() -> LaunchpadConfig.parse("<config>stray</config>")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("malformed XML");
  }

  @Test
  void anEmptyConfigOffersNoLaunchers() {
    assertThat(LaunchpadConfig.parse("<config/>").launchers()).isEmpty();
  }
}
