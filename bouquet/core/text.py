"""Plain-text helpers: user text is stored as typed and only made safe when shown."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_URL = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)»"


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
