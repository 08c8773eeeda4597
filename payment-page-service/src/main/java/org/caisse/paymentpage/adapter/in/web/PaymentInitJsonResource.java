package org.caisse.paymentpage.adapter.in.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caisse.common.sips.ResponseCode;
import org.caisse.paymentpage.application.JsonInitAnswer;
import org.caisse.paymentpage.application.JsonPaymentInitService;
import org.jboss.logging.Logger;

/**
 * Paypage JSON init (SIPS.md §3): the merchant's server posts a sealed JSON object and gets the
 * {@code redirectionUrl} and {@code redirectionData} to send its shopper to. The body is read whatever its
 * content type, since the answer is JSON in every case.
 */
@Path("/rs-services/v2")
public class PaymentInitJsonResource {

    private static final Logger LOG = Logger.getLogger(PaymentInitJsonResource.class);
    /** Exactly one object, no duplicate key (the sealed content would be ambiguous), decimals as written. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonPaymentInitService service;

    public PaymentInitJsonResource(JsonPaymentInitService service) {
        this.service = service;
    }

    /** SIPS.md §1: the trailing {@code /} is tolerated (RESTEasy Reactive matches {@code paymentInit/} here too). */
    @POST
    @Path("paymentInit")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> paymentInit(byte[] body) {
        Optional<Map<String, Object>> json = parseObject(body);
        if (json.isEmpty()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("redirectionStatusCode", ResponseCode.FORMAT_ERROR.code());
            answer.put("redirectionStatusMessage", ResponseCode.FORMAT_ERROR.meaning());
            answer.put("responseCode", ResponseCode.FORMAT_ERROR.code());
            return Uni.createFrom().item(Response.status(400).type(MediaType.APPLICATION_JSON).entity(answer).build());
        }
        return service.init(json.get())
                .map(PaymentInitJsonResource::toResponse)
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Paypage JSON init failed: %s", e.getClass().getSimpleName());
                    return Response.ok(Map.of("redirectionStatusCode", ResponseCode.TEMPORARY_PROBLEM.code(),
                            "responseCode", ResponseCode.TEMPORARY_PROBLEM.code()), MediaType.APPLICATION_JSON).build();
                });
    }

    private static Response toResponse(JsonInitAnswer answer) {
        int status = ResponseCode.SERVICE_UNAVAILABLE.code().equals(answer.code()) ? 503 : 200;
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }

    private static Optional<Map<String, Object>> parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            if (!(STRICT.readValue(body, Object.class) instanceof Map<?, ?> object)) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) object;
            return Optional.of(typed);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
