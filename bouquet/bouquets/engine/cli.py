"""Command line: group the proposals of a CSV file into themes and bouquets, without any database."""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tqdm import tqdm

from bouquet.bouquets.engine.engine import Engine, Progress
from bouquet.bouquets.engine.representations import E5Encoder, Encoder, RepresentationUnavailable
from bouquet.bouquets.engine.types import Grouping, MemberStatus, SdgSuggestion
from bouquet.core.spreadsheet import CELL_LIMIT, cell_limit, neutralise

STATUS_FR = {
    MemberStatus.GROUPED: "groupe",
    MemberStatus.PINNED: "groupe",
    MemberStatus.UNGROUPED: "pas_encore_groupe",
    MemberStatus.UNUSABLE: "inutilisable",
}
TEXT_STATUS_FR = {
    "ok": "ok",
    "empty": "texte_vide",
    "non_answer": "non_reponse",
    "too_short": "texte_trop_court",
    "truncated": "texte_tres_long",
    "other_language": "autre_langue",
}
OUTPUT_COLUMNS = (
    "statut",
    "statut_texte",
    "theme",
    "libelle_theme",
    "bouquet",
    "libelle_bouquet",
    "mots_cles_partages",
    "odd",
    "repete_la_ligne",
)


class InputError(Exception):
    """A problem with the input file, reported in French with exit code 2."""


class _TqdmProgress(Progress):
    """Progress bar on stderr."""

    def __init__(self, total: int, desc: str) -> None:
        """Open a tqdm bar."""
        self._bar = tqdm(total=total, desc=desc, unit="texte", file=sys.stderr, leave=False)

    def update(self, n: int) -> None:
        """Advance the bar."""
        self._bar.update(n)

    def close(self) -> None:
        """Close the bar."""
        self._bar.close()


def decode(data: bytes) -> tuple[str, str, str | None]:
    """Decode bytes: utf-8 (with or without BOM), else cp1252, else latin-1; return (text, encoding, warning)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig",):
        try:
            return data.decode(encoding), "utf-8", None
        except UnicodeDecodeError:
            pass
    # Not UTF-8: spreadsheets on Windows export cp1252; latin-1 decodes any byte so nothing is lost.
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return (
            text,
            encoding,
            f"Attention : le fichier n'est pas en UTF-8, lu comme {encoding}. Vérifiez les accents.",
        )
    raise InputError("Encodage du fichier illisible.")  # unreachable: latin-1 accepts every byte


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]], str | None]:
    """Read a CSV (delimiter sniffed among , ; tab |); return header, rows and an encoding warning."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Impossible de lire le fichier « {path} » : {exc.strerror or exc}.") from exc
    if _looks_binary(data):
        raise InputError(
            f"Le fichier « {path} » n'est pas un texte (un tableur enregistré tel quel ?) : "
            "enregistrez-le au format CSV, puis recommencez."
        )
    text, _, warning = decode(data)
    text = text.replace("\x00", "")
    if not text.strip():
        raise InputError(f"Le fichier « {path} » est vide.")
    sample = text[:65536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect, restkey="_colonnes_en_trop")
    header = [h for h in (reader.fieldnames or [])]
    rows = []
    try:
        with cell_limit():
            for row in reader:
                # Short rows get empty cells rather than None, so every row is still written out.
                rows.append(
                    {
                        k: ("" if v is None else (" ".join(v) if isinstance(v, list) else v))
                        for k, v in row.items()
                    }
                )
    except csv.Error as exc:
        limit = f"{CELL_LIMIT:,}".replace(",", "\u202f")
        raise InputError(
            f"Ligne {reader.line_num + 1} : une cellule dépasse {limit} caractères, ou un guillemet n'est jamais "
            f"refermé ({exc})."
        ) from exc
    return header, rows, warning


def _looks_binary(data: bytes) -> bool:
    """Whether the start of a file holds bytes no text export has (an .xlsx, an image, a PDF)."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text (a spreadsheet's "Unicode text" export), read by decode()
    if head.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0", b"\x89PNG")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.1


def _check_columns(header: Sequence[str], wanted: Sequence[str]) -> None:
    """Raise a French error listing available columns when a requested one is missing."""
    missing = [c for c in wanted if c not in header]
    if missing:
        listed = ", ".join(f"« {h} »" for h in header) or "(aucune)"
        raise InputError(
            f"Colonne introuvable : {', '.join(f'« {m} »' for m in missing)}. Colonnes disponibles : {listed}."
        )


def _sdg_text(sdgs: Sequence[SdgSuggestion]) -> str:
    """Render SDG suggestions as '11 Villes et communautés durables (0.41); ...'."""
    return "; ".join(f"{s.number} {s.name} ({s.score:.2f})" for s in sdgs)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]], grouping: Grouping) -> None:
    """Write every input row with its engine columns, in input order."""
    themes = {t.key: t for t in grouping.themes}
    bouquets = {b.key: b for b in grouping.bouquets}
    names = {c: (c if c not in header else f"{c}_moteur") for c in OUTPUT_COLUMNS}
    extra = ["_colonnes_en_trop"] if any("_colonnes_en_trop" in r for r in rows) else []
    fields = [*header, *extra, *names.values()]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for i, row in enumerate(rows):
            m = grouping.memberships[str(i)]
            out = dict(row)
            theme = themes.get(m.theme_key or "")
            bq = bouquets.get(m.bouquet_key or "")
            out[names["statut"]] = STATUS_FR[m.status]
            out[names["statut_texte"]] = TEXT_STATUS_FR.get(m.text_status, m.text_status)
            out[names["theme"]] = m.theme_key or ""
            out[names["libelle_theme"]] = theme.label.text if theme else ""
            out[names["bouquet"]] = m.bouquet_key or ""
            out[names["libelle_bouquet"]] = bq.label.text if bq else ""
            out[names["mots_cles_partages"]] = ", ".join(m.reason.shared_keywords)
            out[names["odd"]] = _sdg_text(m.sdgs)
            # A repeated text points at the row it repeats (1 = first data row), as a person counts lines.
            out[names["repete_la_ligne"]] = str(int(m.copy_of) + 1) if m.copy_of is not None else ""
            # People typed these cells: a spreadsheet opening the result must not run them as formulas.
            writer.writerow({key: neutralise(value) for key, value in out.items()})


CACHE_CHUNK = 10000


def encode_with_cache(
    engine: Engine, texts: Sequence[str], cache: Path, chunk: int = CACHE_CHUNK
) -> np.ndarray:
    """Encoder vectors of every text, kept by chunks in `cache` so that an interrupted run resumes.

    Each chunk's file is named after the encoder and a hash of its texts: an edited file only re-encodes
    the chunks that changed, and a file of the wrong shape (a run killed while writing) is recomputed."""
    cache.mkdir(parents=True, exist_ok=True)
    encoder = engine.encoder
    bar = _TqdmProgress(len(texts), "Encodage")
    parts, reused = [], 0
    for start in range(0, len(texts), chunk):
        part = list(texts[start : start + chunk])
        digest = hashlib.sha256("\x1f".join([encoder.name, *part]).encode("utf-8")).hexdigest()[:32]
        path = cache / f"{encoder.name}-{digest}.npy"
        vectors = None
        if path.exists():
            try:
                vectors = np.load(path, allow_pickle=False)
            except (OSError, ValueError):
                vectors = None
            if vectors is not None and vectors.shape != (len(part), encoder.dim):
                vectors = None
        if vectors is None:
            vectors = engine.encoder_vectors(part)
            temporary = path.with_suffix(".tmp.npy")
            np.save(temporary, vectors)
            os.replace(temporary, path)  # never a half-written file under the final name
        else:
            reused += len(part)
        parts.append(vectors)
        bar.update(len(part))
    bar.close()
    if reused:
        print(f"{reused} textes déjà encodés repris de « {cache} ».", file=sys.stderr)
    return np.vstack(parts) if parts else np.zeros((0, encoder.dim), np.float32)


def build_parser() -> argparse.ArgumentParser:
    """Argument parser (French help)."""
    parser = argparse.ArgumentParser(
        prog="python -m bouquet.bouquets.engine", description="Moteur de bouquets."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("group", help="Regrouper les propositions d'un fichier CSV en thèmes et bouquets.")
    g.add_argument("input", type=Path, help="fichier CSV d'entrée")
    g.add_argument(
        "--text-column",
        action="append",
        required=True,
        help="colonne de texte (répéter pour joindre titre et description)",
    )
    g.add_argument("--id-column", help="colonne d'identifiant (sinon le numéro de ligne)")
    g.add_argument("--themes", type=int, help="nombre de thèmes (sinon choisi automatiquement)")
    g.add_argument("--out", type=Path, required=True, help="fichier CSV de sortie")
    g.add_argument("--no-sdg", action="store_true", help="ne pas suggérer d'ODD")
    g.add_argument(
        "--cache",
        type=Path,
        help="dossier où garder les vecteurs calculés : relancée, une commande interrompue reprend là où elle "
        "s'était arrêtée (utile pour une consultation nationale)",
    )
    q = sub.add_parser(
        "similar",
        help="Indexer les propositions d'un fichier CSV comme le fait la plateforme, puis écrire pour chaque "
        "question ses 10 plus proches voisines et si ce sont des doublons probables.",
    )
    q.add_argument("input", type=Path, help="fichier CSV des propositions à indexer")
    q.add_argument(
        "--text-column", action="append", required=True, help="colonne de texte (répéter pour joindre)"
    )
    q.add_argument("--id-column", required=True, help="colonne d'identifiant des propositions")
    q.add_argument("--queries", type=Path, required=True, help="fichier CSV des nouvelles propositions")
    q.add_argument("--query-column", required=True, help="colonne de texte des nouvelles propositions")
    q.add_argument(
        "--query-id-column", required=True, help="colonne d'identifiant des nouvelles propositions"
    )
    q.add_argument("--out", type=Path, required=True, help="fichier CSV de sortie")
    q.add_argument("--cache", type=Path, help="dossier où garder les vecteurs calculés (voir « group »)")
    return parser


SIMILAR_COLUMNS = ("query_id", "rank", "id", "similarity", "duplicate")


def similar_main(args: argparse.Namespace) -> int:
    """`similar`: index IN.csv as the product does (a grouping), then the 10 nearest of each query."""
    try:
        header, rows, warning = read_rows(args.input)
        if warning:
            print(warning, file=sys.stderr)
        _check_columns(header, [*args.text_column, args.id_column])
        q_header, q_rows, q_warning = read_rows(args.queries)
        if q_warning:
            print(q_warning, file=sys.stderr)
        _check_columns(q_header, [args.query_column, args.query_id_column])
    except InputError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    texts = [". ".join(r.get(c, "").strip() for c in args.text_column if r.get(c, "").strip()) for r in rows]
    # Row numbers inside the engine: the id column may repeat, and no row may be lost.
    # As the product does: the e5 judge decides duplicates when it is installed (decision 0030).
    try:
        judge: Encoder | None = E5Encoder()
    except RepresentationUnavailable as exc:
        print(f"{exc} Les doublons seront jugés par l'encodeur du regroupement.", file=sys.stderr)
        judge = None
    engine = Engine(judge=judge)
    vectors = encode_with_cache(engine, texts, args.cache) if args.cache else None
    judged = encode_with_cache(Engine(judge), texts, args.cache) if args.cache and judge else None
    engine.group(
        texts,
        [str(i) for i in range(len(rows))],
        with_sdgs=False,
        progress=_TqdmProgress,
        encoder_vectors=vectors,
        judge_vectors=judged,
    )
    try:
        with args.out.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(SIMILAR_COLUMNS)
            for q_row in tqdm(q_rows, desc="Recherche", unit="question", file=sys.stderr, leave=False):
                found = engine.similar(q_row.get(args.query_column, ""), k=10, threshold=-1.0)
                for rank, match in enumerate(found, start=1):
                    writer.writerow(
                        [
                            neutralise(q_row.get(args.query_id_column, "")),
                            rank,
                            neutralise(rows[int(match.id)].get(args.id_column, "")),
                            f"{match.similarity:.4f}",
                            1 if match.duplicate else 0,
                        ]
                    )
    except OSError as exc:
        print(f"Erreur : impossible d'écrire « {args.out} » : {exc.strerror or exc}.", file=sys.stderr)
        return 2
    print(
        f"{len(q_rows)} questions cherchées parmi {len(rows)} propositions (seuil de doublon "
        f"{engine.duplicate_cut:.2f}) : résultats dans {args.out}.",
        file=sys.stderr,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 success, 2 bad input)."""
    args = build_parser().parse_args(argv)
    if args.command == "similar":
        return similar_main(args)
    try:
        if args.themes is not None and args.themes < 1:
            raise InputError("--themes doit être un entier positif.")
        header, rows, warning = read_rows(args.input)
        if warning:
            print(warning, file=sys.stderr)
        _check_columns(header, [*args.text_column, *([args.id_column] if args.id_column else [])])
    except InputError as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2
    texts = [". ".join(r.get(c, "").strip() for c in args.text_column if r.get(c, "").strip()) for r in rows]
    # Internal ids are row numbers: the id column may be empty or repeated, and no row may be lost.
    ids = [str(i) for i in range(len(rows))]
    engine = Engine()
    vectors = encode_with_cache(engine, texts, args.cache) if args.cache else None
    grouping = engine.group(
        texts,
        ids,
        themes=args.themes,
        with_sdgs=not args.no_sdg,
        progress=_TqdmProgress,
        encoder_vectors=vectors,
    )
    try:
        write_rows(args.out, header, rows, grouping)
    except OSError as exc:
        print(f"Erreur : impossible d'écrire « {args.out} » : {exc.strerror or exc}.", file=sys.stderr)
        return 2
    grouped = sum(1 for m in grouping.memberships.values() if m.bouquet_key)
    members = grouping.memberships.values()
    unusable = sum(1 for m in members if m.status == MemberStatus.UNUSABLE and m.text_status != "non_answer")
    non_answers = sum(1 for m in members if m.text_status == "non_answer")
    repeats = sum(1 for m in members if m.copy_of is not None)
    print(
        f"{len(rows)} lignes écrites dans {args.out} : {len(grouping.themes)} thèmes, {len(grouping.bouquets)} "
        f"bouquets, {grouped} propositions groupées, {non_answers} non-réponses mises de côté, {repeats} textes "
        f"répétés regroupés avec leur première occurrence, {unusable} autres inutilisables.",
        file=sys.stderr,
    )
    return 0
