package org.caisse.notification.domain;

/** How a delivery reaches its recipient. Later channels (webhooks, e-mail and SMS tickets) add values here. */
public enum Channel {
    /** The sealed Sips automatic response, a form POST to the merchant's {@code automaticResponseUrl}. */
    AUTOMATIC_RESPONSE
}
