package org.caisse.paymentpage.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.caisse.common.data.SipsData;
import org.caisse.common.data.SipsDataFormatException;

/**
 * The envelope rules of a Paypage JSON request (SIPS.md §3): the fields that are not payment data
 * ({@code interfaceVersion}, {@code seal}, {@code sealAlgorithm}), and the payment data flattened to the
 * same {@code key → value} form as a Paypage POST {@code Data}, so that {@link PaypageRequestRules} checks
 * both entry points alike.
 */
public final class PaypageJsonRules {

    public static final String FIELD_INTERFACE_VERSION = "interfaceVersion";
    public static final String FIELD_SEAL = "seal";
    public static final String FIELD_SEAL_ALGORITHM = "sealAlgorithm";
    public static final String HMAC_SHA_256 = "HMAC-SHA-256";
    private static final Set<String> ENVELOPE = Set.of(FIELD_INTERFACE_VERSION, FIELD_SEAL, FIELD_SEAL_ALGORITHM);

    private PaypageJsonRules() {
    }

    /** {@code interfaceVersion}: a string {@code IR_WS_<major>.<minor>}, at least 2.0 → else 30. */
    public static InterfaceVersion interfaceVersion(Map<String, Object> body) {
        Object value = body.get(FIELD_INTERFACE_VERSION);
        return InterfaceVersion.requirePaypageJson(value instanceof String text ? text : null, FIELD_INTERFACE_VERSION);
    }

    /** A JSON request is sealed with HMAC-SHA-256 only (SIPS.md §4): absent or that name, else 30. */
    public static void requireHmacSealAlgorithm(Map<String, Object> body) {
        Object value = body.get(FIELD_SEAL_ALGORITHM);
        if (value != null && !(value instanceof String text && text.strip().equals(HMAC_SHA_256))) {
            throw PaymentRequestRejected.formatError(FIELD_SEAL_ALGORITHM);
        }
    }

    /** The seal as sent, or {@code null} when absent or not a string (then the seal check fails: 34). */
    public static String seal(Map<String, Object> body) {
        return body.get(FIELD_SEAL) instanceof String text ? text : null;
    }

    /**
     * The payment data: every field but the envelope, nested objects flattened with dots, arrays
     * comma-separated, numbers as their decimal text. A value holding {@code |}, an array element holding
     * {@code ,} or an array of objects cannot be represented → 30 naming the field.
     */
    public static SipsData data(Map<String, Object> body) {
        Map<String, Object> payment = new LinkedHashMap<>(body);
        payment.keySet().removeAll(ENVELOPE);
        try {
            return SipsData.fromNested(payment);
        } catch (SipsDataFormatException e) {
            throw PaymentRequestRejected.formatError(e.fieldName() == null ? PaypageRequestRules.FIELD_DATA : e.fieldName());
        } catch (RuntimeException e) {
            throw PaymentRequestRejected.formatError(PaypageRequestRules.FIELD_DATA);
        }
    }
}
