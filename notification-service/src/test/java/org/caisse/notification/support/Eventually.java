package org.caisse.notification.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for asynchronous outcomes (Kafka consumption, scheduled deliveries). */
public final class Eventually {

    private Eventually() {
    }

    /** Polls until {@code condition} holds, or fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what);
            }
        }
    }
}
