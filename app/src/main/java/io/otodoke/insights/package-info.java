/**
 * Sustainability figures for the shop (issue 8 part 6, docs/insights.md): the first-attempt
 * delivery rate, redeliveries avoided by changes made before the first attempt, and the CO2 that
 * saved, estimated with a configurable factor whose public source the docs cite.
 */
package io.otodoke.insights;
