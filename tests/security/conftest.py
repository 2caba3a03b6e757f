"""Fixtures of the enumeration tests."""

import pytest

from bouquet.bouquets import registry


@pytest.fixture(autouse=True)
def _no_encoder_warm_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages that look for similar proposals start loading the sentence encoder in a thread (seconds, and
    hundreds of megabytes); these tests only read pages, so the full-text fallback is enough."""
    monkeypatch.setattr(registry, "warm_encoder_in_background", lambda: None)
