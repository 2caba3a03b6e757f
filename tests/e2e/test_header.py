"""The header folds its menu behind a button on a phone, with and without JavaScript; a wide screen shows it all."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import AxeChecker

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])


@BOTH_WAYS
@pytest.mark.django_db(transaction=True)
def test_the_menu_folds_on_a_phone(page: Page, axe: AxeChecker, js_enabled: bool) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/")
    button = page.locator("summary.menu-button")
    sign_in = page.get_by_role("link", name="Se connecter")
    expect(button).to_be_visible()
    expect(sign_in).to_be_hidden()
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 145  # the issue measured 145 px before the menu folded
    axe(page, "menu fermé")

    button.click()
    expect(sign_in).to_be_visible()
    expect(page.get_by_label("Langue")).to_be_visible()
    axe(page, "menu ouvert")
    button.click()
    expect(sign_in).to_be_hidden()


@BOTH_WAYS
@pytest.mark.django_db(transaction=True)
def test_a_wide_screen_shows_the_menu_without_a_button(page: Page, js_enabled: bool) -> None:
    page.goto("/")
    expect(page.locator("summary.menu-button")).to_be_hidden()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()
    expect(page.get_by_role("link", name="Créer un compte").first).to_be_visible()
