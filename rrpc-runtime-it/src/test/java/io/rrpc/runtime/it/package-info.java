/** The runtime's broker-level tests, run on real generated dispatchers and the testkit's brokers and hub. */
package io.rrpc.runtime.it;
