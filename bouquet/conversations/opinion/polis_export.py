"""Read a Pol.is export folder (comments.csv and votes.csv) into a vote matrix; no database.

``comments.csv`` needs ``comment-id`` and ``moderated`` (-1 taken out, 0 not yet moderated, 1 accepted) and
may have ``is-meta`` (meta statements are left out of the map, as Pol.is does). ``votes.csv`` needs
``voter-id``, ``comment-id``, ``vote`` (1 agree, -1 disagree, 0 pass) and ``timestamp``; when a person voted
twice on a statement the latest vote wins, and the number of such repeats is reported.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from bouquet.conversations.opinion.matrix import StatementId, VoteMatrix

COMMENT_COLUMNS = ("comment-id", "moderated")
VOTE_COLUMNS = ("voter-id", "comment-id", "vote", "timestamp")
VOTE_VALUES = {"1": 1, "-1": -1, "0": 0, "1.0": 1, "-1.0": -1, "0.0": 0}
TRUE = {"true", "1", "yes", "t"}


class ExportError(ValueError):
    """The export cannot be read; the message is in French, for the person who gave the folder."""


@dataclass
class Export:
    matrix: VoteMatrix
    duplicates: int  # votes replaced by a later vote of the same person on the same statement
    warnings: list[str] = field(default_factory=list)


def _id(value: str) -> int | str:
    return int(value) if value.lstrip("-").isdigit() else value


def _read(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        raise ExportError(f"fichier introuvable : {path}")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [column for column in required if column not in header]
            if missing:
                columns = ", ".join(f"« {column} »" for column in missing)
                raise ExportError(f"{path.name} : colonne(s) manquante(s) : {columns}")
            return list(reader)
    except UnicodeDecodeError as error:
        raise ExportError(f"{path.name} : le fichier n'est pas en UTF-8 ({error.reason})") from error
    except csv.Error as error:
        raise ExportError(f"{path.name} : fichier CSV illisible ({error})") from error


def read_export(folder: Path) -> Export:
    """Read the export; raise ExportError (in French) on a missing file or column, or a value it cannot read."""
    comments = _read(folder / "comments.csv", COMMENT_COLUMNS)
    votes = _read(folder / "votes.csv", VOTE_COLUMNS)

    statements: list[StatementId] = []
    moderated_out: set[StatementId] = set()
    seen: set[str] = set()
    for line, row in enumerate(comments, start=2):
        raw = (row["comment-id"] or "").strip()
        if not raw:
            raise ExportError(f"comments.csv, ligne {line} : identifiant de proposition vide")
        if raw in seen:
            raise ExportError(f"comments.csv, ligne {line} : la proposition {raw} apparaît deux fois")
        seen.add(raw)
        moderated = (row["moderated"] or "").strip()
        if moderated not in {"-1", "0", "1"}:
            raise ExportError(
                f"comments.csv, ligne {line} : valeur de modération inconnue « {moderated} » (attendu -1, 0 ou 1)"
            )
        statement = _id(raw)
        statements.append(statement)
        if moderated == "-1" or (row.get("is-meta") or "").strip().lower() in TRUE:
            moderated_out.add(statement)
    if any(isinstance(s, str) for s in statements):
        statements = [str(s) for s in statements]
        moderated_out = {str(s) for s in moderated_out}
    # Statements in id order (numbers as numbers), so that ties are broken the same way as Pol.is.
    statements.sort(key=lambda s: (isinstance(s, str), s))
    known = {str(s): s for s in statements}

    latest: dict[tuple[int | str, StatementId], tuple[int, int, int]] = {}  # -> (timestamp, line, vote)
    duplicates = 0
    for line, row in enumerate(votes, start=2):
        voter = (row["voter-id"] or "").strip()
        comment = (row["comment-id"] or "").strip()
        value = (row["vote"] or "").strip()
        stamp = (row["timestamp"] or "").strip()
        if not voter:
            raise ExportError(f"votes.csv, ligne {line} : identifiant de participant vide")
        voted_on = known.get(comment)
        if voted_on is None:
            raise ExportError(f"votes.csv, ligne {line} : vote sur une proposition inconnue « {comment} »")
        vote = VOTE_VALUES.get(value)
        if vote is None:
            raise ExportError(
                f"votes.csv, ligne {line} : valeur de vote inconnue « {value} » (attendu 1 pour d'accord, "
                "-1 pour pas d'accord, 0 pour passer)"
            )
        try:
            timestamp = int(float(stamp))
        except ValueError:
            raise ExportError(f"votes.csv, ligne {line} : horodatage illisible « {stamp} »") from None
        key = (_id(voter), voted_on)
        previous = latest.get(key)
        if previous is not None:
            duplicates += 1
            if (timestamp, line) < previous[:2]:
                continue
        latest[key] = (timestamp, line, vote)

    ordered = sorted(latest.items(), key=lambda item: item[1][:2])
    matrix = VoteMatrix.from_votes(
        ((voter, statement, vote) for (voter, statement), (_t, _l, vote) in ordered),
        statements,
        moderated_out,
    )
    warnings = []
    if duplicates:
        warnings.append(
            f"{duplicates} vote(s) en double (même participant, même proposition) : le plus récent a été gardé"
        )
    return Export(matrix=matrix, duplicates=duplicates, warnings=warnings)
