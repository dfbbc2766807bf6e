/**
 * Polling the sources: the poller, its cadence, and what each source's request looks like.
 * Exposed to the demo, which points the pollers at its carrier simulator.
 */
@org.springframework.modulith.NamedInterface("poll")
package io.otodoke.connector.poll;
