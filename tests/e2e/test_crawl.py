"""Every kind of page of the demo, on a phone (320 px) and on a desktop screen, signed out and as the town's agent.

Each page must load nothing from another host (a third-party request: fonts, tiles, scripts from a CDN), never
scroll sideways (the document no wider than the window) and have no serious or critical axe-core violation.

The bound: the crawl (``tests.crawl``) starts at the home page and the URLconf's pages without arguments, follows
links, and keeps at most ``PER_PATTERN`` addresses per URL pattern (two proposals, two bouquets... not all of
them): every distinct page of the site is seen, at most twice. Each page is loaded once per person and checked at
both widths (the window is resized, the page is not reloaded). Failures are gathered and reported together.
"""

from collections.abc import Callable

import pytest
from django.core.management import call_command
from playwright.sync_api import BrowserContext, Page, Request
from playwright.sync_api import Error as PlaywrightError
from pytest_django.live_server_helper import LiveServer

from bouquet.accounts.models import Role, User
from tests.crawl import crawl
from tests.e2e.accessibility import BLOCKING_IMPACTS, describe, run_axe

PER_PATTERN = 2
WIDTHS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1280, "height": 900}}

pytestmark = pytest.mark.slow


def _check_pages(page: Page, base_url: str) -> tuple[list[str], dict[str, list[str]]]:
    """Crawl from the page's context; return the addresses seen and the problems found on each."""
    outside: list[str] = []

    def watch(request: Request) -> None:
        # chrome: and chrome-extension: are the browser's own viewer (a PDF the site serves), not another host
        if not request.url.startswith((base_url, "data:", "blob:", "about:", "chrome:", "chrome-extension:")):
            outside.append(request.url)

    page.on("request", watch)
    problems: dict[str, list[str]] = {}

    def fetch(address: str) -> str | None:
        try:
            response = page.goto(address)
        except PlaywrightError:  # an answer without a body (405 to a GET): not a page
            return None
        if (
            response is None
            or response.status != 200
            or "text/html" not in response.headers.get("content-type", "")
        ):
            outside.clear()  # what a file (a PDF, a CSV) made the browser load is not the next page's
            return None
        found = []
        for name, size in WIDTHS.items():
            page.set_viewport_size(size)
            scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
            if scroll_width > size["width"]:
                found.append(f"{name}: scrolls sideways ({scroll_width} px wide for {size['width']} px)")
            blocking = [v for v in run_axe(page) if v.get("impact") in BLOCKING_IMPACTS]
            if blocking:
                found.append(f"{name}: axe\n{describe(blocking)}")
        if outside:
            found.append(f"third-party requests: {sorted(set(outside))}")
            outside.clear()
        if found:
            problems[address] = found
        return page.content()

    seen = list(crawl(fetch, per_pattern=PER_PATTERN))
    page.remove_listener("request", watch)
    return seen, problems


@pytest.mark.django_db(transaction=True)
def test_every_page_fits_a_phone_loads_nothing_from_elsewhere_and_passes_axe(
    context: BrowserContext, page: Page, live_server: LiveServer, log_in: Callable[[User], None]
) -> None:
    call_command("seed_demo", verbosity=0)
    report: dict[str, list[str]] = {}
    counts = {}
    seen, problems = _check_pages(page, live_server.url)
    counts["visitor"] = len(seen)
    report |= {f"visitor {a}": p for a, p in problems.items()}

    context.clear_cookies()
    agent = User.objects.filter(role=Role.AGENT).order_by("pk").first()
    assert agent is not None
    log_in(agent)
    seen, problems = _check_pages(page, live_server.url)
    counts["agent"] = len(seen)
    report |= {f"agent {a}": p for a, p in problems.items()}

    assert counts["visitor"] > 20 and counts["agent"] > counts["visitor"] / 2, counts
    assert not report, "\n".join(f"{where}:\n  " + "\n  ".join(found) for where, found in report.items())
