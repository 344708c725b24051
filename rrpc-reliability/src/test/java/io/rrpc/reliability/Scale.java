package io.rrpc.reliability;

/**
 * How big the scenarios are: the default run (part of every {@code mvn verify}) or the long one
 * ({@code -Plong}, which sets {@code -Drrpc.reliability.profile=long}).
 */
final class Scale {
  static final String PROFILE = System.getProperty("rrpc.reliability.profile", "default");
  static final boolean LONG = "long".equals(PROFILE);

  private Scale() {}

  /** {@code normal} in the default run, {@code long_} under {@code -Plong}. */
  static int of(int normal, int long_) {
    return LONG ? long_ : normal;
  }
}
