package org.caisse.notification.adapter.in.rest;

import java.util.List;

/** The answer of the deliveries lookup. */
public record DeliveryListView(String merchantId, String transactionReference, List<DeliveryView> deliveries) {
}
