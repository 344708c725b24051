/**
 * For generated code; not API. The classes here are public only because generated dispatchers, which
 * live in the application's packages, call them. They may change in any release together with the
 * processor that writes those calls; applications and handlers should not use them.
 */
package io.rrpc.runtime.internal;
