"""The API's documentation page (footer link « API ouverte ») in Chromium: Swagger UI from the site's own static
files renders every operation of the schema, under the strict Content-Security-Policy (the ``page`` fixture fails
on anything it blocks), and the browser asks nothing of any other origin."""

from django.test import Client
from playwright.sync_api import Page, Request, expect
from pytest_django.live_server_helper import LiveServer

from tests.factories import ProcessFactory


def test_api_docs_render_every_operation_without_third_party_requests(
    page: Page, live_server: LiveServer
) -> None:
    ProcessFactory()
    schema = Client().get("/api/v1/openapi.json").json()
    summaries = {operation["summary"] for item in schema["paths"].values() for operation in item.values()}
    requested: list[str] = []

    def note(request: Request) -> None:
        requested.append(request.url)

    page.on("request", note)

    page.goto("/")
    page.get_by_role("link", name="API ouverte").click()
    expect(page.get_by_role("heading", name="API ouverte", level=1)).to_be_visible()
    operations = page.locator(".opblock-summary-description")
    expect(operations.first).to_be_visible()
    expect(operations).to_have_count(len(summaries))
    assert set(operations.all_inner_texts()) == summaries

    # Opening an operation shows its parameters and answers, from the same schema.
    page.locator(".opblock-summary", has_text="Published processes").first.click()
    expect(page.locator(".opblock-body").first).to_contain_text("page_size")

    outside = [
        url
        for url in requested
        if not url.startswith(live_server.url) and not url.startswith(("data:", "blob:", "about:"))
    ]
    assert outside == [], f"third-party requests: {outside}"
    assert any(url.endswith("/static/ninja/swagger-ui-bundle.js") for url in requested)
