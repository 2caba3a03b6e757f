"""A crawl of the site's pages, shared by the plain-language check (Django's test client) and the browser crawl.

It starts from the home page and from every page of the URLconf that takes no argument, follows the links of each
page it reads (same site, GET), and keeps a bounded, representative set: at most ``per_pattern`` addresses for each
URL pattern (``proposals:detail`` with two proposals, not all two hundred), so every kind of page is seen at least
once and the crawl stays fast. Django admin, the API's JSON, downloads and language switching are left out.
"""

from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

# Not pages of this project's own (admin), not HTML (API), or not to be followed (a language switch, a sign-out).
SKIPPED_PREFIXES = ("/admin/", "/api/", "/i18n/", "/static/", "/media/", "/compte/logout/")


def pattern_of(path: str) -> str | None:
    """The URL pattern an address belongs to (its route), or None when it is not a page to crawl."""
    if path.startswith(SKIPPED_PREFIXES):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route or match.view_name


def argument_free_pages() -> list[str]:
    """Every address of the URLconf that needs no argument (the list pages, the sign-in and sign-up pages)."""
    found: list[str] = []

    def walk(patterns: Iterable[URLPattern | URLResolver], prefix: str) -> None:
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if "<" in route or "(" in route or "^" in route:
                continue
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            else:
                found.append("/" + route)

    walk(get_resolver().url_patterns, "")
    return sorted({page for page in found if pattern_of(page) is not None})


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def links_of(html: str, base_path: str) -> list[str]:
    """The site's own addresses a page links to (path and query, without the fragment)."""
    parser = _Links()
    parser.feed(html)
    paths = []
    for href in parser.links:
        href, _fragment = urldefrag(href)
        parts = urlsplit(href)
        if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != "testserver"):
            continue
        if not parts.path:
            continue
        path = parts.path if parts.path.startswith("/") else base_path.rsplit("/", 1)[0] + "/" + parts.path
        paths.append(path + (f"?{parts.query}" if parts.query else ""))
    return paths


def crawl(fetch: Callable[[str], str | None], *, per_pattern: int = 2, limit: int = 400) -> Iterator[str]:
    """Visit pages breadth first from the home page and the argument-free pages; ``fetch`` returns a page's HTML
    (None when it is not an HTML page). Yields each address visited."""
    queue = ["/", *argument_free_pages()]
    seen: set[str] = set()
    per: dict[str, int] = {}
    while queue and len(seen) < limit:
        address = queue.pop(0)
        if address in seen:
            continue
        pattern = pattern_of(urlsplit(address).path)
        if pattern is None or per.get(pattern, 0) >= per_pattern:
            continue
        seen.add(address)
        per[pattern] = per.get(pattern, 0) + 1
        html = fetch(address)
        yield address
        if html is not None:
            queue.extend(link for link in links_of(html, urlsplit(address).path) if link not in seen)
