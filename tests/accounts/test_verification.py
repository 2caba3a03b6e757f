"""Verified identities: three ways, one account per person, the list of inhabitants kept as keyed hashes only."""

import datetime as dt
import io

import openpyxl
import pytest
from django.test import override_settings
from django.utils import timezone

from bouquet.accounts.models import CensusEntry, DocumentKind, Verification, VerificationMethod
from bouquet.accounts.verification import (
    age_on,
    census_hash,
    identity_hash,
    import_census,
    verify_at_desk,
    verify_with_census,
    verify_with_provider,
)
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from tests.concurrency import run_together
from tests.factories import UserFactory, verified

pytestmark = pytest.mark.django_db

BORN = dt.date(1980, 2, 29)
CENSUS = (
    "nom;prénom;date de naissance;adresse\n"
    "Dupont;Marie;17/05/1990;12 rue des Lilas\n"
    "Lefèvre-Martin;Jean-Pierre;29/02/1980;3, place de l'Église\n"
)


def census_file(text: str = CENSUS, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


class TestKeyedHashes:
    def test_case_accents_spaces_and_hyphens_do_not_matter(self):
        one = identity_hash(given_name="Jean-Pierre", family_name="LEFÈVRE MARTIN", birthdate=BORN)
        other = identity_hash(given_name="  JEAN-pierre ", family_name="Lefevre-Martin", birthdate=BORN)
        assert one == other
        assert census_hash(
            given_name="Jean-Pierre",
            family_name="Lefèvre-Martin",
            birthdate=BORN,
            address="3, place de l'Église",
        ) == census_hash(
            given_name="JEAN-PIERRE",
            family_name="lefevre martin",
            birthdate=BORN,
            address="3 PLACE DE L EGLISE",
        )

    def test_only_the_first_given_name_counts_as_providers_send_them_all(self):
        assert identity_hash(
            given_name="Jean-Pierre Marie Joseph", family_name="Martin", birthdate=BORN
        ) == identity_hash(given_name="Jean-Pierre", family_name="Martin", birthdate=BORN)

    def test_another_person_or_birth_date_gives_another_hash(self):
        base = identity_hash(given_name="Marie", family_name="Dupont", birthdate=BORN)
        assert base != identity_hash(given_name="Marie", family_name="Dupond", birthdate=BORN)
        assert base != identity_hash(given_name="Marie", family_name="Dupont", birthdate=dt.date(1980, 3, 1))

    def test_the_hash_is_keyed_by_the_setting(self):
        before = identity_hash(given_name="Marie", family_name="Dupont", birthdate=BORN)
        with override_settings(BOUQUET_IDENTITY_KEY="une autre clé"):
            after = identity_hash(given_name="Marie", family_name="Dupont", birthdate=BORN)
        assert before != after and len(after) == 64

    def test_age_in_whole_years(self):
        assert age_on(BORN, dt.date(2016, 2, 28)) == 35
        assert age_on(BORN, dt.date(2016, 2, 29)) == 36
        assert age_on(dt.date(2010, 6, 1), dt.date(2026, 5, 31)) == 15


class TestProvider:
    def test_verifies_and_keeps_the_birth_date_but_not_the_name(self):
        person = UserFactory()
        made = verify_with_provider(
            user=person, provider="franceconnect", given_name="Zoé", family_name="Quérel", birthdate=BORN
        )
        assert (made.method, made.provider, made.birthdate) == (
            VerificationMethod.PROVIDER,
            "franceconnect",
            BORN,
        )
        row = Verification.objects.filter(pk=made.pk).values().get()
        assert not any(
            "quérel" in str(value).lower() or "zoé" in str(value).lower() for value in row.values()
        )

    def test_a_second_account_with_the_same_identity_is_refused(self):
        verified(given_name="Marie", family_name="Dupont")
        other = UserFactory()
        with pytest.raises(Conflict, match="déjà vérifiée sur un autre compte") as error:
            verified(other, given_name="MARIE", family_name="dupont")
        assert error.value.status_code == 409
        assert not Verification.objects.filter(user=other).exists()

    def test_the_same_account_may_be_verified_again_but_not_as_someone_else(self):
        person = verified()
        verified(person)  # the same identity again: renewed
        with pytest.raises(Conflict, match="déjà vérifié pour une autre personne"):
            verified(person, given_name="Paul")
        assert Verification.objects.get(user=person).identity == identity_hash(
            given_name="Marie", family_name="Dupont", birthdate=dt.date(1990, 5, 17)
        )

    def test_a_provider_without_birth_date_cannot_verify(self):
        with pytest.raises(InvalidInput) as error:
            verify_with_provider(
                user=UserFactory(),
                provider="proconnect",
                given_name="Anne",
                family_name="Roy",
                birthdate=None,
            )
        assert error.value.status_code == 422
        assert "birthdate" in error.value.field_errors
        assert not Verification.objects.exists()

    @pytest.mark.django_db(transaction=True)
    def test_two_accounts_verifying_the_same_person_at_once_give_one_verification(self):
        people = [UserFactory() for _ in range(8)]

        def verify(index: int) -> None:
            verified(people[index], given_name="Léa", family_name="Moreau")

        errors = run_together(verify, count=8)
        assert len(errors) == 7 and all(isinstance(e, Conflict) for e in errors)
        assert Verification.objects.count() == 1


class TestDesk:
    def test_records_which_agent_when_and_which_document(self):
        agent, person = UserFactory(agent=True), UserFactory()
        made = verify_at_desk(
            agent=agent,
            person=person,
            given_name="Karim",
            family_name="Benali",
            birthdate=dt.date(1975, 1, 3),
            document_kind=DocumentKind.PASSPORT,
        )
        assert (made.method, made.checked_by, made.document_kind) == (
            VerificationMethod.DESK,
            agent,
            DocumentKind.PASSPORT,
        )
        assert made.created_at is not None

    def test_only_agents_check_documents(self):
        with pytest.raises(ActionNotAllowed):
            verify_at_desk(
                agent=UserFactory(),
                person=UserFactory(),
                given_name="A",
                family_name="B",
                birthdate=BORN,
                document_kind=DocumentKind.ID_CARD,
            )
        assert not Verification.objects.exists()

    def test_a_birth_date_in_the_future_is_refused(self):
        with pytest.raises(InvalidInput) as error:
            verify_at_desk(
                agent=UserFactory(agent=True),
                person=UserFactory(),
                given_name="A",
                family_name="B",
                birthdate=timezone.localdate() + dt.timedelta(days=3),
                document_kind=DocumentKind.ID_CARD,
            )
        assert error.value.field_errors["birthdate"] == "La date de naissance est dans le futur."


class TestCensus:
    def test_counts_rows_read_refused_and_stored_and_keeps_only_hashes(self):
        text = CENSUS + (
            "Durand;Luc;31/02/1980;1 rue Haute\n"
            ";Sans;01/01/1970;2 rue Basse\n"
            "Petit;Léon;02/03/1950;\n"
            "DUPONT;marie;1990-05-17;12 Rue des Lilas\n"
            "\n"
            '=HYPERLINK("http://x");Eve;01/01/2000;+cmd\n'
        )
        report = import_census(agent=UserFactory(agent=True), data=census_file(text))
        assert (report.read, report.stored) == (7, 3)
        assert report.refused == [
            (4, "date de naissance illisible ou impossible : « 31/02/1980 »"),
            (5, "nom ou prénom manquant"),
            (6, "adresse manquante"),
            (7, "même personne à la même adresse qu'à la ligne 2"),
        ]
        assert CensusEntry.objects.count() == 3
        stored = " ".join(CensusEntry.objects.values_list("key", flat=True))
        assert "dupont" not in stored.lower() and "lilas" not in stored.lower()

    def test_a_new_list_replaces_the_old_one(self):
        agent = UserFactory(agent=True)
        import_census(agent=agent, data=census_file())
        import_census(
            agent=agent, data=census_file("Nom,Prénom,Naissance,Adresse\nRoy,Anne,01/01/1960,5 rue Neuve\n")
        )
        assert CensusEntry.objects.count() == 1

    def test_missing_columns_change_nothing(self):
        agent = UserFactory(agent=True)
        import_census(agent=agent, data=census_file())
        with pytest.raises(InvalidInput) as error:
            import_census(agent=agent, data=census_file("nom;prénom;ville\nRoy;Anne;Tours\n"))
        assert error.value.status_code == 422
        assert "Colonnes manquantes : « date de naissance », « adresse »" in str(error.value.message)
        assert "« ville »" in str(error.value.message)
        assert CensusEntry.objects.count() == 2

    def test_an_unknown_encoding_is_refused_in_french(self):
        data = "nom;prénom;date de naissance;adresse\nRoy;Anne;01/01/1960;5 rue Neuve\n".encode("utf-16-le")
        with pytest.raises(InvalidInput, match="Encodage du fichier inconnu"):
            import_census(agent=UserFactory(agent=True), data=data)
        assert not CensusEntry.objects.exists()

    def test_a_windows_file_with_accents_is_read(self):
        import_census(agent=UserFactory(agent=True), data=census_file(encoding="cp1252"))
        person = UserFactory()
        verify_with_census(
            user=person,
            given_name="Jean-Pierre",
            family_name="Lefèvre-Martin",
            birthdate=BORN,
            address="3 place de l'Eglise",
        )
        assert person.verification.method == VerificationMethod.CENSUS

    def test_an_excel_file_is_read_with_its_dates(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Nom", "Prénom", "Date de naissance", "Adresse"])
        sheet.append(["Roy", "Anne", dt.datetime(1960, 1, 1), "5 rue Neuve"])  # noqa: DTZ001 - how Excel gives a date
        sheet.append(["Roy", "Paul", "30/02/1962", "5 rue Neuve"])
        buffer = io.BytesIO()
        book.save(buffer)
        report = import_census(agent=UserFactory(agent=True), data=buffer.getvalue())
        assert (report.read, report.stored, report.refused[0][0]) == (2, 1, 3)

    def test_a_file_with_no_valid_row_changes_nothing(self):
        with pytest.raises(InvalidInput, match="Aucune ligne n'a pu être lue"):
            import_census(
                agent=UserFactory(agent=True),
                data=census_file("nom;prénom;date de naissance;adresse\n;;;\nA;B;x;y\n"),
            )

    def test_only_agents_send_the_list(self):
        with pytest.raises(ActionNotAllowed):
            import_census(agent=UserFactory(), data=census_file())

    def test_a_person_on_the_list_is_verified_and_one_who_is_not_is_told_what_to_do(self):
        import_census(agent=UserFactory(agent=True), data=census_file())
        person = UserFactory()
        with pytest.raises(InvalidInput, match="ne correspondent à aucune ligne") as error:
            verify_with_census(
                user=person,
                given_name="Marie",
                family_name="Dupont",
                birthdate=dt.date(1990, 5, 17),
                address="14 rue des Lilas",
            )
        assert error.value.status_code == 422
        made = verify_with_census(
            user=person,
            given_name="marie",
            family_name="DUPONT",
            birthdate=dt.date(1990, 5, 17),
            address="12, Rue des Lilas",
        )
        assert made.birthdate == dt.date(1990, 5, 17)
        assert made.identity == identity_hash(
            given_name="Marie", family_name="Dupont", birthdate=dt.date(1990, 5, 17)
        )
