package org.caisse.keymanagement.adapter.in.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.caisse.keymanagement.domain.InvalidKeyIdentifierException;
import org.caisse.keymanagement.domain.KeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.cse.CseKeyMaterialIntegrityException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the REST layer as RFC 9457 problem JSON, without internals. */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response invalidIdentifier(InvalidKeyIdentifierException e) {
        return Problems.problem(400, "invalid-request", "Invalid request", e.getMessage())
                .with("field", e.fieldName())
                .build();
    }

    @ServerExceptionMapper
    public Response integrityFailure(KeyMaterialIntegrityException e) {
        // The message names the merchant and version only; there is no material in it.
        LOG.error(e.getMessage());
        return Problems.problem(500, "key-material-integrity", "Key material integrity failure",
                        "The stored material of this key version failed its integrity check; no key is served")
                .with("merchantId", e.keyId().merchantId().value())
                .with("keyVersion", e.keyId().keyVersion().value())
                .build();
    }

    @ServerExceptionMapper
    public Response cseIntegrityFailure(CseKeyMaterialIntegrityException e) {
        // The message names the merchant and kid only; there is no material in it.
        LOG.error(e.getMessage());
        return Problems.problem(500, "key-material-integrity", "Key material integrity failure",
                        "The stored material of this CSE key failed its integrity check; no key is served")
                .with("merchantId", e.keyId().merchantId().value())
                .with("kid", e.keyId().kid())
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return Problems.problem(status, "http-" + status, title, title).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected error while serving a request", e);
        return Problems.problem(500, "internal-error", "Internal error",
                "The request could not be completed").build();
    }
}
