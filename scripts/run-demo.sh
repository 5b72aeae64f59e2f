#!/usr/bin/env bash
# The README's main command: bash scripts/run-demo.sh
#
# Runs the core demo (examples/core-demo/demo.mjs): one agent's shift narrated through a console
# composed with @dialkit/core on the scripted backend, on virtual time. When the reference console
# and the embedded simulated dialer land, this command will run that instead.
#
#   pnpm (pinned, installed with npm if missing) → pnpm install → build @dialkit/core → demo
#
# Works on a fresh Debian machine with only Node 20 and npm, as root (as CI is). In CI (CI set and
# not "false"/"0") the install is frozen; elsewhere a frozen install is tried first.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=./ci-lib.sh
source scripts/ci-lib.sh

# The same switch as scripts/test-all.sh: ensure_pnpm guarantees the pinned pnpm, so pnpm's own
# version management (which cannot record the pin in pnpm-lock.yaml here) is switched off.
export pnpm_config_pm_on_fail="${pnpm_config_pm_on_fail:-ignore}"

is_ci() { [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; }

printf '==== run-demo: node %s, CI=%s ====\n' "$(node --version)" "${CI:-}"

ensure_pnpm

if is_ci; then
  pnpm install --frozen-lockfile
elif ! pnpm install --frozen-lockfile; then
  log "Frozen install failed outside CI; running 'pnpm install' (this may update pnpm-lock.yaml)."
  pnpm install
fi

pnpm --filter @dialkit/core run build

printf '\n==== run-demo: examples/core-demo/demo.mjs ====\n\n'
exec node examples/core-demo/demo.mjs
