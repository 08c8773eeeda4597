package org.caisse.officeserver.adapter.in.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns any unexpected error into a problem JSON without internals (the details go to the log only). */
public class UnexpectedErrorMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @ServerExceptionMapper
    public Response map(WebApplicationException failure) {
        Response original = failure.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("request failed", failure);
        }
        return Problem.of(status, original.getStatusInfo().getReasonPhrase(), null);
    }

    @ServerExceptionMapper
    public Response map(RuntimeException failure) {
        LOG.error("unexpected error", failure);
        return Problem.of(500, "Internal Server Error", "the request could not be processed");
    }
}
