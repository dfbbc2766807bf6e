package io.otodoke.safety;

/**
 * One finding: a stable code, its severity, and the evidence as text (a host is always defanged,
 * e.g. {@code hxxps://example[.]com}, so that no reader or log viewer turns it into a link).
 */
public record Reason(Signal code, Severity severity, String evidence) {
}
