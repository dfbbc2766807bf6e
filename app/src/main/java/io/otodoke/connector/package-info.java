/**
 * Connectors (design/carriers.md): one package per source turns what the source sends — a carrier's
 * tracking page, an API answer, a webhook body, a CSV file — into unified tracking events. Polling,
 * webhook receipt and carrier health live here too; the events go to {@code tracking} for ingest.
 */
package io.otodoke.connector;
