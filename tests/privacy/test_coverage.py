"""No table about a person can be forgotten silently: every foreign key to the user, and every field named like a
person's name, e-mail, contact or phone, is in the reviewed list of bouquet/privacy/coverage.py, which says how it
is exported and erased; and each later app has its own reader and its own eraser."""

import re

import pytest
from django.apps import apps
from django.conf import settings

from bouquet.privacy import selectors, services
from bouquet.privacy.coverage import COVERAGE
from bouquet.privacy.selectors import personal_data
from tests.factories import UserFactory

NAMED_LIKE_A_PERSON = re.compile(r"(^|_)(name|email|mail|contact|phone|telephone|attendees|nom|prenom)($|_)")


def _fields_about_people() -> set[str]:
    user = apps.get_model(settings.AUTH_USER_MODEL)
    found = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.auto_created and not field.concrete:
                continue  # the other end of a relation, declared on the other model
            points_at_a_person = field.is_relation and field.related_model is user
            if points_at_a_person or (not field.is_relation and NAMED_LIKE_A_PERSON.search(field.name)):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_field_about_a_person_is_in_the_reviewed_list() -> None:
    fields = _fields_about_people()
    missing = sorted(fields - set(COVERAGE))
    assert not missing, (
        "Say in bouquet/privacy/coverage.py how these fields are exported and erased, and do it: "
        + ", ".join(missing)
    )
    assert not sorted(set(COVERAGE) - fields), "the reviewed list names fields that no longer exist"


@pytest.mark.django_db
def test_every_table_the_list_names_is_in_the_export() -> None:
    exported = set(personal_data(person=UserFactory()))
    named = {treatment.table for treatment in COVERAGE.values() if treatment.table}
    assert named <= exported, sorted(named - exported)


def test_each_app_that_holds_a_person_s_data_reads_and_forgets_its_own_part() -> None:
    readers = {part.__module__.split(".")[1] for part in selectors.PARTS}
    forgetters = {forget.__module__.split(".")[1] for forget in services.FORGETTERS}
    later_apps = {
        "notifications",
        "outreach",
        "conversations",
        "incubator",
        "places",
        "projects",
        "analytics",
    }
    assert later_apps <= readers
    # notifications forgets through its own service, called by name; places and projects keep only contributions.
    assert later_apps - {"notifications", "places", "projects"} <= forgetters
