package io.rrpc.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrpc.testkit.EmbeddedBroker;
import io.rrpc.testkit.HubSimulator;
import io.rrpc.testkit.LocalBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension as {@code @ExtendWith}: one broker and simulator per class, injected everywhere. */
@ExtendWith(RrpcHubExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RrpcHubExtensionTest {
  private HubSimulator hubOfTheClass;
  private EmbeddedBroker brokerOfTheClass;

  @BeforeAll
  void keep(HubSimulator hub, EmbeddedBroker broker) {
    hubOfTheClass = hub;
    brokerOfTheClass = broker;
  }

  @Test
  void injectsTheSameInstancesIntoEveryTest(HubSimulator hub, EmbeddedBroker broker, LocalBroker local) {
    assertSame(hubOfTheClass, hub);
    assertSame(brokerOfTheClass, broker);
    assertSame(broker, local);
  }

  @Test
  void theDefaultIsAConnectedHubOnACredentialCheckingBroker(HubSimulator hub, EmbeddedBroker broker) {
    assertTrue(hub.isConnected());
    assertTrue(broker.checksCredentials());
    assertTrue(hub.uri().equals(broker.uri()));
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheOuterClassesHub(HubSimulator hub) {
      assertSame(hubOfTheClass, hub);
    }
  }
}
