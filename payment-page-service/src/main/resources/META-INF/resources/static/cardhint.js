// A hint under the card number while the shopper types: the brand guessed from the first digits and, for a
// 16-digit number, whether it passes the Luhn check. Only a hint: the server checks the card in any case, and
// the page works the same without this script. The texts come from the hint element's data attributes.
(function () {
    'use strict';
    var input = document.getElementById('cardNumber');
    var hint = document.getElementById('card-hint');
    if (!input || !hint) {
        return;
    }
    var TEST_PREFIXES = {
        '340000': 'AMEX', '400000': 'VPAY', '410000': 'VISA', '420000': 'CB', '430000': 'CB', '440000': 'CB',
        '450000': 'CB', '460000': 'VISA', '500000': 'MAESTRO', '510000': 'MASTERCARD', '520000': 'CB',
        '530000': 'CB'
    };

    function brandOf(digits) {
        if (digits.length >= 6 && TEST_PREFIXES[digits.substring(0, 6)]) {
            return TEST_PREFIXES[digits.substring(0, 6)];
        }
        var p2 = parseInt(digits.substring(0, 2), 10);
        var p4 = parseInt(digits.substring(0, 4), 10);
        if (p2 === 34 || p2 === 37) {
            return 'AMEX';
        }
        if (digits.charAt(0) === '4') {
            return 'VISA';
        }
        if ((p2 >= 51 && p2 <= 55) || (digits.length >= 4 && p4 >= 2221 && p4 <= 2720)) {
            return 'MASTERCARD';
        }
        if (p2 === 50 || (p2 >= 56 && p2 <= 69)) {
            return 'MAESTRO';
        }
        return null;
    }

    function luhn(digits) {
        var sum = 0;
        for (var i = 0; i < digits.length; i++) {
            var d = parseInt(digits.charAt(digits.length - 1 - i), 10);
            if (i % 2 === 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 === 0;
    }

    function update() {
        var digits = input.value.replace(/[\s-]/g, '');
        var text = '';
        if (/^\d+$/.test(digits) && digits.length >= 2) {
            var brand = brandOf(digits);
            if (brand) {
                text = hint.getAttribute('data-detected') + ' ' + brand;
            }
            // TEST cards (Sips prefixes) are not Luhn-checked (SIPS.md §8)
            if (digits.length === 16 && !TEST_PREFIXES[digits.substring(0, 6)] && !luhn(digits)) {
                text = (text ? text + '. ' : '') + hint.getAttribute('data-looks-wrong');
            }
        }
        if (hint.textContent !== text) {
            hint.textContent = text;
        }
    }

    input.addEventListener('input', update);
    update();
}());
