#!/usr/bin/env bash
# Scenario "office-refund": sealed cashManagement/refund through office-server-service (bench/README.md).
exec "$(dirname "${BASH_SOURCE[0]}")/../office/run-office.sh" refund office-refund "$@"
