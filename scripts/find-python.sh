#!/usr/bin/env bash
# Prints the path of a Python 3.12 or newer, or explains what to install and fails.
set -u
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
candidates+=(python3.12 python3.13 python3.14)
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for d in "$root"/versions/3.1[2-9]*; do [ -x "$d/bin/python" ] && candidates+=("$d/bin/python"); done
fi
for d in "$HOME"/.pyenv/versions/3.1[2-9]*; do [ -x "$d/bin/python" ] && candidates+=("$d/bin/python"); done
candidates+=(python3 python)
for c in "${candidates[@]}"; do
  p=$(command -v "$c" 2>/dev/null) || continue
  if "$p" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    echo "$p"
    exit 0
  fi
done
echo "Bouquet a besoin de Python 3.12 ou plus récent, introuvable ici." >&2
echo "Bouquet needs Python 3.12 or newer: install it (for example 'pyenv install 3.12.1') or set PYTHON=/path/to/python3.12." >&2
exit 1
