package org.caisse.keymanagement.domain.custody;

import java.util.Objects;

/**
 * Who asks for a key operation, as the audit log records it: a name (the OIDC subject or e-mail of a person, a
 * service name), what kind of actor it is, and where the request came from (client IP address or calling service).
 */
public record Actor(String name, ActorRole role, String origin) {

    public Actor {
        name = requireText(name, "name", 200);
        Objects.requireNonNull(role, "role");
        origin = requireText(origin, "origin", 200);
    }

    public static Actor system(String component) {
        return new Actor(component, ActorRole.SYSTEM, "key-management-service");
    }

    /** Same person (or service), whatever the origin: dual control compares names only. */
    public boolean isSamePersonAs(Actor other) {
        return name.equalsIgnoreCase(other.name);
    }

    private static String requireText(String value, String field, int max) {
        Objects.requireNonNull(value, field);
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("actor " + field + " must not be blank");
        }
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }
}
