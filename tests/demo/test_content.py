"""The demo's data files load into typed content, and a malformed file is reported with its name and place."""

import csv
import shutil
from pathlib import Path

import pytest

from bouquet.accounts.models import Role
from bouquet.demo.content import DATA_DIR, ContentError, load
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Origin, Status


def _records(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_record_of_the_files_is_loaded_and_typed() -> None:
    content = load()
    assert len(content.proposals) == len(_records("proposals.csv"))
    assert len(content.comments) + sum(len(c.replies) for c in content.comments) == len(
        _records("comments.csv")
    )
    assert len(content.residents) == len(_records("residents.csv"))
    # Every process has proposals, except last year's budget (only its results are shown).
    assert {p.slug for p in content.processes} - {p.process_slug for p in content.proposals} == {
        content.budget.previous_process_slug
    }
    assert all(isinstance(p.origin, Origin) and isinstance(p.status, Status) for p in content.proposals)
    assert all(isinstance(ph.kind, PhaseKind) for p in content.processes for ph in p.phases)
    assert any(s.role == Role.AGENT for s in content.staff)
    # Paragraphs survive the TOML multi-line strings; no text keeps the file's surrounding line breaks.
    assert all("\n\n" in p.description for p in content.processes)
    assert all(p.description == p.description.strip() for p in content.processes)
    located = [p for p in content.proposals if p.place is not None]
    assert located and all(-90 <= p.place[0] <= 90 for p in located if p.place)


def test_replies_stay_under_their_comment_in_file_order() -> None:
    rows = _records("comments.csv")
    first_reply = next(r for r in rows if r["reply_to"])
    parent = next(r for r in rows if r["id"] == first_reply["reply_to"])
    thread = next(c for c in load().comments if c.body == parent["body"])
    assert thread.proposal_id == int(parent["proposal"])
    assert thread.replies[0] == first_reply["body"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the data files that a test may break."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


def _edit(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("town.toml", "radius_km = 0.6", "radius_km = ", r"^town\.toml : TOML invalide : .*line 15"),
        (
            "processes.toml",
            'kind = "information"',
            'kind = "informations"',
            r"^processes\.toml, clé « processes\[1\]\.phases\[1\]\.kind » : « informations » n'est pas",
        ),
        (
            "processes.toml",
            'title = "Réinventons la place des Tilleuls"\n',
            "",
            r"^processes\.toml, clé « processes\[1\]\.title » : manquante",
        ),
        (
            "processes.toml",
            "days = [-75, -21]",
            "days = [-21, -75]",
            r"^processes\.toml, clé « processes\[1\]\.phases\[1\]\.days » : la phase finit",
        ),
        ("town.toml", 'role = "agent"', 'role = "mayor"', r"^town\.toml, clé « staff\[1\]\.role »"),
        (
            # A process that never opens for proposals cannot receive the file's proposals.
            "processes.toml",
            'kind = "proposals"',
            'kind = "information"',
            r"^proposals\.csv, ligne 2, colonne « process » : « place-des-tilleuls » n'est pas",
        ),
        ("budget.toml", "amount = 150000", 'amount = "beaucoup"', r"^budget\.toml, clé « open\.amount »"),
        (
            "proposals.csv",
            "46.92329,",
            "nord,",
            r"^proposals\.csv, ligne 2, colonne « latitude » : un nombre .* « nord »",
        ),
        (
            "proposals.csv",
            ",nature-en-ville,46.92301",
            ",nature,46.92301",
            r"^proposals\.csv, ligne 3, colonne « theme » : « nature » n'est pas l'une des valeurs possibles",
        ),
        (
            "proposals.csv",
            ",online,under_study,Le diagnostic",
            ",online,lost,Le diagnostic",
            r"^proposals\.csv, ligne 4, colonne « status »",
        ),
        (
            "proposals.csv",
            "origin,status,answer\n",
            "origin,status,réponse\n",
            r"^proposals\.csv, ligne 1 : colonne\(s\) manquante\(s\) « answer »",
        ),
        (
            "proposals.csv",
            "\n2,place-des-tilleuls,",
            "\n1,place-des-tilleuls,",
            r"^proposals\.csv, ligne 3, colonne « id »",
        ),
        ("comments.csv", "\n2,1,1,", "\n2,1,9,", r"^comments\.csv, ligne 3, colonne « reply_to »"),
        (
            "comments.csv",
            "\n1,1,,",
            "\n1,999,,",
            r"^comments\.csv, ligne 2, colonne « proposal » : aucune proposition",
        ),
        (
            "residents.csv",
            "Monique,Berthelot,centre-historique",
            "Monique,Berthelot,centre",
            r"^residents\.csv, ligne 2",
        ),
    ],
)
def test_a_malformed_file_is_reported_with_its_name_and_place(
    data: Path, name: str, old: str, new: str, message: str
) -> None:
    _edit(data, name, old, new)
    with pytest.raises(ContentError, match=message):
        load(data)


def test_a_missing_file_is_named(data: Path) -> None:
    (data / "comments.csv").unlink()
    with pytest.raises(ContentError, match=r"^comments\.csv : lecture impossible"):
        load(data)
