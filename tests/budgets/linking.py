"""The linking attacks of a database administrator on secret ballots, shared by tests/budgets/test_linking_attacks.py
and bench/load.py: every order in which the database offers a budget's ballots, and how many voters an order
pairs with their own ballot when matched against the order in which they voted (what a web log tells)."""

from collections.abc import Callable

from django.db import connection

from bouquet.budgets.models import BallotLine, Budget


def rows(sql: str, params: list[object]) -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def ballot_contents(budget: Budget) -> dict[str, frozenset[int]]:
    """Each ballot's chosen projects, by ballot id."""
    content: dict[str, frozenset[int]] = {}
    for ballot_id, project_id in BallotLine.objects.filter(ballot__budget=budget).values_list(
        "ballot_id", "project_id"
    ):
        content[str(ballot_id)] = content.get(str(ballot_id), frozenset()) | {project_id}
    return content


def ballot_orders(budget: Budget, content: dict[str, frozenset[int]]) -> dict[str, list[str]]:
    """Every order of the budget's ballots that the database offers: physical order (ctid, rowid), ids, dates,
    and on PostgreSQL the transaction ids (xmin) of ballots and of their lines."""
    physical = "ctid" if connection.vendor == "postgresql" else "rowid"
    ids = {key.replace("-", ""): key for key in content}

    def order(sql: str) -> list[str]:
        seen: dict[str, None] = {}
        for (ballot_id,) in rows(sql, [budget.pk]):
            seen.setdefault(str(ballot_id).replace("-", ""), None)
        return [ids[key] for key in seen]

    lines = "SELECT l.ballot_id FROM budgets_ballotline l JOIN budgets_ballot b ON b.id = l.ballot_id "
    attacks: dict[str, Callable[[], list[str]]] = {
        "physical order of ballots": lambda: order(
            f"SELECT id FROM budgets_ballot WHERE budget_id = %s ORDER BY {physical}"  # noqa: S608
        ),
        "physical order of ballot lines": lambda: order(
            f"{lines} WHERE b.budget_id = %s ORDER BY l.{physical}"  # noqa: S608
        ),
        "order of ballot ids": lambda: order(
            "SELECT id FROM budgets_ballot WHERE budget_id = %s ORDER BY id"
        ),
        "order of ballot line ids": lambda: order(f"{lines} WHERE b.budget_id = %s ORDER BY l.id"),  # noqa: S608
        "ballot dates, then physical order": lambda: order(
            f"SELECT id FROM budgets_ballot WHERE budget_id = %s ORDER BY cast_on, {physical}"  # noqa: S608
        ),
    }
    if connection.vendor == "postgresql":
        attacks["transaction ids (xmin) of ballots"] = lambda: order(
            "SELECT id FROM budgets_ballot WHERE budget_id = %s ORDER BY xmin::text::bigint, ctid"
        )
        attacks["transaction ids (xmin) of ballot lines"] = lambda: order(
            f"{lines} WHERE b.budget_id = %s ORDER BY l.xmin::text::bigint, l.ctid"  # noqa: S608
        )
    return {name: attack() for name, attack in attacks.items()}


def paired_right(
    voters_in_order: list[int],
    ballots_in_order: list[str],
    truth: dict[int, frozenset[int]],
    content: dict[str, frozenset[int]],
) -> int:
    """How many voters an attack pairs with their own ballot (the better of both directions)."""
    forward = sum(truth[v] == content[b] for v, b in zip(voters_in_order, ballots_in_order, strict=True))
    backward = sum(
        truth[v] == content[b] for v, b in zip(voters_in_order, reversed(ballots_in_order), strict=True)
    )
    return max(forward, backward)
