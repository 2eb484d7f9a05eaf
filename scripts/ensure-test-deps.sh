#!/usr/bin/env bash
# The tests need Debian packages that npm cannot provide: chromium-headless-shell (the browser
# specs, driven by playwright-core; never a browser download) and chromium (the desktop build, for the
# one spec that opens the pages as an office's browser does), fonts-noto-cjk (Chinese text on the pages),
# python3-docx (reads the Word bulletin back with another program than the app's),
# libreoffice-writer-nogui and poppler-utils (render the Word bulletin to PDF and read its text
# positions: the layout test) and, for `npm run test:pg`, postgresql. Installs whichever is
# missing, when it can (root + apt).
# Usage: scripts/ensure-test-deps.sh [postgresql]
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromium-headless-shell >/dev/null 2>&1 || need+=(chromium-headless-shell)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
/usr/bin/python3 -c 'import docx' >/dev/null 2>&1 || need+=(python3-docx)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ "${1:-}" = postgresql ]; then ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql); fi
[ "${#need[@]}" -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "missing Debian packages for the tests: ${need[*]} (install them with apt-get)" >&2
  exit 1
fi
echo "installing Debian packages for the tests: ${need[*]}"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
