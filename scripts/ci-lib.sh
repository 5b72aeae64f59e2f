# shellcheck shell=bash
# Shared helpers for .ci/run and scripts/test-all.sh. Source it; it defines functions only.
#
# The pinned pnpm is the one in the root package.json "packageManager" field.

DIALKIT_PNPM_VERSION="${DIALKIT_PNPM_VERSION:-12.21.0}"

log() { printf '%s\n' "$*" >&2; }

# pnpm's version, asked from outside the repository so that the project's packageManager pin does
# not make pnpm try to switch versions while we are only asking.
installed_pnpm_version() {
  (cd / && pnpm --version 2>/dev/null </dev/null) | tail -n 1 || true
}

# Installs the pinned pnpm with npm when pnpm is missing or at another version.
# (Corepack is not used: `corepack prepare pnpm` fails on registry signatures on Node 20 here.)
ensure_pnpm() {
  local current=''
  if command -v pnpm >/dev/null 2>&1; then
    current="$(installed_pnpm_version)"
  fi
  if [[ "$current" == "$DIALKIT_PNPM_VERSION" ]]; then
    log "pnpm $current is installed."
    return 0
  fi
  log "pnpm ${current:-is missing}${current:+ is installed, want $DIALKIT_PNPM_VERSION}; installing pnpm@$DIALKIT_PNPM_VERSION with npm."
  npm i -g "pnpm@$DIALKIT_PNPM_VERSION" --allow-scripts=pnpm </dev/null
  hash -r
  current="$(installed_pnpm_version)"
  if [[ "$current" != "$DIALKIT_PNPM_VERSION" ]]; then
    log "error: after installing, 'pnpm --version' says '${current:-nothing}', want $DIALKIT_PNPM_VERSION (check npm's global bin is on PATH)."
    return 1
  fi
}

# Installs Debian packages that are not installed yet (apt-get, non-interactive). Needs root, or
# sudo without a password. Call it only with a non-empty list.
ensure_debian_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "Debian packages already installed: $*"
    return 0
  fi
  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      log "error: need root (or passwordless sudo) to install Debian packages: ${missing[*]}"
      return 1
    fi
  fi
  log "Installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update </dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
}
