#!/usr/bin/env bash
# The browser tests drive Debian's chromium: install it when it is missing.
set -eu
if command -v chromium >/dev/null 2>&1; then exit 0; fi
echo "Installation de chromium (Debian) pour les tests dans un vrai navigateur..."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
command -v chromium >/dev/null
