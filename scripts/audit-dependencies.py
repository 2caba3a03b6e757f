"""Audit the pinned dependencies (requirements.lock) against the public vulnerability database, with pip-audit.

Known vulnerabilities fail the lint (exit 1). The database lives on the network: where it cannot be reached (an
offline machine, or a package index mirror that does not serve PyPI's JSON API, where pip-audit then skips every
package), the audit did not happen, and this says so loudly instead of failing every `make test` run offline or
passing silently. BOUQUET_REQUIRE_AUDIT=1 turns that case into a failure (for a release check with network)."""

import json
import os
import subprocess  # nosec B404  # runs pip-audit from this virtual environment, no shell, fixed arguments
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
TIMEOUT_S = 180


def _not_done(reason: str) -> int:
    print(f"!! Audit des dépendances NON FAIT : base des vulnérabilités injoignable ({reason}).")
    print(f"!! Dependency audit NOT DONE: vulnerability database unreachable ({reason}).")
    return 1 if os.environ.get("BOUQUET_REQUIRE_AUDIT") == "1" else 0


def main() -> int:
    pip_audit = Path(sys.executable).with_name("pip-audit")
    command = [
        str(pip_audit),
        *("--requirement", str(LOCK)),
        "--no-deps",  # every line of the lock is pinned: nothing to resolve, nothing to install
        "--disable-pip",
        *("--format", "json", "--progress-spinner", "off"),
    ]
    try:
        run = subprocess.run(  # nosec B603  # fixed arguments, no shell
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return _not_done(f"pas de réponse en {TIMEOUT_S} s")
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        last = (run.stderr.strip().splitlines() or ["pip-audit n'a rien répondu"])[-1]
        return _not_done(last[:200])
    dependencies = report.get("dependencies", [])
    audited = [d for d in dependencies if "skip_reason" not in d]
    if dependencies and not audited:
        return _not_done(f"les {len(dependencies)} paquets ont été ignorés par pip-audit")
    vulnerable = [d for d in audited if d.get("vulns")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "aucune"
            print(f"{dependency['name']} {dependency['version']} : {vuln['id']} (corrigé dans : {fixes})")
    skipped = len(dependencies) - len(audited)
    print(
        f"Audit des dépendances : {len(audited)} paquets audités, {skipped} ignorés, "
        f"{len(vulnerable)} avec une vulnérabilité connue."
    )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
