package org.caisse.officeserver.adapter.out.authorization;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.port.out.DownstreamUnavailableException;
import org.caisse.officeserver.config.AuthorizationConfig;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * One HTTP exchange with authorization-service, behind a timeout and a circuit breaker (SmallRye Fault
 * Tolerance, configurable under {@code quarkus.fault-tolerance."<this class>/exchange"}). A network error,
 * a timeout or a 5xx counts as a failure; when most recent calls failed the breaker opens and calls fail at
 * once (no request sent) until a half-open probe succeeds.
 * <p>
 * There is deliberately <b>no retry</b>: a cancel that timed out may have been applied, and the merchant (or its
 * Idempotency-Key replay, which re-sends the same operation id) decides whether to try again.
 */
@ApplicationScoped
public class AuthorizationHttpExchange {

    private final HttpClient http;

    @Inject
    public AuthorizationHttpExchange(AuthorizationConfig config) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .build();
    }

    @AsynchronousNonBlocking
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000,
            successThreshold = 1, failOn = DownstreamUnavailableException.class)
    public Uni<HttpResponse<byte[]>> exchange(HttpRequest request) {
        return Uni.createFrom().deferred(() -> Uni.createFrom()
                        .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())))
                .onFailure(failure -> !(failure instanceof DownstreamUnavailableException))
                .transform(failure -> new DownstreamUnavailableException(
                        "authorization-service unreachable: " + failure.getClass().getSimpleName(), failure))
                .map(response -> {
                    if (response.statusCode() >= 500) {
                        throw new DownstreamUnavailableException(
                                "authorization-service answered HTTP " + response.statusCode());
                    }
                    return response;
                });
    }
}
