// TEST mode only: a test card's button fills the card form. The page works without it (each test card
// also has its own form), so this file only saves typing.
(function () {
    'use strict';
    var form = document.querySelector('form.card-form');
    if (!form) {
        return;
    }
    document.querySelectorAll('button.fill-test-card').forEach(function (button) {
        button.addEventListener('click', function () {
            form.querySelector('[name=cardNumber]').value = button.getAttribute('data-card-number');
            form.querySelector('[name=expiry]').value = button.getAttribute('data-expiry');
            form.querySelector('[name=cvv]').value = button.getAttribute('data-csc');
            form.querySelector('[name=cardNumber]').focus();
        });
    });
}());
