package org.caisse.authorization.application;

import java.time.Duration;
import java.time.LocalTime;

/**
 * How the remittance runs.
 *
 * @param cutOff                    local time (in the engine's zone) after which the day's run starts
 * @param batchSize                 transactions locked per database transaction
 * @param authorizationValidityDays days an authorization holds at the acquirer
 * @param captureValidityDays       days after authorization beyond which a payment expires instead of being captured
 * @param lease                     how long a replica holds the day's run before another may take it over
 */
public record RemittanceSettings(LocalTime cutOff, int batchSize, int authorizationValidityDays,
                                 int captureValidityDays, Duration lease) {
}
