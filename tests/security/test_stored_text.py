"""Text as people type it survives storage, display and the published files: two faults the XSS corpus found
(neither ran a script)."""

import pytest

from bouquet.budgets.services import ProjectInput, cast_ballot, compute_results, create_project, recount
from bouquet.core.text import linkify
from tests.factories import BudgetFactory, UserFactory, close_vote, open_vote
from tests.security.xss import check_html


@pytest.mark.parametrize(
    "text",
    [
        'voir https://exemple.fr/" onmouseover="x après',
        "http://exemple.fr/<b>gras</b> et la suite",
        '<svg xmlns="http://www.w3.org/2000/svg"/> et la fin',
        "https://exemple.fr/&quot; tel quel",
    ],
)
def test_a_link_in_a_text_keeps_the_text_as_typed(text: str) -> None:
    """Links were found in the escaped text: an entity at a link's end (« &quot; ») lost its « ; » to the
    trailing punctuation rule, and the page showed a character the person had not typed."""
    page = check_html(f"<html><body>{linkify(text)}</body></html>")
    assert not page.problems
    assert not page.missing([text])


@pytest.mark.django_db
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\u2028", "\x85"])
def test_results_are_computed_when_a_project_title_holds_a_line_break(line_break: str) -> None:
    """A title with a line break (typed through the API, or by pasting) made the published file unreadable
    by its own reader: computing the results failed."""
    agent = UserFactory(agent=True)
    budget = BudgetFactory(agent=agent, costs=(10_000,))
    create_project(
        agent=agent,
        budget=budget,
        data=ProjectInput(title=f"Un projet{line_break}sur deux lignes", cost=5_000),
    )
    open_vote(budget)
    for voter in (UserFactory(), UserFactory()):
        cast_ballot(voter=voter, budget=budget, choices={p.pk: 1 for p in budget.projects.order_by("pk")})
    close_vote(budget)
    (result,) = compute_results(agent=agent, budget=budget)
    assert "Un projet sur deux lignes" in result.pb_file
    assert recount(result).ok
