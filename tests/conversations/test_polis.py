"""Exports in the Pol.is layout and their import back, and the refusal of bad files (nothing half-saved)."""

import csv
import io
import zipfile

import pytest

from bouquet.conversations import exports, flows, services
from bouquet.conversations.models import Conversation, StatementState, Vote
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from tests.conversations.conftest import camps
from tests.factories import ProcessFactory, UserFactory

pytestmark = pytest.mark.django_db

COMMENTS = "timestamp,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
VOTES = "timestamp,datetime,comment-id,voter-id,vote\n"


def _files(comments: str, votes: str) -> dict[str, bytes]:
    return {"comments.csv": comments.encode(), "votes.csv": votes.encode()}


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_an_export_imports_back_as_the_same_conversation(conversation, facilitator):
    camps(conversation, people=12)
    conversation.statements.filter(pk=conversation.statements.last().pk).update(state=StatementState.REJECTED)
    flows.ask_for_map(conversation.pk)
    archive = exports.polis_zip(conversation)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        assert sorted(opened.namelist()) == sorted(exports.POLIS_FILES)
        files = {name: opened.read(name) for name in opened.namelist()}
    copy = services.import_polis(by=facilitator, process=ProcessFactory(), files=files)
    assert copy.question == conversation.question
    assert [(s.text, s.state) for s in copy.statements.order_by("id")] == [
        (s.text, s.state) for s in conversation.statements.order_by("id")
    ]
    assert copy.participants.count() == 12
    original = sorted(Vote.objects.filter(conversation=conversation).values_list("value", flat=True))
    assert sorted(Vote.objects.filter(conversation=copy).values_list("value", flat=True)) == original
    assert exports.votes_csv(copy).splitlines()[1:] and len(_rows(exports.votes_csv(copy))) == 120
    # Exported again, the files say the same (the Pol.is numbering follows the order of creation).
    again = {row["comment-id"]: row["comment-body"] for row in _rows(exports.comments_csv(copy))}
    first = {row["comment-id"]: row["comment-body"] for row in _rows(files["comments.csv"].decode())}
    assert again == first


def test_participants_votes_has_a_column_per_statement_and_the_groups(conversation):
    camps(conversation, people=20)
    flows.ask_for_map(conversation.pk)
    rows = _rows(exports.participants_votes_csv(conversation))
    assert len(rows) == 20
    assert {row["group-id"] for row in rows} == {"0", "1"}
    assert rows[0]["n-votes"] == "10" and "9" in rows[0]


def test_the_latest_vote_of_a_pair_wins_on_import(facilitator):
    conversation = services.import_polis(
        by=facilitator,
        process=ProcessFactory(),
        files=_files(
            COMMENTS + "1,0,0,0,0,1,Des bancs partout\n", VOTES + "1,x,0,7,1\n3,x,0,7,-1\n2,x,0,7,0\n"
        ),
    )
    assert list(Vote.objects.filter(conversation=conversation).values_list("value", flat=True)) == [-1]


@pytest.mark.parametrize(
    ("comments", "votes", "message"),
    [
        ("comment-id,moderated\n0,1\n", VOTES, "« comment-body »"),
        (COMMENTS + "1,0,0,0,0,1,Des bancs\n", "comment-id,vote\n0,1\n", "« voter-id »"),
        (COMMENTS + "1,0,0,0,0,1,Des bancs\n", VOTES + "1,x,0,7,2\n", "vote « 2 » inconnu"),
        (COMMENTS + "1,0,0,0,0,1,Des bancs\n1,0,0,0,0,1,Encore\n", VOTES, "en double"),
        (COMMENTS + "1,0,0,0,0,1,Des bancs\n", VOTES + "1,x,0,7,1\n1,x,0,7,1\n", "en double"),
        (COMMENTS + "1,0,0,0,0,1,Des bancs\n", VOTES + "1,x,4,7,1\n", "n'est pas dans comments.csv"),
    ],
    ids=[
        "missing-body",
        "missing-voter",
        "unknown-value",
        "duplicate-comment",
        "duplicate-vote",
        "unknown-comment",
    ],
)
def test_a_bad_export_is_refused_in_french_and_nothing_is_saved(facilitator, comments, votes, message):
    with pytest.raises(InvalidInput) as refused:
        services.import_polis(by=facilitator, process=ProcessFactory(), files=_files(comments, votes))
    assert message in str(refused.value.message)
    assert not Conversation.objects.exists() and not Vote.objects.exists()


def test_a_missing_file_is_named(facilitator):
    with pytest.raises(InvalidInput) as refused:
        services.import_polis(
            by=facilitator, process=ProcessFactory(), files={"comments.csv": b"comment-id\n"}
        )
    assert "comment-body" in str(refused.value.message) or "votes.csv" in str(refused.value.message)


def test_only_facilitators_import():
    with pytest.raises(ActionNotAllowed):
        services.import_polis(by=UserFactory(), process=ProcessFactory(), files={})


def test_the_officers_csv_is_formula_safe(conversation, citizen):
    participant = services.participant_for_user(conversation=conversation, user=citizen)
    services.add_statement(participant=participant, text='=HYPERLINK("http://exemple.fr") des bancs')
    text = exports.officers_csv(conversation)
    assert "'=HYPERLINK" in text
    assert text.splitlines()[0].startswith("numéro;affirmation;état")


@pytest.mark.shared_data
def test_a_shipped_polis_conversation_imports(shared_data, facilitator):
    folder = shared_data / "polis" / "scoop-hivemind.freshwater"
    files = {name: (folder / name).read_bytes() for name in ("comments.csv", "votes.csv", "summary.csv")}
    conversation = services.import_polis(by=facilitator, process=ProcessFactory(), files=files)
    assert conversation.statements.count() > 10 and conversation.votes.count() > 1000
    flows.ask_for_map(conversation.pk)
    assert len(conversation.map_snapshot.data["groups"]) >= 2
