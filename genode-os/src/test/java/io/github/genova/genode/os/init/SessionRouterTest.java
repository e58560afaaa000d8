package io.github.genova.genode.os.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionRequest;
import org.junit.jupiter.api.Test;

class SessionRouterTest {
  private static SessionRequest request(String service, String args) {
    return SessionRequest.of(service, SessionArgs.parse(args));
  }

  private static SessionRouter router(String xml) {
    return new SessionRouter(InitConfig.parse(xml));
  }

  private static final String TWO_TIMERS = """
      <config>
        <parent-provides> <service name="LOG"/> <service name="ROM"/> <service name="Timer"/> </parent-provides>
        <default-route> <any-service> <parent/> <any-child/> </any-service> </default-route>
        <start name="timer_a"> <provides> <service name="Timer"/> </provides> </start>
        <start name="timer_b"> <provides> <service name="Timer"/> </provides> </start>
        <start name="fb"> <provides> <service name="Framebuffer"/> </provides> </start>
        <start name="app"/>
      </config>
      """;

  @Test
  void item59_rulesAreEvaluatedInDocumentOrderAndTheFirstMatchDecides() {
    SessionRouter router = router("""
        <config>
          <parent-provides> <service name="LOG"/> </parent-provides>
          <start name="logger"> <provides> <service name="LOG"/> </provides> </start>
          <start name="app">
            <route>
              <service name="LOG"> <child name="logger"/> </service>
              <service name="LOG"> <parent/> </service>
              <any-service> <parent/> </any-service>
            </route>
          </start>
        </config>
        """);

    Route route = router.route("app", request("LOG", "ram_quota=8K, label=\"out\""));

    assertThat(route).isInstanceOfSatisfying(Route.ToChild.class, r -> assertThat(r.child()).isEqualTo("logger"));
  }

  @Test
  void item60_aServiceRuleThatCannotBeSatisfiedDenies() {
    SessionRouter router = router("""
        <config>
          <parent-provides> <service name="LOG"/> </parent-provides>
          <start name="logger"/>
          <start name="app">
            <route>
              <service name="LOG"> <child name="logger"/> <parent/> </service>
              <any-service> <parent/> </any-service>
            </route>
          </start>
        </config>
        """);

    Route route = router.route("app", request("LOG", ""));

    assertThat(route).isEqualTo(new Route.Denied(
        "child \"app\" requests service \"LOG\": child \"logger\" does not provide it (rule at line 6)"));
  }

  @Test
  void item60_anAnyServiceRuleFallsThroughToTheNextRule() {
    SessionRouter router = router("""
        <config>
          <parent-provides> <service name="LOG"/> </parent-provides>
          <start name="logger"/>
          <start name="app">
            <route>
              <any-service> <child name="logger"/> <any-child/> </any-service>
              <any-service> <parent/> </any-service>
            </route>
          </start>
        </config>
        """);

    Route route = router.route("app", request("LOG", ""));

    assertThat(route).isInstanceOf(Route.ToParent.class);
  }

  @Test
  void item61_anyChildWithTwoProvidersDeniesAsAmbiguous() {
    SessionRouter router = router("""
        <config>
          <start name="timer_a"> <provides> <service name="Timer"/> </provides> </start>
          <start name="timer_b"> <provides> <service name="Timer"/> </provides> </start>
          <start name="app"> <route> <any-service> <any-child/> </any-service> </route> </start>
        </config>
        """);

    Route route = router.route("app", request("Timer", ""));

    assertThat(route).isEqualTo(new Route.Denied(
        "child \"app\" requests service \"Timer\": ambiguous routes: provided by timer_a, timer_b"));
  }

  @Test
  void anyChildWithOneProviderRoutesToIt() {
    Route route = router(TWO_TIMERS).route("app", request("Framebuffer", "label=\"main\""));

    assertThat(route).isInstanceOfSatisfying(Route.ToChild.class, r -> {
      assertThat(r.child()).isEqualTo("fb");
      assertThat(r.request().label()).hasToString("app -> main");
    });
  }

  @Test
  void parentIsTriedBeforeAnyChildWhenListedFirst() {
    Route route = router(TWO_TIMERS).route("app", request("Timer", ""));

    assertThat(route).isInstanceOf(Route.ToParent.class);
  }

  @Test
  void item62_aChildTargetOnlyMatchesThatChildsServices() {
    SessionRouter router = router("""
        <config>
          <start name="timer"> <provides> <service name="Timer"/> </provides> </start>
          <start name="fb"> <provides> <service name="Framebuffer"/> </provides> </start>
          <start name="app">
            <route>
              <any-service> <child name="timer"/> </any-service>
            </route>
          </start>
        </config>
        """);

    assertThat(router.route("app", request("Timer", ""))).isInstanceOfSatisfying(Route.ToChild.class,
        r -> assertThat(r.child()).isEqualTo("timer"));
    assertThat(router.route("app", request("Framebuffer", ""))).isEqualTo(new Route.Denied(
        "child \"app\" requests service \"Framebuffer\": no route to service \"Framebuffer\""));
  }

  @Test
  void item65_forwardedRequestsCarryTheChildPrefixedLabel() {
    SessionRouter router = router(TWO_TIMERS);

    Route labelled = router.route("app", request("LOG", "ram_quota=8K, label=\"debug\""));
    Route unlabelled = router.route("app", request("LOG", "ram_quota=8K"));

    assertThat(labelled).isInstanceOfSatisfying(Route.ToParent.class, r -> {
      assertThat(r.request().label()).hasToString("app -> debug");
      assertThat(r.request().resources().ramQuota().value()).isEqualTo(8192);
    });
    assertThat(unlabelled).isInstanceOfSatisfying(Route.ToParent.class,
        r -> assertThat(r.request().label()).hasToString("app"));
  }

  @Test
  void item66_romConfigOfAChildWithInlineConfigIsServedByInit() {
    SessionRouter router = router("""
        <config>
          <parent-provides> <service name="ROM"/> </parent-provides>
          <default-route> <any-service> <parent/> </any-service> </default-route>
          <start name="fb"> <config><mode width="800"/></config> </start>
        </config>
        """);

    assertThat(router.route("fb", request("ROM", "label=\"config\"")))
        .isEqualTo(new Route.InlineConfig("<config><mode width=\"800\"/></config>"));
    assertThat(router.route("fb", request("ROM", "filename=\"config\"")))
        .isEqualTo(new Route.InlineConfig("<config><mode width=\"800\"/></config>"));
    assertThat(router.route("fb", request("ROM", "label=\"font\""))).isInstanceOf(Route.ToParent.class);
  }

  @Test
  void romConfigOfAChildWithConfigfileAsksForThatRom() {
    SessionRouter router = router("""
        <config>
          <parent-provides> <service name="ROM"/> </parent-provides>
          <default-route> <any-service> <parent/> </any-service> </default-route>
          <start name="launchpad"> <configfile name="launchpad.config"/> </start>
        </config>
        """);

    Route route = router.route("launchpad", request("ROM", "ram_quota=4K, label=\"config\""));

    assertThat(route).isInstanceOfSatisfying(Route.ToParent.class,
        r -> assertThat(r.request().label()).hasToString("launchpad -> launchpad.config"));
    assertThat(router.route("launchpad", request("ROM", "filename=\"config\"")))
        .isInstanceOfSatisfying(Route.ToParent.class,
            r -> assertThat(r.request().args().stringValue("filename", "")).isEqualTo("launchpad.config"));
  }

  @Test
  void item67_ifArgRestrictsARuleToMatchingSessions() {
    SessionRouter router = router("""
        <config>
          <parent-provides> <service name="LOG"/> </parent-provides>
          <start name="logger"> <provides> <service name="LOG"/> </provides> </start>
          <start name="app">
            <route>
              <service name="LOG"> <if-arg key="label" value="app -> audit"/> <child name="logger"/> </service>
              <any-service> <parent/> </any-service>
            </route>
          </start>
        </config>
        """);

    assertThat(router.route("app", request("LOG", "label=\"audit\""))).isInstanceOf(Route.ToChild.class);
    assertThat(router.route("app", request("LOG", "label=\"debug\""))).isInstanceOf(Route.ToParent.class);
    assertThat(router.route("app", request("LOG", ""))).isInstanceOf(Route.ToParent.class);
  }

  @Test
  void item67_labelSelectorsSeeTheLabelBelowTheChildName() {
    SessionRouter router = router("""
        <config>
          <parent-provides> <service name="Input"/> </parent-provides>
          <start name="ps2"> <provides> <service name="Input"/> </provides> </start>
          <start name="usb"> <provides> <service name="Input"/> </provides> </start>
          <start name="nitpicker">
            <route>
              <service name="Input" label="keyboard"> <child name="ps2"/> </service>
              <service name="Input" label_prefix="usb"> <child name="usb"/> </service>
              <service name="Input" unscoped_label="nitpicker -> special"> <parent/> </service>
            </route>
          </start>
        </config>
        """);

    assertThat(router.route("nitpicker", request("Input", "label=\"keyboard\"")))
        .isInstanceOfSatisfying(Route.ToChild.class, r -> assertThat(r.child()).isEqualTo("ps2"));
    assertThat(router.route("nitpicker", request("Input", "label=\"usb -> 1\"")))
        .isInstanceOfSatisfying(Route.ToChild.class, r -> assertThat(r.child()).isEqualTo("usb"));
    assertThat(router.route("nitpicker", request("Input", "label=\"special\""))).isInstanceOf(Route.ToParent.class);
    assertThat(router.route("nitpicker", request("Input", "label=\"mouse\""))).isInstanceOf(Route.Denied.class);
  }

  @Test
  void cpuPriorityIsScaledIntoTheChildsBand() {
    SessionRouter router = router("""
        <config prio_levels="2">
          <parent-provides> <service name="CPU"/> <service name="LOG"/> </parent-provides>
          <default-route> <any-service> <parent/> </any-service> </default-route>
          <start name="high"/>
          <start name="low" priority="-1"/>
        </config>
        """);

    assertThat(priorityOf(router.route("high", request("CPU", "")))).isZero();
    assertThat(priorityOf(router.route("high", request("CPU", "priority=100")))).isEqualTo(50);
    assertThat(priorityOf(router.route("low", request("CPU", "")))).isEqualTo(32768);
    assertThat(priorityOf(router.route("low", request("CPU", "priority=100")))).isEqualTo(32768 + 50);
    assertThat(priorityOf(router.route("low", request("CPU", "priority=-7")))).isEqualTo(32768);
    assertThat(priorityOf(router.route("low", request("CPU", "priority=0x10000")))).isEqualTo(65535);
    assertThat(router.route("low", request("LOG", "priority=100"))).isInstanceOfSatisfying(Route.ToParent.class,
        r -> assertThat(r.request().args().longValue("priority", -1)).isEqualTo(100));
  }

  @Test
  void withOnePriorityLevelCpuRequestsPassUnchanged() {
    SessionRouter router = router("""
        <config>
          <parent-provides> <service name="CPU"/> </parent-provides>
          <default-route> <any-service> <parent/> </any-service> </default-route>
          <start name="app"/>
        </config>
        """);

    assertThat(priorityOf(router.route("app", request("CPU", "priority=100")))).isEqualTo(100);
  }

  private static long priorityOf(Route route) {
    assertThat(route).isInstanceOf(Route.ToParent.class);
    return ((Route.ToParent) route).request().args().longValue("priority", -1);
  }

  @Test
  void parentTargetNeedsTheServiceInParentProvides() {
    SessionRouter router = router("""
        <config>
          <parent-provides> <service name="LOG"/> </parent-provides>
          <start name="app"> <route> <service name="IRQ"> <parent/> </service> </route> </start>
        </config>
        """);

    assertThat(router.route("app", request("IRQ", ""))).isEqualTo(new Route.Denied(
        "child \"app\" requests service \"IRQ\": init's parent does not provide it (rule at line 3)"));
  }

  @Test
  void noRulesAtAllDeny() {
    SessionRouter router = router("<config><start name=\"app\"/></config>");

    assertThat(router.route("app", request("LOG", ""))).isEqualTo(
        new Route.Denied("child \"app\" requests service \"LOG\": no route to service \"LOG\""));
  }

  @Test
  void unknownRequesterIsRefused() {
    assertThatThrownBy(() -> router(TWO_TIMERS).route("ghost", request("LOG", "")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"ghost\"");
  }
}
