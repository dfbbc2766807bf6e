/**
 * The local carrier simulator: carrier pages in their current layouts for invented parcels. Used
 * by the demo, the poller tests and the parse benchmark, so that none of them needs the internet.
 */
@org.springframework.modulith.NamedInterface("simulator")
package io.otodoke.connector.simulator;
