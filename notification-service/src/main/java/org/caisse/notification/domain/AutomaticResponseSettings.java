package org.caisse.notification.domain;

import java.util.Map;
import java.util.Optional;
import org.caisse.common.seal.SealAlgorithm;

/**
 * What the automatic response of one transaction needs, read from the snapshot's {@code notification} object
 * (docs/platform-contracts.md).
 *
 * @param url the merchant's {@code automaticResponseUrl}
 * @param keyVersion the merchant key version that seals the response
 * @param sealAlgorithm the seal algorithm of the merchant's request ({@code SHA-256} when absent, SIPS.md §2)
 * @param base64 true when the merchant asked for {@code responseEncoding=base64}
 * @param interfaceVersion the {@code InterfaceVersion} field of the response
 */
public record AutomaticResponseSettings(String url, int keyVersion, SealAlgorithm sealAlgorithm, boolean base64,
        String interfaceVersion) {

    /** Used when the snapshot does not name an interface version. */
    public static final String DEFAULT_INTERFACE_VERSION = "HP_2.24";

    /** What a snapshot asks for. */
    public sealed interface Request {
    }

    /** No automatic response wanted (no {@code notification.automaticResponseUrl}). */
    public record NotWanted() implements Request {
    }

    /** An automatic response is wanted and everything needed is there. */
    public record Wanted(AutomaticResponseSettings settings) implements Request {
    }

    /** An automatic response is wanted but cannot be built; {@code reason} says why (no secret in it). */
    public record Unbuildable(String url, String reason) implements Request {
    }

    /** Reads the {@code notification} object of a transaction snapshot. */
    public static Request fromSnapshot(Map<String, ?> snapshot) {
        if (!(snapshot.get("notification") instanceof Map<?, ?> notification)) {
            return new NotWanted();
        }
        String url = text(notification.get("automaticResponseUrl"));
        if (url == null) {
            return new NotWanted();
        }
        Optional<String> refusal = AutomaticResponseEndpoint.refusal(url);
        if (refusal.isPresent()) {
            return new Unbuildable(url, refusal.get());
        }
        Optional<Integer> keyVersion = positiveInt(notification.get("keyVersion"));
        if (keyVersion.isEmpty()) {
            return new Unbuildable(url, "notification.keyVersion is missing or not a positive integer");
        }
        String algorithmName = text(notification.get("sealAlgorithm"));
        Optional<SealAlgorithm> algorithm = algorithmName == null
                ? Optional.of(SealAlgorithm.SHA_256)
                : SealAlgorithm.fromWireName(algorithmName);
        if (algorithm.isEmpty()) {
            return new Unbuildable(url, "notification.sealAlgorithm is not a known algorithm");
        }
        boolean base64 = "base64".equalsIgnoreCase(text(notification.get("responseEncoding")));
        String interfaceVersion = text(notification.get("interfaceVersion"));
        return new Wanted(new AutomaticResponseSettings(url, keyVersion.get(), algorithm.get(), base64,
                interfaceVersion == null ? DEFAULT_INTERFACE_VERSION : interfaceVersion));
    }

    private static Optional<Integer> positiveInt(Object value) {
        try {
            int parsed = switch (value) {
                case Integer i -> i;
                case Long l -> Math.toIntExact(l);
                case Number n when n.doubleValue() == Math.rint(n.doubleValue()) -> Math.toIntExact(n.longValue());
                case String s -> Integer.parseInt(s.trim());
                case null, default -> -1;
            };
            return parsed > 0 ? Optional.of(parsed) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
