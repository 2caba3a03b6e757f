"""User text is escaped, links are made safe, paragraphs kept."""

import datetime as dt

from bouquet.core.text import fold, linkify, parse_day


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


def test_fold_ignores_case_accents_spaces_hyphens_and_punctuation():
    assert fold("  Saint-Étienne ") == "saint etienne"
    assert fold("3, place de l'Église") == fold("3 PLACE DE L EGLISE") == "3 place de l eglise"
    assert fold("ŒUVRE Straße") == "œuvre strasse"
    assert fold("--") == ""


def test_parse_day_reads_french_and_iso_dates_and_refuses_days_that_do_not_exist():
    assert (
        parse_day("14/07/1985") == parse_day("1985-07-14") == parse_day("14.07.1985") == dt.date(1985, 7, 14)
    )
    assert parse_day("29/02/1980") == dt.date(1980, 2, 29)
    assert parse_day("31/02/1980") is None
    assert parse_day("29/02/1981") is None
    assert parse_day("demain") is None
