"""Plain-text helpers: user text is stored as typed and only made safe when shown."""

import datetime as dt
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_URL = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)»"
_NOT_WORD = re.compile(r"[\W_]+")


def linkify(text: str) -> SafeString:
    """Escape user text, keep its paragraphs, and turn bare http(s) links into safe anchors."""
    # Links are found in the text as typed, then each piece is escaped: found in the escaped text, a link
    # would take in entities (« &quot; ») and lose their « ; » as trailing punctuation, changing the text shown.
    parts: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        url = match.group(0)
        trimmed = url.rstrip(_TRAILING)
        parts.append(escape(text[last : match.start()]))
        parts.append(
            f'<a href="{escape(trimmed)}" rel="nofollow ugc noopener noreferrer">{escape(trimmed)}</a>'
        )
        parts.append(escape(url[len(trimmed) :]))
        last = match.end()
    parts.append(escape(text[last:]))
    html = "".join(parts)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", html) if p.strip()]
    # Every piece of the person's text went through escape() above; only our own tags are added.
    return mark_safe("".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs))  # noqa: S308  # nosec  # B308, B703: escaped above


def fold(text: str) -> str:
    """Text reduced to what matching people and addresses should compare: lower case, no accents, and every run
    of spaces, hyphens, apostrophes or other punctuation made one space (« Saint-Étienne » = « saint etienne »)."""
    bare = text.casefold()
    if not bare.isascii():
        bare = "".join(c for c in unicodedata.normalize("NFKD", bare) if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", bare).split())


_DAY = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_day(text: str) -> dt.date | None:
    """A calendar day written 31/12/1980, 1980-12-31, 31-12-1980 or 31.12.1980; None when it is written
    otherwise or does not exist (« 31/02/1980 »)."""
    text = text.strip()
    if match := _DAY.match(text):
        day, _separator, month, year = match.groups()
    elif match := _ISO_DAY.match(text):
        year, month, day = match.groups()
    else:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
