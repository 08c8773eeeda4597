// The merchant shows its own ticket (paypageData.bypassReceiptPage=true): post the sealed response back at once.
// Without JavaScript the shopper presses the form's button.
(function () {
    'use strict';
    var form = document.querySelector('form.auto-return');
    if (form) {
        form.submit();
    }
}());
