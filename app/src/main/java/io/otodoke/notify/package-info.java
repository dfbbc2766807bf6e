/**
 * Notifications (docs/notifications.md): subscriptions to the milestones of a shipment, an order
 * or all of a user's orders; events of tracking and fleet turned into an outbox of messages
 * ({@link io.otodoke.notify.MilestoneListener}); a dispatcher that sends them through a
 * {@link io.otodoke.notify.Channel} at most once per subscription, shipment, milestone and attempt.
 * Nothing depends on this module: it only listens.
 */
package io.otodoke.notify;
