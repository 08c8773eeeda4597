package org.caisse.keymanagement.domain;

/**
 * The lifecycle of a merchant secret key version.
 *
 * <ul>
 *   <li>{@code REQUESTED}: generated, waiting for the merchant to download it and activate it; verifies nothing.</li>
 *   <li>{@code ACTIVE}: the version merchants seal with; verifies seals.</li>
 *   <li>{@code DEPRECATED}: superseded by a newer version; keeps verifying until its {@code notAfter}.</li>
 *   <li>{@code DEACTIVATED}: refused for verification; its material is kept (it can be audited).</li>
 *   <li>{@code DESTROYED}: refused for verification; its material is gone for good.</li>
 * </ul>
 */
public enum KeyStatus {
    REQUESTED,
    ACTIVE,
    DEPRECATED,
    DEACTIVATED,
    DESTROYED
}
