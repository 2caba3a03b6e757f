"""User text is escaped, links are made safe, paragraphs kept."""

from bouquet.core.text import linkify


def test_html_is_escaped():
    assert "<script>" not in linkify("<script>alert(1)</script>")
    assert "&lt;script&gt;" in linkify("<script>alert(1)</script>")


def test_links_become_safe_anchors_without_trailing_punctuation():
    html = linkify("Voir https://exemple.fr/page?a=1&b=2.")
    assert '<a href="https://exemple.fr/page?a=1&amp;b=2" rel="nofollow ugc noopener noreferrer">' in html
    assert html.endswith(".</p>")


def test_javascript_urls_are_not_linked():
    assert "<a " not in linkify("javascript:alert(1)")


def test_paragraphs_and_line_breaks():
    assert linkify("Un\n\nDeux\ntrois") == "<p>Un</p><p>Deux<br>trois</p>"
