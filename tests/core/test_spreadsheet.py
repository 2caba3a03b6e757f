"""Text that a spreadsheet would run as a formula is written as plain text."""

import pytest

from bouquet.core.spreadsheet import neutralise


@pytest.mark.parametrize(
    "typed", ['=HYPERLINK("http://x","y")', "+cmd", "-1+1", "@SUM(1)", "\t=1", "\r=1", "=1+1"]
)
def test_formulas_become_text(typed: str) -> None:
    assert neutralise(typed) == "'" + typed


@pytest.mark.parametrize("value", ["Un banc place du marché", "1 000 €", "", 12, -3, 2.5, None, "a=b"])
def test_everything_else_is_unchanged(value: object) -> None:
    assert neutralise(value) == value
