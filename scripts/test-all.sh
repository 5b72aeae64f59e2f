#!/usr/bin/env bash
# The project's full check, the README's test command: bash scripts/test-all.sh
#
#   debian packages (chromium, kamailio, sipp) → install → build → typecheck → lint → test →
#   check:packages → docs → bench (report only)
#
# Scripts run as `pnpm run <script>`: pnpm 12 has built-in commands that shadow some script names
# (`pnpm docs <pkg>` opens a package's homepage instead of running the "docs" script).
#
# Stops at the first failing step. TEST_ALL_KEEP_GOING=1 runs every step and fails at the end,
# listing the steps that failed. In CI (CI set and not "false"/"0") the install is frozen.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=./ci-lib.sh
source scripts/ci-lib.sh

# pnpm 12 records the pinned package manager (package.json "packageManager") in pnpm-lock.yaml,
# and refuses a frozen install when it cannot ("Cannot update packageManagerDependencies with
# frozen-lockfile"); our registry does not serve every platform package of pnpm 12.21.0, so the
# pin is never recorded. ensure_pnpm below already guarantees the pinned version, so pnpm's own
# version management is switched off for this run.
export pnpm_config_pm_on_fail="${pnpm_config_pm_on_fail:-ignore}"

is_ci() { [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; }

STEP_NO=0
FAILED_STEPS=()
CURRENT_STEP=''
START_ALL=$SECONDS

on_exit() {
  local status=$?
  local elapsed=$((SECONDS - START_ALL))
  if [[ $status -eq 0 ]]; then
    printf '\n==== test-all: PASSED (%d steps, %ds) ====\n' "$STEP_NO" "$elapsed"
  elif [[ ${#FAILED_STEPS[@]} -gt 0 ]]; then
    printf '\n==== test-all: FAILED (%s; %ds) ====\n' "${FAILED_STEPS[*]}" "$elapsed"
  else
    printf '\n==== test-all: FAILED at step "%s" (exit %d, %ds) ====\n' "${CURRENT_STEP:-setup}" "$status" "$elapsed"
  fi
}
trap on_exit EXIT

# step <name> <command...>: prints a header, runs the command, prints its result and duration.
step() {
  local name=$1
  shift
  STEP_NO=$((STEP_NO + 1))
  CURRENT_STEP=$name
  printf '\n==== [%d] %s: %s ====\n' "$STEP_NO" "$name" "$*"
  local started=$SECONDS status=0
  "$@" || status=$?
  if [[ $status -eq 0 ]]; then
    printf -- '---- [%d] %s: ok (%ds)\n' "$STEP_NO" "$name" "$((SECONDS - started))"
    return 0
  fi
  printf -- '---- [%d] %s: FAILED with exit %d (%ds)\n' "$STEP_NO" "$name" "$status" "$((SECONDS - started))"
  if [[ "${TEST_ALL_KEEP_GOING:-0}" == "1" ]]; then
    FAILED_STEPS+=("$name")
    return 0
  fi
  exit "$status"
}

install_deps() {
  if is_ci; then
    pnpm install --frozen-lockfile
  elif ! pnpm install --frozen-lockfile; then
    log "Frozen install failed outside CI; running 'pnpm install' (this may update pnpm-lock.yaml)."
    pnpm install
  fi
}

printf '==== test-all: node %s, CI=%s ====\n' "$(node --version)" "${CI:-}"
step 'pnpm' ensure_pnpm
# Debian's chromium: the browser tests drive it with playwright-core (no browser download).
# Kamailio (with its WebSocket module) and SIPp (package sip-tester): the SIP adapter's test rig.
step 'debian' ensure_debian_packages chromium kamailio kamailio-websocket-modules sip-tester
step 'install' install_deps
step 'build' pnpm run build
step 'typecheck' pnpm run typecheck
step 'lint' pnpm run lint
step 'test' pnpm run test
step 'check:packages' pnpm run check:packages
step 'docs' pnpm run docs
# Benchmarks run on every CI pass so their figures are in the log and bench/results.json, but a
# shared 2-core machine does not gate on them (report only, misses listed); `pnpm bench` does.
step 'bench' pnpm run bench --report-only

CURRENT_STEP=''
if [[ ${#FAILED_STEPS[@]} -gt 0 ]]; then
  exit 1
fi
