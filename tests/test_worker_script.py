"""`make demo` and `make dev` start the task worker again when it stops, and stop it with themselves."""

import os
import signal
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_worker_that_stops_is_started_again_and_stops_with_the_script(tmp_path: Path) -> None:
    starts = tmp_path / "starts"
    fake_python = tmp_path / "python"
    # Stands for `python manage.py db_worker ...`: notes that it started, then dies at once.
    fake_python.write_text(f'#!/usr/bin/env bash\necho "$@" >> {starts}\nexit 1\n')
    fake_python.chmod(0o755)
    script = subprocess.Popen(
        [str(ROOT / "scripts" / "run-worker.sh"), str(fake_python), "--interval", "1"],
        cwd=ROOT,
        env={**os.environ, "WORKER_RESTART_PAUSE": "0.2"},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and (
            not starts.exists() or len(starts.read_text().splitlines()) < 3
        ):
            time.sleep(0.1)
        assert len(starts.read_text().splitlines()) >= 3
        assert starts.read_text().splitlines()[0] == "manage.py db_worker --interval 1"
    finally:
        script.send_signal(signal.SIGTERM)
        _out, err = script.communicate(timeout=10)
    assert script.returncode == 0
    assert "il redémarre" in err
