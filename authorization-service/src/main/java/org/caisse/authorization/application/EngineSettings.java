package org.caisse.authorization.application;

import java.time.ZoneId;

/** The settings the use cases need, provided by the configuration adapter. */
public interface EngineSettings {

    /** Zone in which dates are shown and capture limit dates computed (Europe/Paris by default). */
    ZoneId zone();

    /** Topic of the transaction events. */
    String transactionsTopic();

    /** Topic of the answers to operation commands. */
    String operationResultsTopic();

    /** CloudEvents source of this service's events. */
    String eventSource();
}
