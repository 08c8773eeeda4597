package org.caisse.paymentpage.adapter.in.web;

import java.security.SecureRandom;
import java.util.Base64;

/** A fresh CSP nonce per page that runs a script: 16 random bytes, base64. */
final class ScriptNonces {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ScriptNonces() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
