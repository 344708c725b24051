package io.rrpc.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.TreeMap;

/** Live threads and heap, for leak checks with generous bounds (behaviour, not timing). */
final class Resources {
  private Resources() {}

  static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** Live threads by name with digits stripped, e.g. {@code "MQTT Rec: RELIAB0001dev" -> 2}: for messages. */
  static Map<String, Integer> threadCensus() {
    Map<String, Integer> census = new TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      census.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
    }
    return census;
  }

  /** Heap in use after asking for a full collection, in MiB. */
  static long heapAfterGcMiB() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed() >> 20;
  }
}
