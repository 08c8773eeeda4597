#!/usr/bin/env bash
# Scenario "office-cardorder": sealed checkout/cardOrder through office-server-service (bench/README.md).
exec "$(dirname "${BASH_SOURCE[0]}")/../office/run-office.sh" cardOrder office-cardorder "$@"
