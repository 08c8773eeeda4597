#!/usr/bin/env bash
# Runs one sealed call of every Office Server service against a running Caisse (./caisse up) with the demo
# merchant 002001000000001 and its TEST key 002001000000001_KEY1 (key version 1). Needs bash, curl, openssl, jq.
#
#   docs/examples/office/run-examples.sh            # against http://127.0.0.1:8083
#   OFFICE_URL=https://office.example docs/examples/office/run-examples.sh
set -euo pipefail

OFFICE_URL=${OFFICE_URL:-http://127.0.0.1:8083}
MERCHANT_ID=${MERCHANT_ID:-002001000000001}
KEY=${KEY:-002001000000001_KEY1}
KEY_VERSION=${KEY_VERSION:-1}
ANSWER_KEY=$KEY                    # answers are always sealed with the merchant's real key
RUN=${RUN:-$(date +%s)}            # makes every transactionReference of this run new

# The seal string: the values of every field but keyVersion, sealAlgorithm and seal, in the order of the field
# names; a nested object gives its own values in the order of its names, an array its elements in order.
seal_string() {
  jq -j 'def v: if type == "object" then (to_entries | sort_by(.key) | map(.value | v) | join(""))
                elif type == "array" then (map(v) | join(""))
                elif type == "null" then ""
                else tostring end;
         del(.keyVersion, .sealAlgorithm, .seal) | v'
}

# seal JSON-without-seal → the same JSON with keyVersion and seal added
seal() {
  local body=$1 hmac
  hmac=$(printf '%s' "$body" | seal_string | openssl dgst -sha256 -hmac "$KEY" | sed 's/^.*= //')
  printf '%s' "$body" | jq -c --argjson kv "$KEY_VERSION" --arg seal "$hmac" '. + {keyVersion: $kv, seal: $seal}'
}

# Checks the seal of an answer: every field but seal, same key.
answer_seal_ok() {
  local answer=$1 expected
  expected=$(printf '%s' "$answer" | jq -j 'def v: if type == "object" then (to_entries | sort_by(.key) | map(.value | v) | join(""))
                elif type == "array" then (map(v) | join("")) elif type == "null" then "" else tostring end;
         del(.seal) | v' | openssl dgst -sha256 -hmac "$ANSWER_KEY" | sed 's/^.*= //')
  [ "$expected" = "$(printf '%s' "$answer" | jq -r .seal)" ]
}

# call family/service JSON-without-seal → prints the request, the HTTP status and the answer; sets ANSWER
call() {
  local path=$1 request status
  request=$(seal "$2")
  echo "### POST /rs-services/v2/$path"
  echo "$request"
  ANSWER=$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' --data-binary "$request" \
    "$OFFICE_URL/rs-services/v2/$path")
  status=${ANSWER##*$'\n'}
  ANSWER=${ANSWER%$'\n'*}
  echo "→ HTTP $status $ANSWER"
  if [ -n "$ANSWER" ] && [ "$(printf '%s' "$ANSWER" | jq -r '.seal // empty')" != "" ]; then
    if answer_seal_ok "$ANSWER"; then echo "  (answer seal verified)"; else echo "  ANSWER SEAL DOES NOT VERIFY"; fi
  fi
  echo
}

# expect FIELD VALUE: stops the run when the last answer says otherwise
expect() {
  local actual
  actual=$(printf '%s' "$ANSWER" | jq -r --arg f "$1" '.[$f] // empty')
  if [ "$actual" != "$2" ]; then
    echo "UNEXPECTED: $1 is '$actual', expected '$2'" >&2
    exit 1
  fi
}

common() { # interfaceVersion → the common fields (keyVersion and seal are added by seal)
  jq -nc --arg m "$MERCHANT_ID" --arg iv "$1" '{merchantId: $m, interfaceVersion: $iv}'
}

EXPIRY=$(( $(date +%Y) + 3 ))12
A=DOC${RUN}A; B=DOC${RUN}B; C=DOC${RUN}C; D=DOC${RUN}D; E=DOC${RUN}E

echo "## 1. checkout/cardOrder: VISA test card, not enrolled, approved (4100000100000000)"
call checkout/cardOrder "$(common IR_WS_2.3 | jq -c --arg ref "$A" --arg exp "$EXPIRY" '. + {
  transactionReference: $ref, amount: 1000, currencyCode: "978", cardNumber: "4100000100000000",
  cardExpiryDate: $exp, cardCSCValue: "123", captureMode: "AUTHOR_CAPTURE", captureDay: 0, orderChannel: "INTERNET",
  orderId: "ORDER-42"}')"
expect responseCode 00

echo "## 2. diagnostic/getTransactionData of that payment"
call diagnostic/getTransactionData "$(common DR_WS_2.3 | jq -c --arg ref "$A" '. + {transactionReference: $ref}')"
expect responseCode 00
expect transactionStatus TO_CAPTURE

echo "## 3. cashManagement/cancel: 2.50 EUR of the 10.00, then the rest"
call cashManagement/cancel "$(common CR_WS_2.3 | jq -c --arg ref "$A" '. + {
  transactionReference: $ref, operationAmount: 250, currencyCode: "978"}')"
expect responseCode 00
expect newStatus TO_CAPTURE
call cashManagement/cancel "$(common CR_WS_2.3 | jq -c --arg ref "$A" '. + {
  transactionReference: $ref, operationAmount: 750, currencyCode: "978"}')"
expect responseCode 00
expect newStatus CANCELLED

echo "## 4. checkout/cardOrder with captureMode VALIDATION, then cashManagement/validate"
call checkout/cardOrder "$(common IR_WS_2.3 | jq -c --arg ref "$B" --arg exp "$EXPIRY" '. + {
  transactionReference: $ref, amount: 2500, currencyCode: "978", cardNumber: "4100000100000000",
  cardExpiryDate: $exp, captureMode: "VALIDATION", captureDay: 5}')"
expect responseCode 00
call cashManagement/validate "$(common CR_WS_2.3 | jq -c --arg ref "$B" '. + {
  transactionReference: $ref, operationAmount: 2000, currencyCode: "978"}')"
expect responseCode 00
expect newStatus TO_CAPTURE

echo "## 5. cashManagement/refund before the remittance captured the transaction: 24"
call cashManagement/refund "$(common CR_WS_2.3 | jq -c --arg ref "$B" '. + {
  transactionReference: $ref, operationAmount: 500, currencyCode: "978"}')"
expect responseCode 24

echo "## 6. cashManagement/duplicate: a new payment with the card of the validated one"
call cashManagement/duplicate "$(common CR_WS_2.3 | jq -c --arg from "$B" --arg ref "$C" '. + {
  fromTransactionReference: $from, transactionReference: $ref, amount: 1500, currencyCode: "978"}')"
expect responseCode 00

echo "## 7. cashManagement/creditHolder: credit 12.00 EUR to a card"
call cashManagement/creditHolder "$(common CR_WS_2.3 | jq -c --arg ref "$D" --arg exp "$EXPIRY" '. + {
  transactionReference: $ref, amount: 1200, currencyCode: "978", cardNumber: "4100000100000000",
  cardExpiryDate: $exp}')"
expect responseCode 00

echo "## 8. wallet/*: a customer's wallet, then checkout/walletOrder with its card"
W=W${RUN}
call wallet/addCard "$(common WR_WS_2.3 | jq -c --arg w "$W" --arg exp "$EXPIRY" '. + {
  merchantWalletId: $w, cardNumber: "4100000100000000", cardExpiryDate: $exp, paymentMeanAlias: "my VISA"}')"
expect walletResponseCode 00
VISA_RANK=$(printf '%s' "$ANSWER" | jq -r .paymentMeanId)
call wallet/addCard "$(common WR_WS_2.3 | jq -c --arg w "$W" --arg exp "$EXPIRY" '. + {
  merchantWalletId: $w, cardNumber: "5100000100000000", cardExpiryDate: $exp}')"
expect walletResponseCode 00
MC_RANK=$(printf '%s' "$ANSWER" | jq -r .paymentMeanId)
call wallet/getWalletData "$(common WR_WS_2.3 | jq -c --arg w "$W" '. + {merchantWalletId: $w}')"
expect walletResponseCode 00
call wallet/updatePaymentMean "$(common WR_WS_2.3 | jq -c --arg w "$W" --arg id "$MC_RANK" '. + {
  merchantWalletId: $w, paymentMeanId: $id, paymentMeanAlias: "work card"}')"
expect walletResponseCode 00
call wallet/getPaymentMeanData "$(common WR_WS_2.3 | jq -c --arg w "$W" --arg id "$MC_RANK" '. + {
  merchantWalletId: $w, paymentMeanId: $id}')"
expect walletResponseCode 00
expect paymentMeanAlias "work card"
call checkout/walletOrder "$(common IR_WS_2.3 | jq -c --arg w "$W" --arg id "$VISA_RANK" --arg ref "$E" '. + {
  merchantWalletId: $w, paymentMeanId: $id, transactionReference: $ref, amount: 990, currencyCode: "978"}')"
expect responseCode 00
call checkout/walletOrder "$(common IR_WS_2.3 | jq -c --arg ref "${E}X" '. + {
  merchantWalletId: "NO-SUCH-WALLET", paymentMeanId: "1", transactionReference: $ref, amount: 990,
  currencyCode: "978"}')"
expect responseCode 14
call wallet/deletePaymentMean "$(common WR_WS_2.3 | jq -c --arg w "$W" --arg id "$MC_RANK" '. + {
  merchantWalletId: $w, paymentMeanId: $id}')"
expect walletResponseCode 00
call wallet/signOff "$(common WR_WS_2.3 | jq -c --arg w "$W" '. + {merchantWalletId: $w}')"
expect walletResponseCode 00
call wallet/getWalletData "$(common WR_WS_2.3 | jq -c --arg w "$W" '. + {merchantWalletId: $w}')"
expect walletResponseCode 25

echo "## 9. Errors: the same cardOrder reference again (94), a wrong seal (34), a body that is not JSON (400/30)"
call checkout/cardOrder "$(common IR_WS_2.3 | jq -c --arg ref "$A" --arg exp "$EXPIRY" '. + {
  transactionReference: $ref, amount: 1000, currencyCode: "978", cardNumber: "4100000100000000",
  cardExpiryDate: $exp}')"
expect responseCode 94
KEY=002001000000001_WRONG call diagnostic/getTransactionData "$(common DR_WS_2.3 | jq -c --arg ref "$A" '. + {transactionReference: $ref}')"
expect responseCode 34
echo "### POST /rs-services/v2/diagnostic/getTransactionData (not JSON)"
curl -sS -w ' → HTTP %{http_code}\n' -H 'Content-Type: application/json' --data-binary 'merchantId=002001000000001' \
  "$OFFICE_URL/rs-services/v2/diagnostic/getTransactionData"
echo
echo "All examples answered as documented."
