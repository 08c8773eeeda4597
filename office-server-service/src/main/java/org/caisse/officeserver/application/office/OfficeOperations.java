package org.caisse.officeserver.application.office;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Every Office service known to this deployment, by {@code family/name}. */
@ApplicationScoped
public class OfficeOperations {

    private final Map<String, OfficeOperation> byPath = new HashMap<>();

    @Inject
    public OfficeOperations(Instance<OfficeOperation> operations) {
        for (OfficeOperation operation : operations) {
            String path = operation.family() + "/" + operation.name();
            if (byPath.putIfAbsent(path, operation) != null) {
                throw new IllegalStateException("two Office operations for " + path);
            }
        }
    }

    public Optional<OfficeOperation> find(String family, String name) {
        return Optional.ofNullable(byPath.get(family + "/" + name));
    }
}
