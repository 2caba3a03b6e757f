#!/usr/bin/env bash
# Prints the PostgreSQL URL the tests should use, or nothing when no server answers.
set -u
url="${DATABASE_URL:-}"
case "$url" in
  postgres://*|postgresql://*) echo "$url"; exit 0 ;;
esac
if command -v pg_isready >/dev/null 2>&1; then
  pg_isready -q -h 127.0.0.1 -p 5432 -U postgres -t 3 && echo "postgres://postgres@127.0.0.1:5432/postgres"
elif (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "postgres://postgres@127.0.0.1:5432/postgres"
fi
exit 0
