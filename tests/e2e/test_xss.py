"""The stored XSS corpus in Chromium, JavaScript on: on the pages that show the most payloads, none runs.

Every payload calls ``window.__xss(n)`` (or ``alert(n)``, ``confirm(n)``, ``prompt(n)``) if it ever runs:
the page defines ``__xss`` before any of its own scripts and records dialogs. Beyond that, the test looks at
the DOM the browser built (its parser is the one that counts): no event-handler or ``hx-on`` attribute, no
script URL, no script without the page's nonce (style attributes are left to the test client's check of the
server's HTML: here the map's own script sets styles, through the CSSOM that the policy allows). It hovers and focuses every element and opens every map
popup (built in JavaScript from the proposals' titles), so that a handler would have had its chance.
"""

from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page

from bouquet.accounts.models import Role
from bouquet.bouquets import registry
from tests.factories import UserFactory
from tests.security.xss import XssWorld, build_xss_world, payloads

RECORD = """
window.__xssHits = [];
window.__xss = (n) => { window.__xssHits.push(String(n)); };
"""

# What a payload could have made, as the browser parsed it.
INSPECT = """
() => {
  const found = [];
  const nonce = (document.querySelector("script[nonce]") || {}).nonce || "";
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const bare = attribute.value.replace(/[\\u0000-\\u0020\\u00a0\\u200b-\\u200d\\ufeff]/g, "").toLowerCase();
      if (name.startsWith("on") || name.startsWith("hx-on") || name.startsWith("data-hx-on")) {
        found.push(`${element.tagName} ${name}`);
      }
      if (["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "hx-get", "hx-post"].includes(name)
          && /^(javascript|vbscript|data:text)/.test(bare)) {
        found.push(`${element.tagName} ${name}=${attribute.value}`);
      }
    }
    if (["IFRAME", "OBJECT", "EMBED", "BASE", "FRAME", "FRAMESET", "PORTAL"].includes(element.tagName)) {
      found.push(element.tagName);
    }
  }
  for (const script of document.scripts) {
    if (!script.nonce || script.nonce !== nonce) { found.push(`script without the nonce: ${script.outerHTML.slice(0, 80)}`); }
  }
  return found;
}
"""

STIR = """
() => {
  for (const element of document.querySelectorAll("body *")) {
    element.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    element.dispatchEvent(new FocusEvent("focus"));
  }
  // Open every marker's (or group of markers') popup; count the proposals the popups show (the map builds them
  // from the titles, in JavaScript).
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, {childList: true, subtree: true});
  const markers = document.querySelectorAll(".leaflet-interactive");
  for (const marker of markers) { marker.dispatchEvent(new MouseEvent("click", {bubbles: true})); }
  const popups = observer.takeRecords()
    .flatMap((record) => [...record.addedNodes])
    .filter((node) => node.classList && node.classList.contains("leaflet-popup"))
    .reduce((count, popup) => count + popup.querySelectorAll('a[href^="/propositions/"]').length, 0);
  observer.disconnect();
  return popups;
}
"""


def _pages(world: XssWorld) -> list[tuple[str, str]]:
    slug = world.process.slug
    similar = urlencode({"title": "script onerror onload", "body": "javascript expression"})
    return [
        ("proposals and their map", f"/demarches/{slug}/propositions/?vue=carte"),
        ("a proposal", world.proposals[5].get_absolute_url()),
        ("another proposal", world.proposals[150].get_absolute_url()),
        ("moderation queue", "/moderation/"),
        ("bouquets", f"/demarches/{slug}/bouquets/"),
        ("a bouquet (curator)", world.bouquets[3].get_absolute_url()),
        ("ballot", f"/budgets/{world.open_budget.pk}/voter/"),
        ("results with charts", f"/budgets/{world.closed_budget.pk}/resultats/"),
        ("imported budget", f"/budgets/{world.imported_budget.pk}/"),
        ("imported results", f"/budgets/{world.imported_budget.pk}/resultats/"),
        ("similar proposals", f"/demarches/{slug}/propositions/similaires/?{similar}"),
    ]


def test_no_payload_runs_in_the_browser(page: Page, log_in, monkeypatch: pytest.MonkeyPatch) -> None:
    # The similar proposals page would start loading the sentence encoder in a thread: words are enough here.
    monkeypatch.setattr(registry, "warm_encoder_in_background", lambda: None)
    world = build_xss_world()
    log_in(UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True))
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{dialog.type}: {dialog.message}"), dialog.dismiss()))
    page.add_init_script(RECORD)
    problems: list[str] = []
    popups = 0
    for what, url in _pages(world):
        response = page.goto(url)
        assert response is not None and response.ok, f"{what}: {url} answered {response and response.status}"
        if "vue=carte" in url:
            page.wait_for_selector(".leaflet-interactive", state="attached")
        page.wait_for_load_state("networkidle")
        problems += [f"{what}: {found}" for found in page.evaluate(INSPECT)]
        popups += page.evaluate(STIR)
        if "vue=carte" in url:
            problems += [f"{what} (popups): {found}" for found in page.evaluate(INSPECT)]
        page.wait_for_timeout(50)  # let an event handler or a timer run, if any was made
        hits = page.evaluate("window.__xssHits")
        problems += [f"{what}: payload {n} ran ({payloads()[int(n)]!r})" for n in hits]
    # Every proposal has a place on the map: each marker's or group's popup was opened and showed it.
    assert popups == len(world.proposals)
    assert not dialogs, dialogs
    assert not problems, "\n".join(problems)


CALIBRATE = """
async (corpus) => {
  window.__hits = new Set();
  const hook = "<script>window.__xss = window.alert = window.confirm = window.prompt = "
    + "(n) => parent.__hits.add(String(n));<\\/script>";
  for (let start = 0; start < corpus.length; start += 25) {
    const loaded = corpus.slice(start, start + 25).map((text) => new Promise((resolve) => {
      const frame = document.createElement("iframe");
      frame.onload = resolve;
      setTimeout(resolve, 2000);
      frame.srcdoc = hook + text;
      document.body.appendChild(frame);
    }));
    await Promise.all(loaded);
    await new Promise((resolve) => setTimeout(resolve, 100));
    document.body.replaceChildren();
  }
  return [...window.__hits];
}
"""


def test_the_corpus_runs_when_it_is_not_escaped(page: Page) -> None:
    """Calibration: the same payloads, written raw into a page without any policy, run by themselves (without
    anyone hovering or clicking) for most of them; so « none ran » above is not an accident of the corpus."""
    page.set_content("<!doctype html><html><body></body></html>")
    ran = page.evaluate(CALIBRATE, list(payloads()))
    assert len(ran) >= 100, f"only {len(ran)} of {len(payloads())} payloads ran"
