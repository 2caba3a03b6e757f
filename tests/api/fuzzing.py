"""The API fuzzed from its own OpenAPI schema with schemathesis, shared by the test suite (a bounded run,
tests/api/test_fuzz.py) and the longer run of bench/fuzz_api.py.

Every operation gets generated requests that fit the schema and requests that do not (wrong types, missing
fields, absurd numbers, odd characters), sent in-process to the WSGI application, anonymously and with a
personal API token. Path arguments are drawn half of the time from the objects of the authorisation world
(real processes, proposals, budgets, hidden and unpublished ones included), so that requests reach the code
behind the look-ups rather than stopping at 404. The only check is the one the issue asks for: no answer
is a server error (5xx)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import hypothesis
import schemathesis
from django.test import Client
from hypothesis import HealthCheck, Phase
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.core import NOT_SET

from bouquet.accounts.services import issue_api_token
from tests.security.world import World

SCHEMA_PATH = "/api/v1/openapi.json"
# Which objects of the world each path argument may name (the rest of the time it is generated).
REAL_VALUES: dict[str, tuple[str, ...]] = {
    "slug": ("collect", "supports", "vote", "done", "draft"),
    "pk": ("mine", "hidden", "supportable", "draft_proposal", "open", "closed", "draft_budget", "bouquet"),
}


@dataclass
class FuzzReport:
    """How many requests were sent, and the server errors found (method, path, status, request body)."""

    cases: int = 0
    by_status: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        statuses = ", ".join(f"{status}: {count}" for status, count in sorted(self.by_status.items()))
        return f"{self.cases} cases, {len(self.errors)} server errors ({statuses})"


def _real_path_values(world: World) -> dict[str, list[Any]]:
    return {name: [world.objects[key] for key in keys] for name, keys in REAL_VALUES.items()}


def _case_strategy(operation: Any, real: dict[str, list[Any]]) -> st.SearchStrategy[Any]:
    generated = st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )
    names = [name for name in (operation.path_parameters or ()) if name.name in real]
    if not names:
        return generated

    def with_real(pair: tuple[Any, dict[str, Any]]) -> Any:
        case, chosen = pair
        if case.path_parameters is not None:
            case.path_parameters.update(chosen)
        return case

    chosen = st.fixed_dictionaries({p.name: st.sampled_from(real[p.name]) for p in names})
    return st.one_of(generated, st.tuples(generated, chosen).map(with_real))


def _send(client: Client, case: Any, token: str | None) -> Any:
    """The request a case describes, through Django's test client (same thread, same database)."""
    path = case.formatted_path
    headers = {str(k): str(v) for k, v in (case.headers or {}).items()}
    headers.pop("Authorization", None)
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    body = case.body
    content_type = case.media_type or "application/json"
    data: Any = None
    if body is not NOT_SET and body is not None:
        data = body if isinstance(body, bytes | str) else json.dumps(body)
    query = case.query or {}
    if query:
        path = f"{path}?{urlencode(query, doseq=True)}"
    kwargs: dict[str, Any] = {"headers": headers}
    if data is not None:
        kwargs["content_type"] = content_type
        return client.generic(case.method.upper(), path, data, **kwargs)
    return client.generic(case.method.upper(), path, **kwargs)


def fuzz_api(
    world: World,
    *,
    examples: int,
    seed: int,
    signed_in: bool,
) -> FuzzReport:
    """Send `examples` generated requests to every operation of the API (one person's token when
    `signed_in`), deterministically for a `seed`; report the server errors."""
    client = Client(raise_request_exception=False)
    schema = schemathesis.openapi.from_dict(client.get(SCHEMA_PATH).json())
    token = issue_api_token(user=world.people["other"], name=f"fuzz-{seed}") if signed_in else None
    real = _real_path_values(world)
    report = FuzzReport()
    for result in schema.get_all_operations():
        operation = result.ok()

        @hypothesis.settings(
            max_examples=examples,
            derandomize=False,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            verbosity=hypothesis.Verbosity.quiet,
        )
        @hypothesis.seed(seed)
        @hypothesis.given(case=_case_strategy(operation, real))
        def run(case: Any) -> None:
            response = _send(client, case, token)
            report.cases += 1
            report.by_status[response.status_code] = report.by_status.get(response.status_code, 0) + 1
            if response.status_code >= 500:
                body = case.body if case.body is not NOT_SET else None
                report.errors.append(
                    f"{response.status_code} {case.method.upper()} {case.formatted_path} "
                    f"query={case.query} body={body!r:.300}"
                )

        run()
    return report
