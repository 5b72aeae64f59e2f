#!/usr/bin/env bash
# The README's main command: bash scripts/run-console.sh [port]
#
# Builds the reference console (examples/reference-console: @dialkit/core + @dialkit/sim +
# @dialkit/ui-preact) and serves its production build on http://127.0.0.1:<port>/ (default 4173),
# on the embedded simulated dialer: no PBX, no other setup. Demo users: packages/sim/README.md
# (e.g. ana / ana-pw). Stop it with Ctrl+C.
#
#   pnpm (pinned, installed with npm if missing) → pnpm install → vite build → serve
#
# Works on a fresh Debian machine with only Node 20 and npm, as root.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=./ci-lib.sh
source scripts/ci-lib.sh

export pnpm_config_pm_on_fail="${pnpm_config_pm_on_fail:-ignore}"
is_ci() { [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; }

port="${1:-${PORT:-4173}}"
printf '==== run-console: node %s ====\n' "$(node --version)"

ensure_pnpm
if is_ci; then
  pnpm install --frozen-lockfile
else
  pnpm install --frozen-lockfile || pnpm install
fi
pnpm --filter ./examples/reference-console run build
printf '\nOpen http://127.0.0.1:%s/ and log in as ana / ana-pw (more demo users in packages/sim/README.md).\n' "$port"
printf 'Options: ?lang=es  ?seed=7  ?speed=4  (?backend=sim is the default)\n\n'
exec node examples/reference-console/serve.mjs "$port"
