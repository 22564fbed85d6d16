#!/usr/bin/env bash
# `npm run setup`: from a fresh clone to a running yuqing. Installs what is missing (Node packages;
# Debian's redis-server when no REDIS_URL is configured), builds the dashboard, then `npm start`.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("yuqing needs Node.js 20.19 or newer; this is " + process.version); process.exit(1); }'

if [ -f .env ] && grep -q '^REDIS_URL=.' .env; then REDIS_URL=${REDIS_URL:-configured-in-env-file}; fi
if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null 2>&1; then
  echo "yuqing: installing Debian's redis-server (no REDIS_URL configured)…"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server
fi

# PDF reports (日报/周报) are set in Debian's Noto Sans CJK; without it the PDF download says which package is missing.
if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] && command -v apt-get >/dev/null 2>&1; then
  echo "yuqing: installing Debian's fonts-noto-cjk (the PDF reports' font)…"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
exec npm start
