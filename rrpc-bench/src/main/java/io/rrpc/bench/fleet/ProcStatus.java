package io.rrpc.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;

/** Lines of Linux's {@code /proc/<pid>/status}: resident set, OS threads. Every value is -1 elsewhere. */
final class ProcStatus {
  private final List<String> lines;

  private ProcStatus(List<String> lines) {
    this.lines = lines;
  }

  static ProcStatus self() {
    return of(ProcessHandle.current().pid());
  }

  static ProcStatus of(long pid) {
    try {
      return new ProcStatus(Files.readAllLines(Paths.get("/proc/" + pid + "/status")));
    } catch (IOException | RuntimeException e) {
      return new ProcStatus(Collections.emptyList());
    }
  }

  /** A {@code kB} field such as {@code VmRSS}. */
  long kib(String field) {
    return number(field);
  }

  /** A plain number field such as {@code Threads}. */
  long number(String field) {
    for (String line : lines) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
