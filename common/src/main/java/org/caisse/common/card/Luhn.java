package org.caisse.common.card;

/** The Luhn (mod 10) check of card numbers. */
public final class Luhn {

    private Luhn() {
    }

    /** Whether {@code digits} (digits only, at least 2) passes the Luhn check. */
    public static boolean isValid(String digits) {
        if (digits == null || digits.length() < 2 || !allDigits(digits)) {
            return false;
        }
        return sum(digits, false) % 10 == 0;
    }

    /**
     * The digit to append to {@code partial} so that the whole passes the Luhn check.
     *
     * @throws IllegalArgumentException when {@code partial} is empty or not digits only
     */
    public static int checkDigit(String partial) {
        if (partial == null || partial.isEmpty() || !allDigits(partial)) {
            throw new IllegalArgumentException("Digits expected");
        }
        return (10 - sum(partial, true) % 10) % 10;
    }

    private static int sum(String digits, boolean doubleLast) {
        int sum = 0;
        boolean doubled = doubleLast;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
