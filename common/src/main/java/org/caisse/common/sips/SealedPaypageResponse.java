package org.caisse.common.sips;

/**
 * The four form fields of a Paypage response (SIPS.md §2a): {@code Data}, {@code Seal}, {@code InterfaceVersion},
 * {@code Encode} (empty or {@code base64}).
 */
public record SealedPaypageResponse(String data, String seal, String interfaceVersion, String encode) {
}
