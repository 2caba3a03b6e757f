"""Browser tests: a real Chromium drives pytest-django's live server (a thread of this process).

Chromium is Debian's (/usr/bin/chromium): Playwright never downloads a browser here. The folder is skipped
when that browser is missing, unless BOUQUET_REQUIRE_BROWSER is set (set it in CI), which turns the skip
into a failure.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright
from pytest_django.live_server_helper import LiveServer

from bouquet.accounts.models import User
from tests.e2e.accessibility import AxeChecker

# Playwright's sync API keeps an asyncio loop running in the main thread; Django's ORM would then refuse
# to run there (in the test body and in pytest-django's database set-up and flush).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

E2E_DIR = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def _browser_required() -> bool:
    value = os.environ.get("BOUQUET_REQUIRE_BROWSER", "").strip().lower()
    return value not in {"", "0", "false", "no", "off"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test of this folder ``e2e`` (so ``-m "not e2e"`` leaves them out)."""
    for item in items:
        if E2E_DIR in item.path.parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM}: browser tests need Debian's chromium package."
        if _browser_required():
            pytest.fail(f"{reason} (BOUQUET_REQUIRE_BROWSER is set)", pytrace=False)
        pytest.skip(reason)
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def js_enabled() -> bool:
    """Whether pages run JavaScript; parametrize this name to run a test both ways."""
    return True


def _new_context(browser: Browser, base_url: str, *, js_enabled: bool) -> BrowserContext:
    context = browser.new_context(
        base_url=base_url,
        java_script_enabled=js_enabled,
        locale="fr-FR",
        timezone_id="Europe/Paris",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    # Nothing leaves the machine: only the live server answers (map tiles, fonts... are refused).
    outside = re.compile(r"^(?!" + re.escape(base_url) + r"(/|$)|data:|about:|blob:)")
    context.route(outside, lambda route: route.abort())
    return context


@pytest.fixture
def context(browser: Browser, live_server: LiveServer, js_enabled: bool) -> Iterator[BrowserContext]:
    """A fresh browser profile (no cookies) for one test, with JavaScript on or off."""
    context = _new_context(browser, live_server.url, js_enabled=js_enabled)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A page whose console is watched: a script or style that the Content-Security-Policy blocks fails the test
    (the browser reports it only there, and the feature would silently stop working)."""
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page
    assert not refused, f"blocked by the Content-Security-Policy: {refused}"


@pytest.fixture
def axe(browser: Browser, live_server: LiveServer, js_enabled: bool) -> Iterator[AxeChecker]:
    """``axe(page, "where")`` fails on serious or critical WCAG 2.0/2.1 A/AA violations of the page."""
    audit_context = None if js_enabled else _new_context(browser, live_server.url, js_enabled=True)
    yield AxeChecker(js_enabled=js_enabled, audit_context=audit_context)
    if audit_context is not None:
        audit_context.close()


@pytest.fixture
def log_in(context: BrowserContext, live_server: LiveServer) -> Callable[[User], None]:
    """Give the browser the session of a user, without going through the login form."""

    def log_in(user: User) -> None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )

    return log_in
