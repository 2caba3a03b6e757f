"""Where tests and benchmarks find real data, found from the repository and never from one machine's paths.

Two small pabulib files are kept in ``tests/data/`` so that the core checks always run. The larger files live in
the shared data folder beside the repository (``../shared/data``), or wherever ``BOUQUET_SHARED_DATA`` points.
Tests that need that folder carry ``@pytest.mark.shared_data``: ``tests/conftest.py`` skips them with a reason
when the folder is missing, and fails them instead when ``BOUQUET_REQUIRE_SHARED_DATA=1`` (``make test`` and CI).
This module imports nothing but the standard library, so that the benchmark scripts can use it too.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KEPT_DATA = ROOT / "tests" / "data"
OVERRIDE_VARIABLE = "BOUQUET_SHARED_DATA"
REQUIRE_VARIABLE = "BOUQUET_REQUIRE_SHARED_DATA"

# Small real files kept in the repository (copies of the shared folder's, pabulib snapshot of 2026-04-11).
TOULOUSE_1 = KEPT_DATA / "France_Toulouse_2022_1_-_Capitole_Arnaud_Bernard_Carmes.pb"
ANIOLKI = KEPT_DATA / "Poland_Gdansk_2020_Aniolki.pb"


def shared_data_dir() -> Path:
    """The shared data folder: ``$BOUQUET_SHARED_DATA`` when set, else ``../shared/data`` beside the repository."""
    override = os.environ.get(OVERRIDE_VARIABLE, "").strip()
    return Path(override).expanduser().resolve() if override else ROOT.parent / "shared" / "data"


def shared_data_required() -> bool:
    """Whether a missing shared data folder is an error rather than a reason to skip."""
    return os.environ.get(REQUIRE_VARIABLE, "").strip().lower() not in {"", "0", "false", "no", "off"}


def missing_shared_data() -> str | None:
    """Why the shared data folder cannot be used, or None when it can."""
    folder = shared_data_dir()
    if folder.is_dir():
        return None
    how = f"${OVERRIDE_VARIABLE}" if os.environ.get(OVERRIDE_VARIABLE, "").strip() else "../shared/data"
    return f"shared data folder not found: {folder} (from {how}; set {OVERRIDE_VARIABLE} to point elsewhere)"
