package org.caisse.authorization.application;

import java.time.Duration;

/** How long the engine waits for the acquirer's answer before refusing the payment as issuer unreachable (90). */
public record AcquirerSettings(Duration timeout) {
}
