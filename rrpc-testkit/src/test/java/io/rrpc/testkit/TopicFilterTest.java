package io.rrpc.testkit;

import static io.rrpc.testkit.TopicFilter.matches;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicFilterTest {
  @Test
  void theDeviceRequestFilterMatchesItsOwnRequestsOnly() {
    assertTrue(matches("$rrpc/rxd/P/d/+", "$rrpc/rxd/P/d/1234567890123"));
    assertFalse(matches("$rrpc/rxd/P/d/+", "$rrpc/rxd/P/other/1"));
    assertFalse(matches("$rrpc/rxd/P/d/+", "$rrpc/rxd/P/d"));
    assertFalse(matches("$rrpc/rxd/P/d/+", "$rrpc/rxd/P/d/1/2"));
  }

  @Test
  void multiLevelWildcardMatchesTheParentToo() {
    assertTrue(matches("$rrpc/rxd/P/#", "$rrpc/rxd/P/d/1"));
    assertTrue(matches("$rrpc/rxd/P/#", "$rrpc/rxd/P"));
    assertFalse(matches("$rrpc/rxd/P/#", "$rrpc/txd/P/d/1"));
  }

  @Test
  void leadingWildcardsDoNotMatchDollarTopics() {
    assertFalse(matches("#", "$rrpc/rxd/P/d/1"));
    assertFalse(matches("+/rxd/P/d/+", "$rrpc/rxd/P/d/1"));
    assertTrue(matches("#", "plain/topic"));
  }
}
