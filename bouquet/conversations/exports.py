"""A conversation's exports: the Pol.is export layout (read by that ecosystem's open-data tools) and a CSV for
officers. Every cell people typed goes through ``neutralise``: no spreadsheet runs it as a formula."""

import csv
import io
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _

from bouquet.conversations.models import Conversation, MapSnapshot, StatementState
from bouquet.conversations.selectors import GROUP_LETTERS, counted_statements
from bouquet.core.spreadsheet import neutralise

POLIS_FILES = ("summary.csv", "comments.csv", "votes.csv", "participants-votes.csv")


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def _ids(conversation: Conversation) -> tuple[dict[int, int], dict[int, int]]:
    """Pol.is numbers statements and participants from 0 in their order: the same here, by creation."""
    statements = {
        pk: i for i, pk in enumerate(conversation.statements.order_by("id").values_list("id", flat=True))
    }
    people = {
        pk: i for i, pk in enumerate(conversation.participants.order_by("id").values_list("id", flat=True))
    }
    return statements, people


def _labels(conversation: Conversation) -> dict[int, int]:
    snapshot = MapSnapshot.objects.filter(conversation=conversation).first()
    if snapshot is None:
        return {}
    order = {g["id"]: i for i, g in enumerate(snapshot.data.get("groups", []))}
    return {int(pid): order[g] for pid, g in snapshot.data.get("labels", {}).items() if g in order}


def _stamp(value: Any) -> tuple[int, str]:
    return int(value.timestamp() * 1000), value.strftime("%a %b %d %H:%M:%S UTC %Y")


def comments_csv(conversation: Conversation) -> str:
    """comments.csv: one row per statement, with its counts and moderation (1 shown, -1 set aside, 0 waiting)."""
    sids, pids = _ids(conversation)
    moderated = {StatementState.ACCEPTED: 1, StatementState.REJECTED: -1, StatementState.PENDING: 0}
    rows = []
    s: Any
    for s in counted_statements(conversation):
        timestamp, datetime = _stamp(s.created_at)
        author = pids.get(s.author_id, "") if s.author_id else ""
        rows.append(
            [
                timestamp,
                datetime,
                sids[s.pk],
                author,
                s.agree_count,
                s.disagree_count,
                moderated[StatementState(s.state)],
                s.text,
            ]
        )
    header = [
        "timestamp",
        "datetime",
        "comment-id",
        "author-id",
        "agrees",
        "disagrees",
        "moderated",
        "comment-body",
    ]
    return _csv(header, rows)


def votes_csv(conversation: Conversation) -> str:
    """votes.csv: each participant's latest answer to each statement (1 agree, -1 disagree, 0 pass)."""
    sids, pids = _ids(conversation)
    rows = []
    for updated, sid, pid, value in conversation.votes.order_by("updated_at", "id").values_list(
        "updated_at", "statement_id", "participant_id", "value"
    ):
        timestamp, datetime = _stamp(updated)
        rows.append([timestamp, datetime, sids[sid], pids[pid], value])
    return _csv(["timestamp", "datetime", "comment-id", "voter-id", "vote"], rows)


def participants_votes_csv(conversation: Conversation) -> str:
    """participants-votes.csv: one row per participant, their group and their answer to every statement."""
    sids, pids = _ids(conversation)
    labels = _labels(conversation)
    answers: dict[int, dict[int, int]] = defaultdict(dict)
    for pid, sid, value in conversation.votes.values_list("participant_id", "statement_id", "value"):
        answers[pid][sids[sid]] = value
    authored: dict[int, int] = defaultdict(int)
    for author in conversation.statements.exclude(author=None).values_list("author_id", flat=True):
        authored[author] += 1
    columns = list(range(len(sids)))
    rows = []
    for pk, index in pids.items():
        mine = answers.get(pk, {})
        rows.append(
            [
                index,
                labels.get(pk, ""),
                authored.get(pk, 0),
                len(mine),
                sum(1 for v in mine.values() if v > 0),
                sum(1 for v in mine.values() if v < 0),
            ]
            + [mine.get(c, "") for c in columns]
        )
    header = ["participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree", *map(str, columns)]
    return _csv(header, rows)


def summary_csv(conversation: Conversation, url: str = "") -> str:
    """summary.csv: the conversation in a few key-value rows."""
    snapshot = MapSnapshot.objects.filter(conversation=conversation).first()
    voters = conversation.votes.values("participant_id").distinct().count()
    rows: list[list[Any]] = [
        ["url", url],
        ["voters", voters],
        ["voters-in-conv", snapshot.participant_count if snapshot else 0],
        ["commenters", conversation.statements.exclude(author=None).values("author_id").distinct().count()],
        ["comments", conversation.statements.count()],
        ["groups", len(snapshot.data.get("groups", [])) if snapshot else 0],
        ["conversation-description", conversation.description],
    ]
    return _csv(["topic", conversation.question], rows)


def polis_zip(conversation: Conversation, url: str = "") -> bytes:
    """The four files of the Pol.is export layout, in one zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("summary.csv", summary_csv(conversation, url))
        archive.writestr("comments.csv", comments_csv(conversation))
        archive.writestr("votes.csv", votes_csv(conversation))
        archive.writestr("participants-votes.csv", participants_votes_csv(conversation))
    return out.getvalue()


def officers_csv(conversation: Conversation) -> str:
    """A CSV for officers (French headers, « ; » as spreadsheets in French expect): one row per statement."""
    snapshot = MapSnapshot.objects.filter(conversation=conversation).first()
    data = snapshot.data if snapshot else {}
    speaks_for: dict[int, list[str]] = defaultdict(list)
    for index, group in enumerate(data.get("groups", [])):
        for r in group.get("representative", []):
            speaks_for[r["statement"]].append(GROUP_LETTERS[index % len(GROUP_LETTERS)])
    consensus = data.get("consensus", {})
    divisive = set(data.get("divisive", []))
    rows = []
    s: Any
    for s in counted_statements(conversation):
        votes = s.vote_count
        share = round(100 * s.agree_count / votes) if votes else ""
        if s.pk in consensus.get("agree", []):
            place = _("accord de tous les groupes")
        elif s.pk in consensus.get("disagree", []):
            place = _("désaccord de tous les groupes")
        elif s.pk in divisive:
            place = _("divise les groupes")
        else:
            place = ""
        rows.append(
            [
                s.pk,
                s.text,
                StatementState(s.state).label,
                _("oui") if s.is_seed else _("non"),
                s.agree_count,
                s.disagree_count,
                s.pass_count,
                votes,
                share,
                " ".join(speaks_for.get(s.pk, [])),
                place,
            ]
        )
    header = [
        _("numéro"),
        _("affirmation"),
        _("état"),
        _("de départ"),
        _("d'accord"),
        _("pas d'accord"),
        _("je passe"),
        _("votes"),
        _("part d'accord, en pour cent"),
        _("représente le groupe"),
        _("entre les groupes"),
    ]
    return _csv([str(h) for h in header], rows, delimiter=";")
