package org.caisse.keymanagement.adapter.in.site;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.caisse.keymanagement.domain.KeyEnvironment;

/** An environment offered in the key request form. */
public record EnvironmentOption(String value, String labelKey) {

    public static List<EnvironmentOption> all() {
        return Arrays.stream(KeyEnvironment.values())
                .map(env -> new EnvironmentOption(env.name(), "env_" + env.name().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
