#!/usr/bin/env bash
# The task worker of `make demo` and `make dev`, started again whenever it stops: a crash must not leave
# regroupings and placements waiting forever. Usage: scripts/run-worker.sh PYTHON [db_worker options...]
set -u
python=$1
shift
pause=${WORKER_RESTART_PAUSE:-2}
child=""
trap '[ -n "$child" ] && kill "$child" 2>/dev/null; exit 0' INT TERM
while true; do
  "$python" manage.py db_worker "$@" &
  child=$!
  wait "$child"
  code=$?
  echo "Le travailleur de tâches s'est arrêté (code $code) : il redémarre dans ${pause} s." >&2
  sleep "$pause"
done
