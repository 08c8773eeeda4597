package org.caisse.notification.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.caisse.common.data.SipsData;
import org.caisse.common.sips.PaypageResponse;
import org.caisse.common.sips.SealedPaypageResponse;

/** Builds the form fields of a sealed Sips automatic response (SIPS.md §2a and §4). */
public final class AutomaticResponseMessage {

    public static final String DATA = "Data";
    public static final String SEAL = "Seal";
    public static final String INTERFACE_VERSION = "InterfaceVersion";
    public static final String ENCODE = "Encode";

    private AutomaticResponseMessage() {
    }

    /**
     * The form fields {@code Data}, {@code Seal}, {@code InterfaceVersion} and {@code Encode} (empty, or
     * {@code base64}), in that order, ready to send.
     *
     * @param secretKey the merchant secret key of {@code settings.keyVersion()}; used, never kept
     */
    public static Map<String, String> compose(Map<String, ?> snapshot, AutomaticResponseSettings settings,
            String secretKey) {
        SipsData data = PaypageResponse.dataFromSnapshot(withKeyVersion(snapshot, settings.keyVersion()));
        SealedPaypageResponse sealed = PaypageResponse.seal(data, settings.sealAlgorithm(), secretKey,
                settings.base64(), settings.interfaceVersion());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(DATA, sealed.data());
        fields.put(SEAL, sealed.seal());
        fields.put(INTERFACE_VERSION, sealed.interfaceVersion());
        fields.put(ENCODE, sealed.encode() == null ? "" : sealed.encode());
        return fields;
    }

    /** The response Data carries {@code keyVersion} (SIPS.md §2a); the snapshot keeps it under notification. */
    private static Map<String, ?> withKeyVersion(Map<String, ?> snapshot, int keyVersion) {
        if (snapshot.get("keyVersion") != null) {
            return snapshot;
        }
        Map<String, Object> copy = new LinkedHashMap<>(snapshot);
        copy.put("keyVersion", keyVersion);
        return copy;
    }
}
