package io.github.genova.genode.os.launchpad;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.session.SessionArgs;
import org.junit.jupiter.api.Test;

class SiblingServicesTest {
  /** A service that is never asked for a session: routing only picks it. */
  private record Named(String name, String by) implements Service {
    @Override
    public QuotaAccounts accounts() {
      return QuotaAccounts.of(by, RamQuota.NONE, CapQuota.NONE);
    }

    @Override
    public Capability<Object> session(SessionArgs args) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void upgrade(Capability<Object> session, SessionArgs args) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close(Capability<Object> session) {
      throw new UnsupportedOperationException();
    }
  }

  private static final Service PARENT_LOG = new Named("LOG", "parent");

  @Test
  void aServiceASiblingAnnouncedWinsOverTheParent() {
    SiblingServices siblings = new SiblingServices();
    Named nitlog = new Named("LOG", "nitlog");
    siblings.announce("nitlog", nitlog);
    assertThat(siblings.route("LOG", "testnit", () -> PARENT_LOG)).isSameAs(nitlog);
  }

  @Test
  void withoutASiblingOfferingItTheRequestGoesToTheParent() {
    SiblingServices siblings = new SiblingServices();
    siblings.announce("nitlog", new Named("LOG", "nitlog"));
    assertThat(siblings.route("Nitpicker", "testnit", () -> new Named("Nitpicker", "parent")).toString())
        .contains("parent");
    assertThat(siblings.route("LOG", "nitlog", () -> PARENT_LOG)).as("never to the requester itself")
        .isSameAs(PARENT_LOG);
  }

  @Test
  void theFirstAnnouncingSiblingWinsAndAKilledOnesServicesAreWithdrawn() {
    SiblingServices siblings = new SiblingServices();
    Named first = new Named("LOG", "nitlog");
    Named second = new Named("LOG", "nitlog.2");
    siblings.announce("nitlog", first);
    siblings.announce("nitlog.2", second);
    assertThat(siblings.route("LOG", "testnit", () -> PARENT_LOG)).isSameAs(first);
    assertThat(siblings.route("LOG", "nitlog", () -> PARENT_LOG)).isSameAs(second);
    siblings.withdraw("nitlog");
    assertThat(siblings.route("LOG", "testnit", () -> PARENT_LOG)).isSameAs(second);
    siblings.withdraw("nitlog.2");
    assertThat(siblings.route("LOG", "testnit", () -> PARENT_LOG)).isSameAs(PARENT_LOG);
  }
}
