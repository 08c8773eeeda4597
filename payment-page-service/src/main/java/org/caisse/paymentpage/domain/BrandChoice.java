package org.caisse.paymentpage.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.caisse.common.card.CardBrand;
import org.caisse.common.card.CardBrands;

/**
 * The card brands a request's {@code paymentMeanBrandList} lets the shopper choose from, and the brand sent with the
 * authorization. Only the card brands authorization-service's test acquirer knows are offered (its Test cards
 * prefixes); other names of the list (wallets, brands we do not process) are ignored.
 */
public final class BrandChoice {

    /** The card brands the page can offer, in the order the choice lists them when the request does not order them. */
    public static final List<String> KNOWN = List.of("VISA", "MASTERCARD", "CB", "AMEX", "MAESTRO", "VPAY",
            "VISA_ELECTRON");

    private BrandChoice() {
    }

    /** The brands to offer, in the request's order, without duplicates; empty: no choice, the brand is detected. */
    public static List<String> offered(Optional<String> paymentMeanBrandList) {
        List<String> offered = new ArrayList<>();
        paymentMeanBrandList.ifPresent(list -> {
            for (String raw : list.split(",")) {
                String name = raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
                if (KNOWN.contains(name) && !offered.contains(name)) {
                    offered.add(name);
                }
            }
        });
        return List.copyOf(offered);
    }

    /**
     * The brand to send as {@code paymentMeanBrand}: null when nothing is offered (authorization-service detects it);
     * the chosen brand when the number belongs to it; without a choice, the first offered brand the number belongs
     * to. A number of no offered brand, or a choice outside the offer, is an input error on the brand.
     */
    public static String resolve(List<String> offered, String chosen, String cardNumber) {
        if (offered.isEmpty()) {
            return null;
        }
        List<String> ofCard = CardBrands.fromPan(cardNumber).stream().map(CardBrand::wireName).toList();
        if (chosen != null && !chosen.isBlank()) {
            if (!offered.contains(chosen) || !ofCard.contains(chosen)) {
                throw new CardEntry.Invalid(CardEntry.Field.BRAND);
            }
            return chosen;
        }
        return offered.stream().filter(ofCard::contains).findFirst()
                .orElseThrow(() -> new CardEntry.Invalid(CardEntry.Field.BRAND));
    }
}
