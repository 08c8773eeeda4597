package org.caisse.paymentpage.adapter.in.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.Money;

/** Amounts and dates as the shopper's language writes them. */
final class PageFormats {

    /**
     * The page does not know the shopper's time zone (no script reads it); times are shown in the platform's
     * zone, written with it so nobody misreads them.
     */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private PageFormats() {
    }

    /** {@code 1050} minor units of EUR → {@code 10,50 €} (fr), {@code €10.50} (en); exact, no floating point. */
    static String amount(long minorUnits, String currencyNumeric, Locale locale) {
        Optional<String> formatted = Currencies.byNumeric(currencyNumeric)
                .map(unit -> Money.of(minorUnits, unit).format(locale));
        return formatted.orElse(minorUnits + " " + currencyNumeric);
    }

    /** A date and time, e.g. {@code 23 nov. 2026, 18:27 (Europe/Paris)} in French. */
    static String dateTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZONE).format(instant) + " (" + ZONE.getId() + ")";
    }
}
