package io.github.genova.genode.os.init;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.session.LabelSelector;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class InitConfigTest {
  /** The classic demo configuration, abridged. */
  static final String DEMO = """
      <config verbose="yes" prio_levels="2">
        <parent-provides>
          <service name="ROM"/>
          <service name="RAM"/>
          <service name="LOG"/>
          <service name="IO_PORT"/>
          <service name="IRQ"/>
        </parent-provides>
        <default-route>
          <any-service> <parent/> <any-child/> </any-service>
        </default-route>
        <start name="timer">
          <resource name="RAM" quantum="1M"/>
          <provides><service name="Timer"/></provides>
        </start>
        <start name="ps2_drv" priority="-1">
          <resource name="RAM" quantum="512K"/>
          <provides><service name="Input"/></provides>
        </start>
        <start name="vesa_drv" caps="100">
          <binary name="fb_drv"/>
          <resource name="RAM" quantum="4M"/>
          <provides><service name="Framebuffer"/></provides>
          <config buffered="yes"><!-- mode --><mode width="1024" height="768" depth="16"/></config>
        </start>
        <start name="nitpicker">
          <resource name="RAM" quantum="1M"/>
          <provides><service name="Nitpicker"/></provides>
          <route>
            <service name="Input" label_last="input"> <child name="ps2_drv"/> </service>
            <service name="Timer"> <if-arg key="label" value="nitpicker"/> <child name="timer"/> </service>
            <any-service> <parent/> <any-child/> </any-service>
          </route>
        </start>
        <start name="launchpad">
          <resource name="RAM" quantum="32M"/>
          <configfile name="launchpad.config"/>
        </start>
      </config>
      """;

  @Test
  void parsesTheDemoConfiguration() {
    InitConfig config = InitConfig.parse(DEMO);

    assertThat(config.verbose()).isTrue();
    assertThat(config.prioLevels()).isEqualTo(2);
    assertThat(config.startErrors()).isEmpty();
    assertThat(config.parentProvides()).containsExactly("ROM", "RAM", "LOG", "IO_PORT", "IRQ");
    assertThat(config.defaultRoute()).singleElement().satisfies(rule -> {
      assertThat(rule.anyService()).isTrue();
      assertThat(rule.targets()).containsExactly(new RouteTarget.Parent(), new RouteTarget.AnyChild());
      assertThat(rule.line()).isEqualTo(10);
    });
    assertThat(config.starts()).extracting(StartNode::name)
        .containsExactly("timer", "ps2_drv", "vesa_drv", "nitpicker", "launchpad");

    StartNode timer = requireNonNull(config.start("timer"));
    assertThat(timer.binary()).isEqualTo("timer");
    assertThat(timer.ramQuantum()).isEqualTo(1 << 20);
    assertThat(timer.provides()).containsExactly("Timer");
    assertThat(timer.route()).isNull();
    assertThat(timer.line()).isEqualTo(12);

    StartNode ps2 = requireNonNull(config.start("ps2_drv"));
    assertThat(ps2.priority()).isEqualTo(-1);
    assertThat(ps2.ramQuantum()).isEqualTo(512 * 1024);

    StartNode vesa = requireNonNull(config.start("vesa_drv"));
    assertThat(vesa.binary()).isEqualTo("fb_drv");
    assertThat(vesa.caps()).isEqualTo(100);
    assertThat(vesa.config()).isEqualTo(
        "<config buffered=\"yes\"><!-- mode --><mode width=\"1024\" height=\"768\" depth=\"16\"/></config>");

    StartNode nitpicker = requireNonNull(config.start("nitpicker"));
    List<RouteRule> route = requireNonNull(nitpicker.route());
    assertThat(route).hasSize(3);
    RouteRule input = route.getFirst();
    assertThat(input.service()).isEqualTo("Input");
    assertThat(input.labels()).isEqualTo(new LabelSelector(null, null, null, "input", null));
    assertThat(input.targets()).containsExactly(new RouteTarget.Child("ps2_drv"));
    assertThat(route.get(1).conditions()).containsExactly(new RouteRule.IfArg("label", "nitpicker"));
    assertThat(config.routeOf(nitpicker)).isSameAs(nitpicker.route());
    assertThat(config.routeOf(timer)).isEqualTo(config.defaultRoute());

    StartNode launchpad = requireNonNull(config.start("launchpad"));
    assertThat(launchpad.configFile()).isEqualTo("launchpad.config");
    assertThat(launchpad.config()).isNull();
  }

  @Test
  void item66_inlineConfigIsKeptAsXmlWithEscapes() {
    InitConfig config = InitConfig.parse("""
        <config>
          <start name="app">
            <config>
              <text value="a &lt; b &amp; &quot;c&quot;">x &gt; y</text>
              <empty/>
            </config>
          </start>
        </config>
        """);

    String inline = config.starts().getFirst().config();
    assertThat(inline).startsWith("<config>").endsWith("</config>");
    assertThat(inline).contains("<text value=\"a &lt; b &amp; &quot;c&quot;\">x &gt; y</text>");
    assertThat(inline).contains("<empty/>");
  }

  @Test
  void item57_eachChildGetsItsQuantumClampedToWhatIsAvailable() {
    InitConfig config = InitConfig.parse("""
        <config>
          <start name="a"><resource name="RAM" quantum="1M"/></start>
          <start name="b"><resource name="RAM" quantum="2M"/></start>
          <start name="c"><resource name="RAM" quantum="1M"/></start>
          <start name="d"/>
        </config>
        """);

    long avail = (2 << 20) + InitConfig.INIT_RAM_RESERVE;

    assertThat(config.ramAssignments(avail)).containsExactly(1L << 20, 1L << 20, 0L, 0L);
    assertThat(config.ramAssignments(64L << 20)).containsExactly(1L << 20, 2L << 20, 1L << 20, 0L);
    assertThat(config.ramAssignments(4096)).containsExactly(0L, 0L, 0L, 0L);
  }

  @Test
  void item58_duplicateStartNamesAbortConfiguration() {
    assertThatThrownBy(() -> InitConfig.parse("""
        <config>
          <start name="timer"/>
          <start name="timer"/>
        </config>
        """))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.element()).isEqualTo("start");
          assertThat(e.line()).isEqualTo(3);
        })
        .hasMessage("<start> at line 3: Child name \"timer\" is not unique");
  }

  @Test
  void missingStartNameLeavesOutThatChildOnly() {
    InitConfig config = InitConfig.parse("""
        <config>
          <start priority="0">
            <resource name="RAM" quantum="1M"/>
          </start>
          <start name="timer"/>
        </config>
        """);

    assertThat(config.starts()).extracting(StartNode::name).containsExactly("timer");
    assertThat(config.startErrors()).singleElement(InstanceOfAssertFactories.THROWABLE)
        .hasFieldOrPropertyWithValue("element", "start")
        .hasFieldOrPropertyWithValue("line", 2)
        .hasMessage("<start> at line 2: missing attribute \"name\"");
  }

  @Test
  void unparsableQuantumLeavesOutThatChildOnly() {
    InitConfig config = InitConfig.parse("""
        <config>
          <start name="a">
            <resource name="RAM" quantum="1.5M"/>
            <provides><service name="X"/></provides>
          </start>
          <start name="b"/>
        </config>
        """);

    assertThat(config.starts()).extracting(StartNode::name).containsExactly("b");
    assertThat(config.startErrors()).singleElement(InstanceOfAssertFactories.THROWABLE)
        .hasMessage("<resource> at line 3: quantum=\"1.5M\" is not a number of bytes (like 4096, 16K, 1M)");
  }

  @Test
  void unknownElementInAStartNodeLeavesOutThatChildOnly() {
    InitConfig config = InitConfig.parse("""
        <config>
          <start name="a">
            <resourec name="RAM" quantum="1M"/>
          </start>
          <start name="b"/>
        </config>
        """);

    assertThat(config.starts()).extracting(StartNode::name).containsExactly("b");
    assertThat(config.startErrors()).singleElement(InstanceOfAssertFactories.THROWABLE)
        .hasMessage("<resourec> at line 3: unknown element in <start name=\"a\">");
  }

  @Test
  void errorsDeepInsideAStartNodeStillSkipJustThatNode() {
    InitConfig config = InitConfig.parse("""
        <config>
          <start name="a">
            <route>
              <service name="LOG"> <parent/> <sibling/> <child name="b"/> </service>
            </route>
            <provides><service name="Y"/></provides>
          </start>
          <start name="b"><provides><service name="X"/></provides></start>
        </config>
        """);

    assertThat(config.starts()).extracting(StartNode::name).containsExactly("b");
    assertThat(config.starts().getFirst().provides()).containsExactly("X");
    assertThat(config.startErrors()).singleElement().satisfies(e -> {
      assertThat(e.element()).isEqualTo("sibling");
      assertThat(e.line()).isEqualTo(4);
      assertThat(e).hasMessageContaining("unknown element in a route rule");
    });
  }

  @Test
  void routeToAMissingChildLeavesOutTheRoutingChild() {
    InitConfig config = InitConfig.parse("""
        <config>
          <start name="app">
            <route>
              <service name="Timer"> <child name="timre"/> </service>
            </route>
          </start>
          <start name="timer"/>
        </config>
        """);

    assertThat(config.starts()).extracting(StartNode::name).containsExactly("timer");
    assertThat(config.startErrors()).singleElement(InstanceOfAssertFactories.THROWABLE)
        .hasMessage("<child> at line 4: route to child \"timre\", which no <start> node defines");
  }

  @Test
  void defaultRouteToAMissingChildIsFatal() {
    assertThatThrownBy(() -> InitConfig.parse("""
        <config>
          <default-route>
            <any-service> <child name="ghost"/> </any-service>
          </default-route>
          <start name="a"/>
        </config>
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessage("<child> at line 3: route to child \"ghost\", which no <start> node defines");
  }

  @Test
  void unknownElementInConfigIsFatal() {
    assertThatThrownBy(() -> InitConfig.parse("""
        <config>
          <parent-provides><service name="LOG"/></parent-provides>
          <strat name="a"/>
        </config>
        """))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.element()).isEqualTo("strat");
          assertThat(e.line()).isEqualTo(3);
        })
        .hasMessage("<strat> at line 3: unknown element in <config>");
  }

  @Test
  void parentProvidesNeedsNamedServices() {
    assertThatThrownBy(() -> InitConfig.parse("""
        <config>
          <parent-provides>
            <service/>
          </parent-provides>
        </config>
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessage("<service> at line 3: missing attribute \"name\"");
    assertThatThrownBy(() -> InitConfig.parse(
        "<config><parent-provides><service name=\"LOG\"/><service name=\"LOG\"/></parent-provides></config>"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("listed twice");
  }

  @Test
  void malformedXmlIsFatalWithItsLine() {
    assertThatThrownBy(() -> InitConfig.parse("""
        <config>
          <start name="a">
        </config>
        """))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageStartingWith("<config> at line 3: malformed XML:");
  }

  @Test
  void theRootMustBeConfig() {
    assertThatThrownBy(() -> InitConfig.parse("<init/>"))
        .isInstanceOf(ConfigException.class).hasMessage("<init> at line 1: the root element must be <config>");
    assertThatThrownBy(() -> InitConfig.parse("<!-- nothing -->"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("malformed XML");
  }

  @Test
  void otherPerStartErrorsEachNameTheirElement() {
    InitConfig config = InitConfig.parse("""
        <config prio_levels="4">
          <start name="a"><binary/></start>
          <start name="b"><resource name="CPU" quantum="10"/></start>
          <start name="c"><config/><configfile name="x"/></start>
          <start name="d" priority="-4"/>
          <start name="e" priority="1"/>
          <start name="f" caps="many"/>
          <start name="g"><route><any-service/></route></start>
          <start name="h">text</start>
          <start name="ok" priority="-3"/>
        </config>
        """);

    assertThat(config.starts()).extracting(StartNode::name).containsExactly("d", "ok");
    assertThat(config.startErrors()).extracting(Throwable::getMessage).containsExactly(
        "<binary> at line 2: missing attribute \"name\"",
        "<resource> at line 3: unknown resource \"CPU\" (only \"RAM\" is known)",
        "<configfile> at line 4: a start node has at most one <config> or <configfile>",
        "<start> at line 6: priority 1 is above init's own (0); children have 0 or less",
        "<start> at line 7: caps=\"many\" is not a number",
        "<any-service> at line 8: route rule without a target",
        "<start> at line 9: unexpected text \"text\"");
  }

  @Test
  void aPriorityBelowInitsLowestLevelIsUpgradedWithAWarning() {
    InitConfig config = InitConfig.parse("""
        <config prio_levels="2">
          <start name="a" priority="-1"/>
          <start name="b" priority="-5"/>
          <start name="c" priority="-1"/>
        </config>
        """);

    assertThat(config.starts()).extracting(StartNode::priority).containsExactly(-1, -1, -1);
    assertThat(config.warnings()).containsExactly(
        "<start> at line 3: invalid priority, upgrading from -5 to -1 (prio_levels=\"2\")");
    assertThat(InitConfig.parse("<config><start name=\"a\" priority=\"-1\"/></config>").starts().getFirst().priority())
        .isZero();
  }

  @Test
  void badConfigAttributesAreFatal() {
    assertThatThrownBy(() -> InitConfig.parse("<config prio_levels=\"3\"/>"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("prio_levels=\"3\" is not a power of two");
    assertThatThrownBy(() -> InitConfig.parse("<config verbose=\"sometimes\"/>"))
        .isInstanceOf(ConfigException.class).hasMessage("<config> at line 1: verbose=\"sometimes\" is not yes or no");
  }

  @Test
  void externalEntitiesAreNotResolved() {
    assertThatThrownBy(() -> InitConfig.parse("""
        <!DOCTYPE config [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
        <config><start name="&x;"/></config>
        """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("malformed XML");
  }

  @Test
  void theModelItselfRefusesDuplicateNames() {
    StartNode a = new StartNode("a", "a", 0, 0, 0, List.of(), null, null, null, 1);

    assertThatThrownBy(() -> new InitConfig(List.of(), List.of(), List.of(a, a), List.of(), List.of(), false, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Child name \"a\" is not unique");
    assertThatThrownBy(() -> new InitConfig(List.of(), List.of(), List.of(a), List.of(), List.of(), false, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
  }

  @Test
  void modelListsAreImmutableCopies() {
    InitConfig config = InitConfig.parse(DEMO);

    assertThatThrownBy(() -> config.starts().add(config.starts().getFirst()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(List.copyOf(config.startErrors())).isEmpty();
  }
}
