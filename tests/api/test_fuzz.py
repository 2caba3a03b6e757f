"""The API fuzzed from its OpenAPI schema (schemathesis), anonymously and with an API token: a bounded,
deterministic run in the test suite; bench/fuzz_api.py runs a longer one. A server error fails the test."""

import pytest

from tests.api.fuzzing import fuzz_api
from tests.security.world import build_world

pytestmark = pytest.mark.django_db

EXAMPLES = 25  # per operation and per mode of signing in: about 1,000 requests, well under a minute
SEED = 20261201


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "api-token"])
def test_no_operation_answers_a_server_error(signed_in: bool, settings) -> None:
    settings.BOUQUET_LIMITS = {}  # the abuse limits would answer 429 before the requests reach the code
    report = fuzz_api(build_world(), examples=EXAMPLES, seed=SEED, signed_in=signed_in)
    assert report.cases >= EXAMPLES * 10
    assert not report.errors, report.summary() + "\n" + "\n".join(report.errors)
