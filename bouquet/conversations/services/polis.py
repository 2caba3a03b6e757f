"""Import a Pol.is export (``comments.csv`` and ``votes.csv``, or the zip holding them) as a conversation.

The whole file is checked before anything is saved: missing columns, unknown vote values and duplicate rows are
listed in French, and nothing is kept of a refused file."""

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.conversations.models import (
    IMPORTED_STATEMENT_MAX,
    Access,
    Conversation,
    Moderation,
    Participant,
    Statement,
    StatementState,
    Vote,
)
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from bouquet.core.spreadsheet import UnreadableTable, read_table
from bouquet.processes.models import Process
from bouquet.roles.rules import facilitates

COMMENT_COLUMNS = ("comment-id", "comment-body")
VOTE_COLUMNS = ("comment-id", "voter-id", "vote")
VOTE_VALUES = {"1": 1, "-1": -1, "0": 0}
MAX_ERRORS = 8
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ParsedExport:
    """A checked Pol.is export: statements (id, text, moderated out, seed) and latest votes (voter, id, value)."""

    comments: list[tuple[str, str, bool, bool]]
    votes: list[tuple[str, str, int]]
    topic: str


def files_from_upload(data: bytes, name: str = "") -> dict[str, bytes]:
    """The files of an upload: the CSV files of a zip (by their base name), or the single file itself."""
    if zipfile.is_zipfile(io.BytesIO(data)) and not name.lower().endswith(".xlsx"):
        files: dict[str, bytes] = {}
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                base = info.filename.rsplit("/", 1)[-1]
                if base.endswith(".csv") and info.file_size <= MAX_FILE_BYTES:
                    files[base] = archive.read(info)
        return files
    return {name.rsplit("/", 1)[-1]: data}


def _table(
    files: Mapping[str, bytes], name: str, required: tuple[str, ...]
) -> tuple[list[str], list[list[str]]]:
    if name not in files:
        raise InvalidInput(_("Le fichier %(name)s manque dans l'export Pol.is.") % {"name": name})
    try:
        rows = read_table(files[name])
    except UnreadableTable as error:
        raise InvalidInput(_("%(name)s ne se lit pas : %(why)s") % {"name": name, "why": error}) from error
    if not rows:
        raise InvalidInput(_("%(name)s est vide.") % {"name": name})
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [column for column in required if column not in header]
    if missing:
        raise InvalidInput(
            _("Il manque à %(name)s la ou les colonnes %(columns)s.")
            % {"name": name, "columns": ", ".join(f"« {c} »" for c in missing)}
        )
    return header, rows[1:]


def parse_export(files: Mapping[str, bytes]) -> ParsedExport:
    """Check a Pol.is export and return what it holds; refuse it with every problem found (up to a few)."""
    errors: list[str] = []
    header, rows = _table(files, "comments.csv", COMMENT_COLUMNS)
    col = {name: i for i, name in enumerate(header)}
    comments: list[tuple[str, str, bool, bool]] = []
    seen_comments: set[str] = set()
    for line, row in enumerate(rows, start=2):
        cells = row + [""] * (len(header) - len(row))
        cid = cells[col["comment-id"]].strip()
        body = " ".join(cells[col["comment-body"]].split())
        if not cid:
            errors.append(
                _("comments.csv, ligne %(n)s : l'identifiant de l'affirmation manque.") % {"n": line}
            )
            continue
        if cid in seen_comments:
            errors.append(
                _("comments.csv, ligne %(n)s : l'affirmation %(id)s est en double.") % {"n": line, "id": cid}
            )
            continue
        if not body or len(body) > IMPORTED_STATEMENT_MAX:
            errors.append(
                _("comments.csv, ligne %(n)s : le texte doit tenir en 1 à %(max)s caractères.")
                % {"n": line, "max": IMPORTED_STATEMENT_MAX}
            )
            continue
        seen_comments.add(cid)
        moderated = cells[col["moderated"]].strip() if "moderated" in col else ""
        seed = cells[col["is-seed"]].strip().lower() == "true" if "is-seed" in col else False
        comments.append((cid, body, moderated == "-1", seed))

    vheader, vrows = _table(files, "votes.csv", VOTE_COLUMNS)
    vcol = {name: i for i, name in enumerate(vheader)}
    latest: dict[tuple[str, str], tuple[float, int, int]] = {}  # (voter, comment) -> (timestamp, line, value)
    seen_rows: set[tuple[str, str, str]] = set()
    for line, row in enumerate(vrows, start=2):
        cells = row + [""] * (len(vheader) - len(row))
        cid, voter, raw = (cells[vcol[c]].strip() for c in VOTE_COLUMNS)
        stamp_text = cells[vcol["timestamp"]].strip() if "timestamp" in vcol else ""
        if raw not in VOTE_VALUES:
            errors.append(
                _("votes.csv, ligne %(n)s : vote « %(value)s » inconnu (1, -1 ou 0 attendu).")
                % {"n": line, "value": raw}
            )
            continue
        if cid not in seen_comments:
            errors.append(
                _("votes.csv, ligne %(n)s : l'affirmation %(id)s n'est pas dans comments.csv.")
                % {"n": line, "id": cid}
            )
            continue
        if not voter:
            errors.append(_("votes.csv, ligne %(n)s : l'identifiant du votant manque.") % {"n": line})
            continue
        if (voter, cid, stamp_text) in seen_rows:
            errors.append(
                _("votes.csv, ligne %(n)s : ce vote (votant %(voter)s, affirmation %(id)s) est en double.")
                % {"n": line, "voter": voter, "id": cid}
            )
            continue
        seen_rows.add((voter, cid, stamp_text))
        try:
            stamp = float(stamp_text) if stamp_text else float(line)
        except ValueError:
            errors.append(_("votes.csv, ligne %(n)s : horodatage illisible.") % {"n": line})
            continue
        previous = latest.get((voter, cid))
        if previous is None or (stamp, line) >= previous[:2]:
            latest[(voter, cid)] = (stamp, line, VOTE_VALUES[raw])  # the latest vote of a pair wins
    if errors:
        shown = errors[:MAX_ERRORS]
        more = len(errors) - len(shown)
        message = " ".join(shown)
        if more:
            message += " " + _("Et %(n)s autres problèmes.") % {"n": more}
        raise InvalidInput(_("L'export n'a pas été importé. %(problems)s") % {"problems": message})
    topic = ""
    if "summary.csv" in files:
        try:
            for row in read_table(files["summary.csv"]):
                if len(row) >= 2 and row[0].strip() == "topic":
                    topic = " ".join(row[1].split())
        except UnreadableTable:
            topic = ""
    votes = [(voter, cid, value) for (voter, cid), (_s, _l, value) in latest.items()]
    return ParsedExport(comments=comments, votes=votes, topic=topic)


def _sort_key(identifier: str) -> tuple[int, int | str]:
    return (0, int(identifier)) if identifier.lstrip("-").isdigit() else (1, identifier)


@transaction.atomic
def import_polis(
    *, by: User, process: Process, files: Mapping[str, bytes], question: str = "", source: str = ""
) -> Conversation:
    """Make a conversation from a Pol.is export: its statements, its participants and their latest votes."""
    if not facilitates(by, process):
        raise ActionNotAllowed(
            _("Seuls les agents et les animateurs de cette démarche importent une conversation.")
        )
    parsed = parse_export(files)
    question = " ".join((question or parsed.topic or _("Conversation importée de Pol.is")).split())[:300]
    conversation = Conversation.objects.create(
        process=process,
        question=question,
        participants_may_add=False,
        moderation=Moderation.AFTER,
        access=Access.SIGNED_IN,
        imported_from=(source or "Pol.is")[:200],
        created_by=by,
    )
    statements = Statement.objects.bulk_create(
        Statement(
            conversation=conversation,
            text=text,
            state=StatementState.REJECTED if out else StatementState.ACCEPTED,
            is_seed=seed,
            external_id=cid[:64],
        )
        for cid, text, out, seed in sorted(parsed.comments, key=lambda c: _sort_key(c[0]))
    )
    statement_ids = {s.external_id: s.pk for s in statements}
    voters = sorted({voter for voter, _cid, _value in parsed.votes}, key=_sort_key)
    participants = Participant.objects.bulk_create(
        Participant(conversation=conversation, external_id=voter[:64]) for voter in voters
    )
    participant_ids = {p.external_id: p.pk for p in participants}
    if any(p.pk is None for p in participants) or any(s.pk is None for s in statements):
        # bulk_create returns keys on PostgreSQL and SQLite; read them back where a backend does not
        statement_ids = dict(conversation.statements.values_list("external_id", "id"))
        participant_ids = dict(conversation.participants.values_list("external_id", "id"))
    Vote.objects.bulk_create(
        (
            Vote(
                conversation=conversation,
                participant_id=participant_ids[voter[:64]],
                statement_id=statement_ids[cid[:64]],
                value=value,
            )
            for voter, cid, value in parsed.votes
        ),
        batch_size=2000,
    )
    return conversation
