package org.caisse.keymanagement.domain.custody;

import java.util.Objects;
import java.util.function.Function;

/** The outcome of a domain rule: accepted with a value, or refused with a reason a person can read. */
public sealed interface Decision<T> {

    record Accepted<T>(T value) implements Decision<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(RefusalReason reason, String message) implements Decision<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    static <T> Decision<T> accept(T value) {
        return new Accepted<>(value);
    }

    static <T> Decision<T> refuse(RefusalReason reason, String message) {
        return new Refused<>(reason, message);
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    default <U> Decision<U> map(Function<T, U> mapper) {
        return switch (this) {
            case Accepted<T> accepted -> new Accepted<>(mapper.apply(accepted.value()));
            case Refused<T> refused -> new Refused<>(refused.reason(), refused.message());
        };
    }

    default <U> Decision<U> flatMap(Function<T, Decision<U>> mapper) {
        return switch (this) {
            case Accepted<T> accepted -> mapper.apply(accepted.value());
            case Refused<T> refused -> new Refused<>(refused.reason(), refused.message());
        };
    }
}
