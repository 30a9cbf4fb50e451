#!/usr/bin/env bash
# Re-vendors the socket.io browser client for the chat widget from the npm registry (pinned).
# Usage: scripts/vendor_socketio_client.sh [version]   (default: the pinned 4.8.4)
set -euo pipefail
VERSION="${1:-4.8.4}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/bot/widget/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "socket.io-client@$VERSION" >/dev/null && tar xzf ./*.tgz)
cp "$tmp/package/dist/socket.io.min.js" "$DEST/socket.io.min.js"
cp "$tmp/package/LICENSE" "$DEST/socket.io-client.LICENSE"
sed -i "s/socket\.io-client@[0-9][0-9.]*/socket.io-client@$VERSION/g; s/socket\.io-client [0-9][0-9.]*/socket.io-client $VERSION/g; s#/v/[0-9][0-9.]*)#/v/$VERSION)#" \
  "$DEST/README.md"
echo "socket.io-client $VERSION -> $DEST/socket.io.min.js"
