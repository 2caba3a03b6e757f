"""The staged import service: a file kept until confirmed, its good rows imported once and atomically, the same
file refused the second time. The kind used here imports themes (a small real model)."""

import io
from collections.abc import Iterator

import openpyxl
import pytest
from django.utils.text import slugify

from bouquet.accounts.models import User
from bouquet.accounts.rules import is_agent
from bouquet.core import imports, tabular
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.models import ImportRecord
from bouquet.proposals.models import Theme
from tests.factories import UserFactory


def _save_themes(*, user: User, rows: list[tabular.GoodRow], scope: int | None) -> int:
    for row in rows:
        name = str(row.values["name"])
        if name == "Panne":
            raise InvalidInput("panne au milieu de l'import")
        Theme.objects.create(name=name, slug=slugify(name))
    return len(rows)


THEMES = imports.ImportKind(
    code="test-themes",
    label="Thèmes",
    fields=lambda scope: [
        tabular.Field("name", "nom", parse=tabular.text(max_length=80), synonyms=("thème",)),
        tabular.Field("colour", "couleur", required=False),
    ],
    allowed=lambda user, scope: bool(is_agent(user)),
    save=_save_themes,
)


@pytest.fixture(autouse=True)
def themes_kind() -> Iterator[imports.ImportKind]:
    imports.register(THEMES)
    yield THEMES


@pytest.fixture
def agent(db: None) -> User:
    return UserFactory(agent=True)


def _stage(agent: User, data: bytes) -> ImportRecord:
    return imports.stage_import(user=agent, kind=THEMES, scope=None, filename="themes.csv", data=data)


def test_a_file_is_staged_with_its_guessed_mapping_then_imported_once(agent: User) -> None:
    data = "Thème;Couleur\nArbres;vert\n;rouge\nVélo;bleu\n".encode("cp1252")
    record = _stage(agent, data)
    assert record.mapping == {"name": 0, "colour": 1}
    preview = imports.preview_import(record=record, kind=THEMES)
    assert [row.values["name"] for row in preview.good] == ["Arbres", "Vélo"]
    assert [(row.line, row.reason) for row in preview.bad] == [(3, "« nom » manquant")]

    done = imports.confirm_import(user=agent, record=record)
    assert (done.status, done.rows_read, done.rows_imported, done.rows_refused) == ("done", 3, 2, 1)
    assert done.data == b""  # the file (which may hold personal data) is not kept
    assert sorted(Theme.objects.values_list("name", flat=True)) == ["Arbres", "Vélo"]

    with pytest.raises(Conflict, match="déjà été importé"):
        _stage(agent, data)
    with pytest.raises(Conflict, match="déjà terminé"):
        imports.confirm_import(user=agent, record=done)
    assert Theme.objects.count() == 2


def test_two_stagings_of_one_file_import_it_once(agent: User) -> None:
    data = b"nom\nArbres\n"
    first, second = _stage(agent, data), _stage(agent, data)
    imports.confirm_import(user=agent, record=first)
    with pytest.raises(Conflict, match="déjà été importé"):
        imports.confirm_import(user=agent, record=second)
    assert Theme.objects.count() == 1


def test_a_failure_while_saving_imports_nothing(agent: User) -> None:
    record = _stage(agent, b"nom\nArbres\nPanne\nVelo\n")
    with pytest.raises(InvalidInput, match="panne"):
        imports.confirm_import(user=agent, record=record)
    assert Theme.objects.count() == 0
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.STAGED
    # once the failure is gone the same file may still be imported
    assert not ImportRecord.objects.filter(status="done").exists()


def test_missing_columns_are_chosen_by_hand(agent: User) -> None:
    record = _stage(agent, b"libelle,teinte\nArbres,vert\n")
    assert imports.preview_import(record=record, kind=THEMES).missing[0].name == "name"
    with pytest.raises(InvalidInput, match="Choisissez d'abord une colonne"):
        imports.confirm_import(user=agent, record=record)
    with pytest.raises(InvalidInput, match="Choisissez une colonne pour : « nom »"):
        imports.choose_mapping(user=agent, record=record, mapping={"name": "", "colour": "1"})
    with pytest.raises(InvalidInput, match="Une même colonne"):
        imports.choose_mapping(user=agent, record=record, mapping={"name": "0", "colour": "0"})
    imports.choose_mapping(user=agent, record=record, mapping={"name": "0", "colour": "1"})
    imports.confirm_import(user=agent, record=record)
    assert Theme.objects.get().name == "Arbres"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "vide"),
        (b"nom\n", "aucune ligne sous la ligne des titres"),
        ("nom\nArbres\n".encode("utf-32"), "Encodage du fichier inconnu"),
        (b"PK\x03\x04broken", "illisible"),
    ],
)
def test_unreadable_files_are_refused_in_french(agent: User, data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        _stage(agent, data)
    assert not ImportRecord.objects.exists()


def test_an_xlsx_file_is_read_like_a_csv(agent: User) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nom", "Couleur"])
    sheet.append(["Jardins", "vert"])
    buffer = io.BytesIO()
    book.save(buffer)
    record = _stage(agent, buffer.getvalue())
    imports.confirm_import(user=agent, record=record)
    assert Theme.objects.get().name == "Jardins"


def test_only_whom_the_kind_allows_imports(agent: User) -> None:
    citizen = UserFactory()
    with pytest.raises(ActionNotAllowed):
        imports.stage_import(user=citizen, kind=THEMES, scope=None, filename="x.csv", data=b"nom\nA\n")
    record = _stage(agent, b"nom\nA\n")
    with pytest.raises(InvalidInput):  # someone else's staged file does not exist for them
        imports.staged_record(user=UserFactory(agent=True), pk=record.pk)
    with pytest.raises(ActionNotAllowed):
        imports.confirm_import(user=citizen, record=record)
