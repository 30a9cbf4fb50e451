#!/usr/bin/env bash
# Re-vendors Chart.js for the staff dashboard from the npm registry (pinned; served locally, no CDN).
# Usage: scripts/vendor_chartjs.sh [version]   (default: the pinned 4.6.1)
set -euo pipefail
VERSION="${1:-4.6.1}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/api/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$DEST"
(cd "$tmp" && npm pack --silent "chart.js@$VERSION" >/dev/null && tar xzf ./*.tgz)
cp "$tmp/package/dist/chart.umd.min.js" "$DEST/chart.umd.min.js"
cp "$tmp/package/LICENSE.md" "$DEST/chart.js.LICENSE.md"
echo "chart.js $VERSION (dist/chart.umd.min.js from the npm registry)" >"$DEST/chart.js.VERSION"
echo "chart.js $VERSION -> $DEST/chart.umd.min.js"
