package org.caisse.paymentpage.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Sips interface version, {@code <prefix>_<major>.<minor>} (SIPS.md §1). */
public record InterfaceVersion(String prefix, int major, int minor) {

    private static final Pattern SYNTAX = Pattern.compile("([A-Z]+(?:_[A-Z]+)*)_(\\d{1,3})\\.(\\d{1,3})");

    /** Parses a Paypage POST version: prefix {@code HP} and at least 2.0, else a format error on the field. */
    public static InterfaceVersion requirePaypagePost(String value, String fieldName) {
        return require(value, fieldName, "HP");
    }

    /** Parses a Paypage JSON version (SIPS.md §3): prefix {@code IR_WS} and at least 2.0, else a format error on the field. */
    public static InterfaceVersion requirePaypageJson(String value, String fieldName) {
        return require(value, fieldName, "IR_WS");
    }

    private static InterfaceVersion require(String value, String fieldName, String prefix) {
        if (value == null) {
            throw PaymentRequestRejected.formatError(fieldName);
        }
        Matcher m = SYNTAX.matcher(value.strip());
        if (!m.matches() || !m.group(1).equals(prefix)) {
            throw PaymentRequestRejected.formatError(fieldName);
        }
        InterfaceVersion version = new InterfaceVersion(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        if (version.major() < 2) {
            throw PaymentRequestRejected.formatError(fieldName);
        }
        return version;
    }

    public String wireValue() {
        return prefix + "_" + major + "." + minor;
    }
}
