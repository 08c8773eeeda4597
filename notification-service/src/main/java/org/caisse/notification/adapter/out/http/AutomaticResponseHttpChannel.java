package org.caisse.notification.adapter.out.http;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletionException;
import org.caisse.notification.application.port.out.DeliveryChannel;
import org.caisse.notification.config.DeliveryConfig;
import org.caisse.notification.domain.AttemptOutcome;
import org.caisse.notification.domain.AutomaticResponseEndpoint;
import org.caisse.notification.domain.AutomaticResponseMessage;
import org.caisse.notification.domain.Channel;
import org.caisse.notification.domain.Delivery;

/**
 * Sends a Sips automatic response: a form POST ({@code application/x-www-form-urlencoded}) of {@code Data},
 * {@code Seal}, {@code InterfaceVersion} and {@code Encode} to the merchant's URL. Any 2xx answer is a success;
 * redirects are not followed (a 3xx counts as a failure). An endpoint that is not http(s) or carries user-info is
 * never contacted: the attempt is {@link AttemptOutcome.Refused} and the delivery fails at once.
 */
@ApplicationScoped
public class AutomaticResponseHttpChannel implements DeliveryChannel {

    private static final List<String> FIELD_ORDER = List.of(AutomaticResponseMessage.DATA,
            AutomaticResponseMessage.SEAL, AutomaticResponseMessage.INTERFACE_VERSION, AutomaticResponseMessage.ENCODE);

    private final HttpClient client;
    private final DeliveryConfig config;

    public AutomaticResponseHttpChannel(DeliveryConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.AUTOMATIC_RESPONSE;
    }

    @Override
    public Uni<AttemptOutcome> send(Delivery delivery) {
        Optional<String> refusal = AutomaticResponseEndpoint.refusal(delivery.endpoint());
        if (refusal.isPresent()) {
            return Uni.createFrom().item(AttemptOutcome.refused(refusal.get()));
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.endpoint()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("User-Agent", "Caisse-Notification/1.0")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody(delivery)))
                    .build();
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(AttemptOutcome.refused("invalid endpoint URL; not sent"));
        }
        return Uni.createFrom()
                .completionStage(() -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(response -> response.statusCode() / 100 == 2
                        ? AttemptOutcome.succeeded("HTTP " + response.statusCode())
                        : AttemptOutcome.failed("HTTP " + response.statusCode()))
                .onFailure().recoverWithItem(AutomaticResponseHttpChannel::describe);
    }

    static String formBody(Delivery delivery) {
        StringJoiner body = new StringJoiner("&");
        for (String name : FIELD_ORDER) {
            String value = delivery.payload().get(name);
            if (value != null) {
                body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return body.toString();
    }

    private static AttemptOutcome describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return AttemptOutcome.failed("timeout");
        }
        // The class name only: exception messages may echo the URL's query or other details.
        return AttemptOutcome.failed("connection failed: " + cause.getClass().getSimpleName());
    }
}
