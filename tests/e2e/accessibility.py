"""Accessibility checks with axe-core, injected from the copy shipped in axe-playwright-python (no network)."""

import re
from pathlib import Path
from typing import Any

import axe_playwright_python
from playwright.sync_api import BrowserContext, Page

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
_SCRIPT_ELEMENT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)

Violation = dict[str, Any]


def run_axe(page: Page) -> list[Violation]:
    """Inject axe into a page that runs JavaScript and return its WCAG 2.0/2.1 A and AA violations."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate(
        """(tags) => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        list(WCAG_TAGS),
    )
    return results["violations"]


def describe(violations: list[Violation]) -> str:
    """One readable block per violation: rule, impact, help, and the nodes it found."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} [{violation['impact']}]: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    at {node['target']}: {node['html'][:160]}")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


class AxeChecker:
    """Runs axe on the page a test is looking at and fails on serious or critical violations.

    axe needs JavaScript. In a context where JavaScript is off, Playwright cannot evaluate anything in
    the page, so the checker copies the page as the browser built it, drops its scripts (they did not
    run), and serves that copy at the same address to a page of a separate context where JavaScript is
    on: same markup, same style sheets, only axe runs there.
    """

    def __init__(self, *, js_enabled: bool, audit_context: BrowserContext | None = None) -> None:
        self.js_enabled = js_enabled
        self._audit_context = audit_context
        self._audit_page: Page | None = None
        self.checked: list[str] = []

    def violations(self, page: Page) -> list[Violation]:
        """All WCAG A/AA violations on the page, whatever their impact."""
        # A test may call the checker right after a click: wait until the page it leads to has loaded (axe once
        # read an empty document, « <html><head></head><body></body></html> », on a loaded machine).
        page.wait_for_load_state("load")
        if self.js_enabled:
            return run_axe(page)
        return run_axe(self._snapshot(page))

    def __call__(self, page: Page, where: str) -> list[Violation]:
        """Fail when the page has serious or critical violations; return all the violations found."""
        found = self.violations(page)
        blocking = [v for v in found if v.get("impact") in BLOCKING_IMPACTS]
        self.checked.append(where)
        assert not blocking, (
            f"axe: {len(blocking)} serious/critical violation(s) on {where} ({page.url}):\n"
            + describe(blocking)
        )
        return found

    def _snapshot(self, page: Page) -> Page:
        if self._audit_context is None:
            raise RuntimeError("An audit context is needed to check pages rendered without JavaScript.")
        if self._audit_page is None:
            self._audit_page = self._audit_context.new_page()
        html = _SCRIPT_ELEMENT.sub("", page.content())
        address = page.url.split("#", 1)[0]
        self._audit_page.route(
            lambda url: url.split("#", 1)[0] == address,
            lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html),
            times=1,
        )
        self._audit_page.goto("about:blank")  # a later copy of the same address must not be a same-page jump
        self._audit_page.goto(page.url, wait_until="load")
        return self._audit_page
