package org.caisse.authorization.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the internal API as problem JSON; unexpected errors without internals. Messages of the JSON parser
 * are never returned because they may quote the offending value (a card number).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }

    /** More specific than {@link JsonMappingException}, so that it wins over the built-in mapper of Quarkus. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException) {
                return malformedJson((JsonParseException) cause);
            }
        }
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return Problems.invalidField("body", "body: not a valid JSON object");
        }
        return Problems.invalidField(field, field + ": wrong type or format");
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return Problems.invalidField("body", "body: not valid JSON");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response r = e.getResponse();
        int status = r == null ? 500 : r.getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? unreadableJson(mapping) : malformedJson(json);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problems.of(status, known == null ? "Error" : known.getReasonPhrase(), null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // our own exceptions never carry card data, so the trace is safe to log
        LOG.error("unexpected error", e);
        return Problems.of(500, "Internal Server Error", "an unexpected error occurred", null);
    }
}
