#!/usr/bin/env bash
# Generates the local secrets of docs/platform-contracts.md under $CAISSE_HOME/secrets.
# Idempotent: creates only what is missing; jwks.json is rebuilt when it no longer matches the keys.
set -euo pipefail
CAISSE_COMPONENT=secrets
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

command -v openssl >/dev/null || die "openssl is required"
command -v xxd >/dev/null || die "xxd is required"

SECRETS_DIR="${CAISSE_HOME}/secrets"
umask 077
ensure_home
mkdir -p "${SECRETS_DIR}/jwt" "${SECRETS_DIR}/kek" "${SECRETS_DIR}/vault"
chmod 700 "${SECRETS_DIR}" "${SECRETS_DIR}/jwt" "${SECRETS_DIR}/kek" "${SECRETS_DIR}/vault"

# Serialise concurrent runs.
exec 9>"${SECRETS_DIR}/.lock"
flock 9

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# hex_to_b64url HEX: big-endian unsigned integer bytes, base64url without padding.
hex_to_b64url() {
  local hex="$1"
  (( ${#hex} % 2 == 1 )) && hex="0${hex}"
  printf '%s' "${hex}" | xxd -r -p | b64url
}

created=0
for svc in "${CAISSE_SERVICES[@]}"; do
  key="${SECRETS_DIR}/jwt/${svc}.key.pem"
  if [[ ! -s "${key}" ]]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "${key}.tmp" 2>/dev/null
    mv "${key}.tmp" "${key}"
    log "created jwt/${svc}.key.pem"
    created=$((created + 1))
  fi
  chmod 600 "${key}"

  kek="${SECRETS_DIR}/kek/${svc}.kek"
  if [[ ! -s "${kek}" ]]; then
    openssl rand -base64 32 > "${kek}.tmp"
    mv "${kek}.tmp" "${kek}"
    log "created kek/${svc}.kek"
    created=$((created + 1))
  fi
  chmod 600 "${kek}"
done

# The card vault's lookup key (keyed hashes of card numbers: fingerprints, card ids, tokens). Kept apart from
# the KEK on purpose: rotating the KEK only rewraps data keys, while a new lookup key would change every
# fingerprint and token already handed out.
lookup="${SECRETS_DIR}/vault/authorization-service.lookup.key"
if [[ ! -s "${lookup}" ]]; then
  openssl rand -base64 32 > "${lookup}.tmp"
  mv "${lookup}.tmp" "${lookup}"
  log "created vault/authorization-service.lookup.key"
  created=$((created + 1))
fi
chmod 600 "${lookup}"

# JWKS with every public key, kid = service name.
jwks_tmp="$(mktemp "${SECRETS_DIR}/jwt/.jwks.XXXXXX")"
trap 'rm -f "${jwks_tmp}"' EXIT
{
  printf '{\n  "keys": ['
  sep=''
  for svc in "${CAISSE_SERVICES[@]}"; do
    key="${SECRETS_DIR}/jwt/${svc}.key.pem"
    modulus_hex="$(openssl rsa -in "${key}" -noout -modulus 2>/dev/null | sed 's/^Modulus=//')"
    exponent_dec="$(openssl rsa -in "${key}" -noout -text 2>/dev/null \
      | sed -n 's/^publicExponent: \([0-9]*\).*/\1/p')"
    exponent_hex="$(printf '%X' "${exponent_dec}")"
    printf '%s\n    {"kty": "RSA", "alg": "RS256", "use": "sig", "kid": "%s", "n": "%s", "e": "%s"}' \
      "${sep}" "${svc}" "$(hex_to_b64url "${modulus_hex}")" "$(hex_to_b64url "${exponent_hex}")"
    sep=','
  done
  printf '\n  ]\n}\n'
} > "${jwks_tmp}"

jwks="${SECRETS_DIR}/jwt/jwks.json"
if [[ -s "${jwks}" ]] && cmp -s "${jwks_tmp}" "${jwks}"; then
  rm -f "${jwks_tmp}"
else
  chmod 600 "${jwks_tmp}"
  mv "${jwks_tmp}" "${jwks}"
  log "wrote jwt/jwks.json (${#CAISSE_SERVICES[@]} keys)"
  created=$((created + 1))
fi
trap - EXIT
chmod 600 "${jwks}"

if (( created == 0 )); then
  log "secrets complete under ${SECRETS_DIR} (nothing to create)"
else
  log "secrets ready under ${SECRETS_DIR}"
fi
