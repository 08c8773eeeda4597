package org.caisse.notification.adapter.in.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error becomes an RFC 9457 problem without internals. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return Problem.response(400, "Invalid request", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.warnf("Request failed with %d: %s", status, e.getClass().getSimpleName());
            return Problem.response(status, "Server error", "The request could not be completed", null);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        return Problem.response(status, type.getReasonPhrase(), null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.errorf("Unexpected error: %s", e.getClass().getName());
        return Problem.response(500, "Server error", "The request could not be completed", null);
    }
}
