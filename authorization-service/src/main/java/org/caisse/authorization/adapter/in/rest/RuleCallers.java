package org.caisse.authorization.adapter.in.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the merchant rules resource: reads are open to {@code caisse.internal.allowed-callers} and
 * {@code caisse.internal.rule-writers}, changes to the rule writers only.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RuleCallers {
}
