#!/usr/bin/env bash
# Installs the real-music set's Debian packages (sources and renderers). Run as root; see bench/bpm/LABELS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t pkgs < <(npx tsx -e "import { SOURCES, TOOLS } from './bench/bpm/real-sources'; console.log([...SOURCES.map((s) => s.package), ...TOOLS].join('\n'))")
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "missing Debian packages: ${missing[*]} (run as root: $0)" >&2; exit 1; fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
