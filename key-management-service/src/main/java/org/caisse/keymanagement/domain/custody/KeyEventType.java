package org.caisse.keymanagement.domain.custody;

/** The key events on {@code caisse.keys.v1} (CloudEvents {@code type}). */
public enum KeyEventType {
    REQUESTED("org.caisse.key.requested.v1"),
    ACTIVATED("org.caisse.key.activated.v1"),
    DEPRECATED("org.caisse.key.deprecated.v1"),
    DEACTIVATED("org.caisse.key.deactivated.v1"),
    DESTROYED("org.caisse.key.destroyed.v1"),
    CSE_ROTATED("org.caisse.key.cse-rotated.v1"),
    DEPRECATED_KEY_IN_USE("org.caisse.key.deprecated-key-in-use.v1");

    private final String cloudEventType;

    KeyEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }
}
