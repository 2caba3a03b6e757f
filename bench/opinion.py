"""Benchmark the opinion map of conversations against red-dwarf (Pol.is's math reimplemented) in the same run.

Usage: python bench/opinion.py [--only NAME ...] [--repeat N] [--threads N] [--no-red-dwarf]

Cases: the four Pol.is conversations of the shared data folder, a generated conversation of 2,000 people x
300 statements (the size at which the product must show a new vote on the map within 2 s), and a generated one
of 20,000 people x 1,000 statements with 10 % of the votes cast. Each engine runs in a child process of its own:
the time is the map computation only (inputs built beforehand; ours: best of --repeat runs, red-dwarf: one run),
the memory is the growth of the child's peak resident memory during the computation. Agreement: groups found by
each, adjusted Rand index of the two groupings, groups whose first representative statement is the same.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.shared_data import missing_shared_data, shared_data_dir  # noqa: E402

CONVERSATIONS = [
    "bg2050-volunteers",
    "scoop-hivemind.affordable-housing",
    "scoop-hivemind.biodiversity",
    "scoop-hivemind.freshwater",
]
GENERATED = {
    "generated 2,000 x 300 (20 %)": (2_000, 300, 0.2, 4),
    "generated 20,000 x 1,000 (10 %)": (20_000, 1_000, 0.1, 3),
}


def load(case: str) -> Any:
    """The vote matrix of a case."""
    if case in GENERATED:
        from tests.conversations.opinion.generated import generated_matrix

        participants, statements, voted, groups = GENERATED[case]
        matrix, _truth = generated_matrix(
            participants, statements, groups=groups, voted=voted, moderated=5, seed=7
        )
        return matrix
    from bouquet.conversations.opinion.polis_export import read_export

    return read_export(shared_data_dir() / "polis" / case).matrix


def _status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS: now, VmHWM: peak since the last reset)."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _start_measure() -> float:
    """Reset the peak resident memory (Linux: clear_refs 5) and return the resident memory now."""
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
    return _status_mb("VmRSS")


def _growth(baseline: float) -> float:
    """How much the peak resident memory rose above the baseline since the reset."""
    return _status_mb("VmHWM") - baseline


def _worker(engine: str, case: str, repeat: int, conn: Connection) -> None:
    """Child process: build the inputs, then time the map computation and send what it found."""
    import warnings

    warnings.simplefilter("ignore")
    import numpy as np

    matrix = load(case)
    # The linear algebra library's threads and buffers start on a first large product: outside the measure.
    warm = np.ones((800, 800))
    np.linalg.eigh(warm @ warm.T)
    np.linalg.qr(warm)
    if engine == "ours":
        from bouquet.conversations.opinion import compute_map

        baseline = _start_measure()
        times = []
        for _run in range(repeat):
            start = time.perf_counter()
            result = compute_map(matrix)
            times.append(time.perf_counter() - start)
        conn.send(
            {
                "seconds": min(times),
                "memory": _growth(baseline),
                "labels": result.labels,
                "tops": {g.id: g.representative[0].statement_id for g in result.groups if g.representative},
            }
        )
    else:
        from reddwarf.implementations.polis import run_pipeline

        votes = [
            {
                "participant_id": matrix.participants[i],
                "statement_id": matrix.statements[j],
                "vote": v,
                "modified": 0,
            }
            for i, j, v in zip(
                matrix.rows.tolist(), matrix.cols.tolist(), matrix.values.tolist(), strict=True
            )
        ]
        baseline = _start_measure()
        start = time.perf_counter()
        result = run_pipeline(votes=votes, mod_out_statement_ids=sorted(matrix.moderated_out), random_state=0)
        seconds = time.perf_counter() - start
        frame = result.participants_df
        conn.send(
            {
                "seconds": seconds,
                "memory": _growth(baseline),
                "labels": {p: int(g) for p, g in frame["cluster_id"].dropna().items()},
                "tops": {int(g): picks[0]["tid"] for g, picks in result.repness.items() if picks},
            }
        )
    conn.close()


def run(engine: str, case: str, repeat: int, timeout: float) -> dict[str, Any] | None:
    """Run one engine on one case in a child process; None if it fails or runs out of time."""
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_worker, args=(engine, case, repeat, child))
    proc.start()
    child.close()
    answer = parent.recv() if parent.poll(timeout) else None
    proc.kill()
    proc.join()
    return answer


def compare(ours: dict[str, Any], theirs: dict[str, Any]) -> tuple[float, str]:
    """Adjusted Rand index of the two groupings, and how many groups share their first representative."""
    from collections import Counter

    from sklearn.metrics import adjusted_rand_score

    common = sorted(set(ours["labels"]) & set(theirs["labels"]), key=str)
    ari = adjusted_rand_score([theirs["labels"][p] for p in common], [ours["labels"][p] for p in common])
    same = 0
    for group, top in ours["tops"].items():
        members = Counter(theirs["labels"][p] for p in common if ours["labels"][p] == group)
        if members and theirs["tops"].get(members.most_common(1)[0][0]) == top:
            same += 1
    return float(ari), f"{same}/{len(ours['tops'])}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", nargs="*", help="cases to keep (substrings of their names)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of our map per case (the best is kept)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds allowed per engine and case")
    parser.add_argument("--no-red-dwarf", action="store_true", help="time our map only")
    parser.add_argument(
        "--threads", type=int, default=None, help="threads of the linear algebra library in both children"
    )
    args = parser.parse_args()
    if args.threads is not None:  # read by OpenBLAS when the spawned children import numpy
        for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[variable] = str(args.threads)

    cases = list(GENERATED)
    if (missing := missing_shared_data()) is not None:
        print(f"{missing}: only the generated conversations are measured.", file=sys.stderr)
    else:
        cases = CONVERSATIONS + cases
    if args.only:
        cases = [c for c in cases if any(o in c for o in args.only)]

    header = (
        f"{'conversation':<34} {'people':>7} {'stmts':>6} {'votes':>9} {'ours s':>8} {'red-dwarf s':>12} "
        f"{'speed-up':>9} {'groups':>7} {'ARI':>6} {'same top':>9} {'ours MB':>8} {'r-d MB':>7}"
    )
    print(header)
    print("-" * len(header))
    for case in cases:
        matrix = load(case)
        ours = run("ours", case, args.repeat, args.timeout)
        theirs = None if args.no_red_dwarf else run("red-dwarf", case, 1, args.timeout)
        if ours is None:
            print(f"{case:<34} our map failed or ran out of time")
            continue
        groups = str(len(set(ours["labels"].values())))
        ari, same, speed, their_time, their_memory = "-", "-", "-", "-", "-"
        if theirs is not None:
            groups += f"/{len(set(theirs['labels'].values()))}"
            found, same = compare(ours, theirs)
            ari = f"{found:.3f}"
            speed = f"{theirs['seconds'] / ours['seconds']:.1f}x"
            their_time = f"{theirs['seconds']:.2f}"
            their_memory = f"{theirs['memory']:.0f}"
        elif not args.no_red_dwarf:
            their_time = f">{args.timeout:.0f}"
        print(
            f"{case:<34} {matrix.shape[0]:>7,} {matrix.shape[1]:>6,} {matrix.rows.size:>9,} "
            f"{ours['seconds']:>8.3f} {their_time:>12} {speed:>9} {groups:>7} {ari:>6} {same:>9} "
            f"{ours['memory']:>8.0f} {their_memory:>7}",
            flush=True,
        )


if __name__ == "__main__":
    main()
