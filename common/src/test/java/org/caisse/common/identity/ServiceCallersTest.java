package org.caisse.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceCallersTest {

    private static String token(String headerJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void callerIsProvenWhenTheSigningKeyNamesTheSameServiceAsTheSubject() {
        String jwt = token("{\"alg\":\"RS256\",\"kid\":\"payment-page-service\"}");

        assertThat(ServiceCallers.verifiedCaller(jwt, "payment-page-service")).contains("payment-page-service");
        assertThat(ServiceCallers.isAllowed(jwt, "payment-page-service", Set.of("payment-page-service"))).isTrue();
    }

    @Test
    void aServiceClaimingAnotherServicesNameIsNotACaller() {
        String jwt = token("{\"alg\":\"RS256\",\"kid\":\"batch-service\"}");

        assertThat(ServiceCallers.verifiedCaller(jwt, "payment-page-service")).isEmpty();
        assertThat(ServiceCallers.isAllowed(jwt, "payment-page-service", Set.of("payment-page-service"))).isFalse();
    }

    @Test
    void aProvenCallerOutsideTheAllowListIsRefused() {
        String jwt = token("{\"alg\":\"RS256\",\"kid\":\"batch-service\"}");

        assertThat(ServiceCallers.isAllowed(jwt, "batch-service", Set.of("payment-page-service"))).isFalse();
    }

    @Test
    void malformedTokensAndMissingKidProveNothing() {
        assertThat(ServiceCallers.verifiedCaller(null, "x")).isEmpty();
        assertThat(ServiceCallers.verifiedCaller("garbage", "x")).isEmpty();
        assertThat(ServiceCallers.verifiedCaller("!!!.e30.sig", "x")).isEmpty();
        assertThat(ServiceCallers.verifiedCaller(token("{\"alg\":\"RS256\"}"), "x")).isEmpty();
        assertThat(ServiceCallers.verifiedCaller(token("{\"kid\":\"x\"}"), " ")).isEmpty();
    }
}
