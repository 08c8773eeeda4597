package org.caisse.keymanagement.application.site;

import java.util.List;

/** A list the site shows, or the fact that the feature behind it is not available yet. */
public record SiteListing<T>(boolean available, List<T> items) {

    public SiteListing {
        items = List.copyOf(items);
    }

    public static <T> SiteListing<T> of(List<T> items) {
        return new SiteListing<>(true, items);
    }

    public static <T> SiteListing<T> notAvailableYet() {
        return new SiteListing<>(false, List.of());
    }
}
