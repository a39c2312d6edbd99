#!/usr/bin/env sh
# Ensures a pinned livekit-server binary and prints its absolute path on stdout.
# Everything else goes to stderr so callers can do: bin=$(sh scripts/livekit-server.sh)
#
# v1.13.5 is pinned because it is the newest release whose whole dependency
# graph our Go module proxy serves: v1.13.6 and later depend on LiveKit's forks
# of pion, which the proxy refuses with 403. Bump only after checking that
# `go mod download -json github.com/livekit/livekit-server@NEW` succeeds.
set -eu

LIVEKIT_VERSION=v1.13.5

# SHA-256 of the official release tarballs, used only when Go is absent.
# They cannot be fetched on the build machines (no access to GitHub releases),
# so that path is untested here. To fill them in, on a machine with internet:
#   curl -fsSLO https://github.com/livekit/livekit/releases/download/v1.13.5/livekit_1.13.5_linux_amd64.tar.gz
#   sha256sum livekit_1.13.5_linux_amd64.tar.gz
# and compare with the checksums file published next to the release.
LIVEKIT_SHA256_LINUX_AMD64=""
LIVEKIT_SHA256_LINUX_ARM64=""

root=$(cd "$(dirname "$0")/.." && pwd)
# Outside the clone, keyed by version: a fresh clone (CI) reuses a build made once on this machine.
bin_dir="${RADIO_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/livekit-radio}/bin"
target="$bin_dir/livekit-server-$LIVEKIT_VERSION"

log() { echo "livekit-server.sh: $*" >&2; }

# `livekit-server --version` prints e.g. "livekit-server version 1.13.5".
version_ok() {
  [ -x "$1" ] || return 1
  out=$("$1" --version 2>/dev/null) || return 1
  [ "$(printf '%s\n' "$out" | awk '{print $NF}' | head -n 1)" = "${LIVEKIT_VERSION#v}" ]
}

build_with_go() {
  log "building livekit-server $LIVEKIT_VERSION from the Go module proxy (several minutes on 2 cores)"
  # Run outside the repo so no go.mod/go.work of ours gets in the way.
  json=$(cd /tmp && go mod download -json "github.com/livekit/livekit-server@$LIVEKIT_VERSION") || {
    log "go mod download failed:"; printf '%s\n' "$json" >&2; exit 1; }
  dir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    log "go mod download gave no module directory:"; printf '%s\n' "$json" >&2; exit 1
  fi
  # `go install module@version` refuses modules with replace directives, so
  # build inside the (read-only) module directory and write the output to ours.
  tmp="$target.tmp.$$"
  trap 'rm -f "$tmp"' EXIT
  (cd "$dir" && go build -trimpath -buildvcs=false -o "$tmp" ./cmd/server)
  mv "$tmp" "$target"
  trap - EXIT
}

download_release() {
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64; sum=$LIVEKIT_SHA256_LINUX_AMD64 ;;
    aarch64 | arm64) arch=arm64; sum=$LIVEKIT_SHA256_LINUX_ARM64 ;;
    *) log "unsupported architecture $(uname -m); install Go and rerun"; exit 1 ;;
  esac
  if [ -z "$sum" ]; then
    log "Go is not installed and LIVEKIT_SHA256_LINUX_$(echo "$arch" | tr a-z A-Z) is empty in $0."
    log "Refusing to install an unverified binary. Either install Go (>= 1.26) or fill in the"
    log "checksum as described at the top of $0."
    exit 1
  fi
  ver=${LIVEKIT_VERSION#v}
  url="https://github.com/livekit/livekit/releases/download/$LIVEKIT_VERSION/livekit_${ver}_linux_${arch}.tar.gz"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  log "downloading $url"
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL -o "$work/lk.tar.gz" "$url"
  else
    wget -q -O "$work/lk.tar.gz" "$url"
  fi
  got=$(sha256sum "$work/lk.tar.gz" | awk '{print $1}')
  if [ "$got" != "$sum" ]; then
    log "checksum mismatch for $url: expected $sum, got $got. Refusing to install."
    exit 1
  fi
  tar -xzf "$work/lk.tar.gz" -C "$work" livekit-server
  mv "$work/livekit-server" "$target"
  chmod +x "$target"
  rm -rf "$work"
  trap - EXIT
}

if version_ok "$target"; then
  echo "$target"
  exit 0
fi

mkdir -p "$bin_dir"
rm -f "$target"
if command -v go >/dev/null 2>&1; then
  build_with_go
else
  download_release
fi

if ! version_ok "$target"; then
  log "$target does not report version ${LIVEKIT_VERSION#v}: $("$target" --version 2>&1 || true)"
  exit 1
fi
log "installed $target"
echo "$target"
