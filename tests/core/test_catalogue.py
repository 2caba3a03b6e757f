"""The English catalogue must be complete: a fuzzy or empty entry shows French to English readers."""

import gettext
import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "bouquet" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(text: str) -> list[dict[str, str]]:
    """Each entry's flags, msgid and translations (continuation lines joined)."""
    entries = []
    for block in text.split("\n\n"):
        entry: dict[str, str] = {"flags": ""}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += line
            elif line.startswith("#"):
                continue
            elif match := re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line):
                key = match.group(1)
                entry[key] = match.group(2)
            elif line.startswith('"') and key:
                entry[key] += line.strip('"')
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def test_english_catalogue_has_no_fuzzy_or_missing_translation() -> None:
    entries = _entries(CATALOGUE.read_text(encoding="utf-8"))
    assert len(entries) > 800
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    missing = [e["msgid"] for e in entries if any(v == "" for k, v in e.items() if k.startswith("msgstr"))]
    assert fuzzy == []
    assert missing == []


def test_compiled_catalogue_matches_its_source() -> None:
    with CATALOGUE.with_suffix(".mo").open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = [
        e["msgid"]
        for e in _entries(CATALOGUE.read_text(encoding="utf-8"))
        if "msgstr" in e and _unescape(compiled.gettext(_unescape(e["msgid"]))) != _unescape(e["msgstr"])
    ]
    assert stale == []


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\n", "\n")
