package org.overlaysim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.overlaysim.scenario.TimedEvent.Action;
import org.overlaysim.scenario.TimedEvent.LinkChange;
import org.overlaysim.scenario.TimedEvent.Target;

/** The {@code events:} list and {@code underlay.convergence}. */
class EventsKeysTest {
  private static final long MS = 1_000_000L;

  private static String withEvents(String... entries) {
    return Yaml.minimal() + "events:\n" + String.join("", entries);
  }

  /** The line of the n-th (0-based) entry appended after {@code events:}. */
  private static int entryLine(int n) {
    return Yaml.minimal().split("\n").length + 2 + n;
  }

  @Test
  void eventsLoadInTimeOrderWithTheirTargetsActionsAndChanges() throws Exception {
    Scenario s =
        Yaml.scenario(
            withEvents(
                "  - {at: 6s, link: r1--r2, action: up}\n",
                "  - {at: 2s, link: r1--r2, action: down}\n",
                "  - {at: 3s, link: r1--r2, action: set, delay: 40ms, loss: 1%}\n",
                "  - {at: 4s, router: r2, action: down}\n",
                "  - {at: 5s, host: h1, action: down}\n",
                "  - {at: 7s, host: h1, action: up}\n"));
    assertThat(s.events())
        .extracting(TimedEvent::atNs)
        .containsExactly(2000 * MS, 3000 * MS, 4000 * MS, 5000 * MS, 6000 * MS, 7000 * MS);
    assertThat(s.events().get(0))
        .isEqualTo(new TimedEvent(2000 * MS, Target.LINK, "r1--r2", Action.DOWN, LinkChange.NONE));
    assertThat(s.events().get(1).change()).isEqualTo(new LinkChange(-1, 40 * MS, 0.01));
    assertThat(s.events().get(2).target()).isEqualTo(Target.ROUTER);
    assertThat(s.events().get(3).describe()).isEqualTo("host h1 down");
    assertThat(s.underlay().convergenceNs()).isEqualTo(Underlay.DEFAULT_CONVERGENCE_NS);
  }

  @Test
  void aScenarioWithoutEventsHasNone() throws Exception {
    assertThat(Yaml.scenario(Yaml.minimal()).events()).isEmpty();
  }

  @Test
  void convergenceIsADurationOfTheUnderlay() throws Exception {
    String text = Yaml.minimal().replace("  routers:\n", "  convergence: 1s\n  routers:\n");
    assertThat(Yaml.scenario(text).underlay().convergenceNs()).isEqualTo(1000 * MS);
    assertThat(
            Yaml.load(Yaml.minimal(), "underlay.convergence=40s").base().underlay().convergenceNs())
        .isEqualTo(40_000 * MS);
  }

  @Test
  void anUnknownTargetIsReportedAtItsKeyWithADidYouMean() {
    assertThat(Yaml.problems(withEvents("  - {at: 2s, link: r1--r3, action: down}\n")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("events[0].link");
              assertThat(p.message()).contains("unknown link 'r1--r3'").contains("r1--r2");
              assertThat(p.line()).isEqualTo(entryLine(0));
            });
    assertThat(Yaml.problems(withEvents("  - {at: 2s, host: h9, action: down}\n")))
        .singleElement()
        .extracting(Problem::path)
        .isEqualTo("events[0].host");
  }

  @Test
  void anEventAtOrAfterTheEndOfTheRunIsRefused() {
    assertThat(Yaml.problems(withEvents("  - {at: 10s, link: r1--r2, action: down}\n")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("events[0].at");
              assertThat(p.message()).contains("is not before the end of the run (duration 10s)");
            });
  }

  @Test
  void anUpWithoutAnEarlierDownAndASecondDownAreRefused() {
    assertThat(
            Yaml.problems(
                withEvents(
                    "  - {at: 2s, link: r1--r2, action: down}\n",
                    "  - {at: 1s, link: r1--r2, action: up}\n")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("events[1]");
              assertThat(p.line()).isEqualTo(entryLine(1));
              assertThat(p.message()).contains("comes up at 1s but no earlier event takes it down");
            });
    assertThat(
            Yaml.problems(
                withEvents(
                    "  - {at: 2s, router: r1, action: down}\n",
                    "  - {at: 3s, router: r1, action: down}\n")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("is already down since 2s (events[0])"));
  }

  @Test
  void setIsALinksActionAndNeedsSomethingToSet() {
    assertThat(Yaml.problems(withEvents("  - {at: 2s, link: r1--r2, action: set}\n")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("needs at least one of bandwidth"));
    assertThat(Yaml.problems(withEvents("  - {at: 2s, router: r1, action: set, delay: 1ms}\n")))
        .extracting(Problem::path)
        .containsExactlyInAnyOrder("events[0].action", "events[0].delay");
    assertThat(Yaml.problems(withEvents("  - {at: 2s, link: r1--r2, action: down, loss: 1%}\n")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("goes with action set of a link only"));
  }

  @Test
  void anEventNamesExactlyOneTarget() {
    assertThat(Yaml.problems(withEvents("  - {at: 2s, link: r1--r2, router: r1, action: down}\n")))
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("names exactly one of link, router, host"));
  }

  @Test
  void setAndSweepsReachAnEventsTime() throws Exception {
    String text = withEvents("  - {at: 2s, link: r1--r2, action: down}\n");
    assertThat(Yaml.scenario(text).events().get(0).atNs()).isEqualTo(2000 * MS);
    assertThat(Yaml.load(text, "events[0].at=3s").base().events().get(0).atNs())
        .isEqualTo(3000 * MS);
    List<Run> runs = Yaml.load(text + "sweep:\n  events[0].at: [1s, 4s]\n").runs();
    assertThat(runs)
        .extracting(r -> r.scenario().events().get(0).atNs())
        .containsExactly(1000 * MS, 4000 * MS);
  }

  private static final String POLICIES =
      """
      policies:
        - apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: deny, namespace: default}
          spec: {podSelector: {}, policyTypes: [Ingress]}
      """;

  @Test
  void aPolicyIsAddedAndRemovedByNameAndNotInForceBeforeItsFirstAdd() throws Exception {
    Scenario s =
        Yaml.scenario(
            Yaml.minimal()
                + POLICIES
                + "events:\n"
                + "  - {at: 2s, policy: deny, action: add}\n"
                + "  - {at: 4s, policy: default/deny, action: remove}\n");
    assertThat(s.events()).extracting(TimedEvent::name).containsOnly("default/deny");
    assertThat(s.policiesAfter(0)).isEmpty();
    assertThat(s.policiesAfter(1)).extracting(NetworkPolicy::name).containsExactly("deny");
    assertThat(s.policiesAfter(2)).isEmpty();
  }

  @Test
  void aPolicyEventNamesAKnownPolicyAndAddsOrRemovesIt() {
    String text = Yaml.minimal() + POLICIES + "events:\n";
    assertThat(Yaml.problems(text + "  - {at: 2s, policy: dney, action: add}\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("events[0].policy");
              assertThat(p.message()).contains("unknown policy 'dney'").contains("'deny'");
            });
    assertThat(Yaml.problems(text + "  - {at: 2s, policy: deny, action: down}\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("is not one of add, remove"));
    assertThat(
            Yaml.problems(
                text
                    + "  - {at: 2s, policy: deny, action: remove}\n"
                    + "  - {at: 3s, policy: deny, action: remove}\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("is already removed since 2s"));
  }
}
