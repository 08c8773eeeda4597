package org.caisse.authorization.adapter.out.kafka;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replaces {@link NoRelayFaults} in tests: once armed for a topic, the next relay runs carrying an event of that
 * topic fail after Kafka acknowledged their records and before their database commit, as a crash would.
 */
@Mock
@ApplicationScoped
public class FailingRelayCommits implements RelayFaults {

    private final Map<String, AtomicInteger> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();

    /** Makes the next {@code runs} runs that carry an event of {@code topic} fail just before their commit. */
    void failCommits(String topic, int runs) {
        armed.put(topic, new AtomicInteger(runs));
    }

    /** How many runs carrying {@code topic} were failed. */
    int fired(String topic) {
        return fired.getOrDefault(topic, new AtomicInteger()).get();
    }

    @Override
    public void beforeCommit(Set<String> topics) {
        for (String topic : topics) {
            AtomicInteger left = armed.get(topic);
            if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                fired.computeIfAbsent(topic, t -> new AtomicInteger()).incrementAndGet();
                throw new IllegalStateException("simulated crash before the relay commit (topic " + topic + ")");
            }
        }
    }
}
