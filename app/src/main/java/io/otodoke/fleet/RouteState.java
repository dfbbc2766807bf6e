package io.otodoke.fleet;

/** A route is planned the day before, started when the van leaves the depot, finished when no stop is open. */
public enum RouteState {
    PLANNED,
    STARTED,
    FINISHED
}
