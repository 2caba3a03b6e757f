"""Benchmark Bouquet's participatory-budgeting rules against pabutools on the same instances.

Usage: python bench/counting.py [--files GLOB ...] [--rules NAME,...] [--pabutools-timeout S] [--refresh]

pabutools runs in a child process killed after --pabutools-timeout seconds (the figure is then a lower
bound, shown as ">S"). Its timings and winners are cached in var/bench_rules_pabutools.json and reused
on later runs (marked "cached") unless --refresh is given, since a single Add1 run can take hours.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
from fractions import Fraction
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bouquet.budgets.counting.catalogue import RULES, meta_threshold, run_rule  # noqa: E402
from bouquet.budgets.counting.models import Ballot, Election, Project  # noqa: E402
from bouquet.budgets.counting.pabulib import parse_pb, write_pb  # noqa: E402
from bouquet.budgets.counting.profile import GroupedProfile  # noqa: E402
from bouquet.budgets.counting.tiebreak import TieBreak  # noqa: E402
from tests.shared_data import missing_shared_data, shared_data_dir  # noqa: E402

DATA = shared_data_dir() / "pabulib"  # ../shared/data/pabulib, or $BOUQUET_SHARED_DATA/pabulib
CACHE = ROOT / "var" / "bench_rules_pabutools.json"
SYNTHETIC = ROOT / "var" / "bench_synthetic_150k.pb"


def build_synthetic(path: Path, voters: int = 150_000, projects: int = 120, seed: int = 7) -> None:
    """A city larger than any in pabulib: skewed popularity, up to 5 approvals per ballot."""
    rng = random.Random(seed)
    ids = [str(100 + j) for j in range(projects)]
    costs = [rng.choice([5, 10, 20, 50, 100, 200, 400, 800]) * 2_500 for _ in ids]
    weights = [1 / (k + 1) ** 0.8 for k in range(projects)]
    ballots = []
    for v in range(voters):
        k = rng.randint(1, 5)
        chosen = sorted(set(rng.choices(range(projects), weights=weights, k=k)))
        ballots.append(Ballot(voter_id=str(v), projects=tuple(ids[j] for j in chosen)))
    election = Election(
        budget=Fraction(sum(costs) // 4),
        projects=[
            Project(id=p, cost=Fraction(c), name=f"Projet {p}") for p, c in zip(ids, costs, strict=True)
        ],
        ballots=ballots,
        meta={"description": "synthetic", "country": "France", "unit": "Synthetique", "instance": "2026"},
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(write_pb(election), encoding="utf-8")


def _pabutools_worker(
    path: str, rules: list[str], order: str, threshold: int | None, conn: Connection
) -> None:
    """Child process: parse with pabutools once, then time each rule and send (rule, seconds, winners)."""
    from bouquet.budgets.counting.reference import load_pabutools, run_pabutools

    pt = load_pabutools()
    election = parse_pb(path)
    start = time.perf_counter()
    parsed = pt["election"].parse_pabulib(path)
    conn.send(("__parse__", time.perf_counter() - start, []))
    for rule in rules:
        start = time.perf_counter()
        winners = run_pabutools(election, rule, TieBreak(order), parsed=parsed, threshold=threshold)
        conn.send((rule, time.perf_counter() - start, winners))
    conn.close()


def time_pabutools(
    path: Path, rules: list[str], order: str, threshold: int | None, timeout: float
) -> dict[str, dict[str, Any]]:
    """Time pabutools on each rule, restarting the child after a rule runs out of time."""
    results: dict[str, dict[str, Any]] = {}
    pending = list(rules)
    ctx = mp.get_context("fork")
    while pending:
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_pabutools_worker, args=(str(path), pending, order, threshold, child))
        proc.start()
        child.close()
        current = "__parse__"
        deadline = time.monotonic() + timeout * 3
        while pending:
            if not parent.poll(max(0.0, deadline - time.monotonic())):
                results[current] = {"seconds": timeout, "timeout": True, "winners": None}
                if current in pending:
                    pending.remove(current)
                break
            try:
                rule, seconds, winners = parent.recv()
            except EOFError:
                results[current] = {"seconds": None, "timeout": False, "winners": None, "error": True}
                if current in pending:
                    pending.remove(current)
                break
            if rule == "__parse__":
                results["__parse__"] = {"seconds": seconds}
            else:
                results[rule] = {"seconds": seconds, "timeout": False, "winners": winners}
                pending.remove(rule)
            current = pending[0] if pending else ""
            deadline = time.monotonic() + timeout
        proc.kill()
        proc.join()
    return results


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--files", nargs="*", help="file names (substrings) to keep; 'synthetic' for the big one"
    )
    parser.add_argument("--rules", default=",".join(RULES), help="comma-separated rule names")
    parser.add_argument("--tie-break", default="id-string", help="tie-breaking order used on both sides")
    parser.add_argument("--pabutools-timeout", type=float, default=300.0, help="seconds per pabutools rule")
    parser.add_argument("--refresh", action="store_true", help="ignore cached pabutools timings")
    parser.add_argument("--no-pabutools", action="store_true", help="time Bouquet only")
    args = parser.parse_args()

    if (missing := missing_shared_data()) is not None:
        print(f"{missing}: only the synthetic city is measured.", file=sys.stderr)
    if not SYNTHETIC.exists():
        build_synthetic(SYNTHETIC)
    paths = sorted(DATA.glob("*.pb"), key=lambda p: p.stat().st_size) + [SYNTHETIC]
    if args.files:
        paths = [
            p for p in paths if any(f in p.name or (f == "synthetic" and p == SYNTHETIC) for f in args.files)
        ]
    rules = [r for r in args.rules.split(",") if r]
    cache: dict[str, Any] = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    rows: list[tuple[str, ...]] = []
    header = ("file", "voters", "rule", "bouquet s", "pabutools s", "ratio", "same", "note")
    for path in paths:
        start = time.perf_counter()
        election = parse_pb(path)
        parse_s = time.perf_counter() - start
        tie = TieBreak(args.tie_break)
        profile = GroupedProfile.from_election(election, tie)
        threshold: int | None = None
        try:
            threshold = meta_threshold(election)
        except ValueError:
            threshold = None
        file_rules = [r for r in rules if r != "greedy_threshold" or threshold is not None]
        ref_rules = [r for r in file_rules if r != "greedy_noskip"]
        key = f"{path.name}|{path.stat().st_size}|{args.tie_break}"
        stored: dict[str, Any] = {} if args.refresh else cache.get(key, {})
        todo = [r for r in ref_rules if r not in stored]
        if todo and not args.no_pabutools:
            fresh = time_pabutools(path, todo, args.tie_break, threshold, args.pabutools_timeout)
            stored.update(fresh)
            cache[key] = stored
            CACHE.parent.mkdir(parents=True, exist_ok=True)
            CACHE.write_text(json.dumps(cache, indent=1))
            fresh_rules = set(fresh)
        else:
            fresh_rules = set()
        print(
            f"# {path.name}: parse {parse_s:.2f} s (Bouquet), {len(profile.group_weights)} distinct ballots",
            flush=True,
        )
        for rule in file_rules:
            start = time.perf_counter()
            outcome = run_rule(election, rule, tie, profile=profile, threshold=threshold, record=False)
            ours = time.perf_counter() - start
            ref = stored.get(rule)
            note, pabu, ratio, same = "", "-", "-", "-"
            city_rule = {"greedy_noskip": "greedy-no-skip", "greedy_threshold": "greedy-threshold"}.get(rule)
            selected = {p.id for p in election.projects if p.extra.get("selected") == "1"}
            if city_rule and election.rule == city_rule and selected:
                note = f"same as the city's 'selected' column: {set(outcome.winners) == selected}; "
            if rule == "greedy_noskip":
                same = "n/a"
                note += "no pabutools rule"
            elif ref is not None and ref.get("seconds") is not None:
                pabu_s = float(ref["seconds"])
                pabu = f">{pabu_s:.0f}" if ref.get("timeout") else f"{pabu_s:.3f}"
                ratio = (
                    f">{pabu_s / max(ours, 1e-6):.0f}x"
                    if ref.get("timeout")
                    else f"{pabu_s / max(ours, 1e-6):.0f}x"
                )
                if ref.get("winners") is not None:
                    same = "yes" if sorted(ref["winners"]) == sorted(outcome.winners) else "NO"
                note += "" if rule in fresh_rules else "cached"
                if ref.get("timeout"):
                    note += " pabutools stopped at timeout"
                    plain = stored.get("mes_card" if "card" in rule else "mes_cost")
                    steps = outcome.details.get("add1_steps")
                    if steps and plain and plain.get("seconds") and not plain.get("timeout"):
                        # pabutools re-runs the whole of MES at every Add1 step: estimate from its plain run.
                        estimate = float(plain["seconds"]) * steps
                        note += (
                            f"; est. {estimate:.0f} s = {steps} steps x plain MES ({estimate / ours:.0f}x)"
                        )
            rows.append((path.stem[:34], str(profile.n_voters), rule, f"{ours:.3f}", pabu, ratio, same, note))
            print("  " + " | ".join(rows[-1]), flush=True)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print()
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
