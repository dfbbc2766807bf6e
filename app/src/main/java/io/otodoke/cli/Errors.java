package io.otodoke.cli;

import io.otodoke.database.DataDirectoryInUseException;

/** A readable one-line reason for a failure, instead of a stack trace. */
final class Errors {

    private Errors() {
    }

    static String describe(Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof DataDirectoryInUseException) {
                return c.getMessage();
            }
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message;
    }
}
