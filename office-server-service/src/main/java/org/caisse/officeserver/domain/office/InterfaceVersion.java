package org.caisse.officeserver.domain.office;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Sips {@code interfaceVersion}: prefix (for example {@code CR_WS_}) followed by {@code major.minor}.
 * Any version of a known prefix from 2.0 up is accepted; newer minor versions only add optional fields.
 */
public record InterfaceVersion(String prefix, int major, int minor) {

    private static final Pattern VERSION = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})");

    /**
     * Parses {@code value} and checks it has the expected prefix and a version of at least 2.0.
     *
     * @throws FieldFormatException (field {@code interfaceVersion}) otherwise
     */
    public static InterfaceVersion parse(Object value, String expectedPrefix) {
        if (!(value instanceof String text) || !text.startsWith(expectedPrefix)) {
            throw new FieldFormatException("interfaceVersion");
        }
        Matcher matcher = VERSION.matcher(text.substring(expectedPrefix.length()));
        if (!matcher.matches()) {
            throw new FieldFormatException("interfaceVersion");
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major < 2) {
            throw new FieldFormatException("interfaceVersion");
        }
        return new InterfaceVersion(expectedPrefix, major, minor);
    }

    public String wireValue() {
        return prefix + major + "." + minor;
    }
}
