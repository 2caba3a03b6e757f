"""Production settings pass Django's deployment checks, and every response carries the security headers."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent


IDENTITY_PROVIDERS = {
    f"{name}_{key}": value
    for name in ("FRANCECONNECT", "PROCONNECT")
    for key, value in (
        ("CLIENT_ID", "bouquet-val-de-loirette"),
        ("SECRET", secrets.token_urlsafe(32)),
        ("SERVER_URL", f"https://{name.lower()}.example.gouv.fr/api/v2"),
    )
}


@pytest.mark.parametrize(
    "optional", [{}, IDENTITY_PROVIDERS], ids=["required-only", "with-identity-providers"]
)
def test_deploy_checks_pass_with_only_the_documented_variables(optional: dict[str, str]) -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "participer.example.fr",
        "BOUQUET_VAR_DIR": str(ROOT / "var"),
        **optional,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/api/v1/processes", "/compte/login/"])
def test_every_response_carries_a_strict_content_security_policy(path: str) -> None:
    response = Client().get(path)
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"].startswith("'self'")
    if response.headers["Content-Type"].startswith("text/html"):
        # Each page's scripts carry this response's nonce, and the policy names it.
        nonce = directives["script-src"].split("'nonce-")[1].split("'")[0]
        assert f'nonce="{nonce}"' in response.content.decode()
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "geolocation=(self)" in response.headers["Permissions-Policy"]
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert response.headers["Referrer-Policy"] == "same-origin"
