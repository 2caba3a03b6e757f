import pytest
from django import forms

from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.www.forms import submit_form


class TitleForm(forms.Form):
    title = forms.CharField(max_length=20)


def test_invalid_form_answers_422_without_calling_the_service() -> None:
    calls: list[str] = []
    outcome = submit_form(TitleForm({"title": ""}), lambda: calls.append("called"))
    assert (outcome.ok, outcome.status, calls) == (False, 422, [])
    with pytest.raises(ValueError):
        _ = outcome.value


def test_valid_form_returns_the_service_result() -> None:
    form = TitleForm({"title": "Un banc"})
    outcome = submit_form(form, lambda: form.cleaned_data["title"].upper())
    assert (outcome.ok, outcome.status, outcome.value) == (True, 200, "UN BANC")


def test_a_field_refusal_lands_beside_its_field() -> None:
    form = TitleForm({"title": "Un banc"})

    def refuse() -> None:
        raise InvalidInput("Titre déjà pris.", field_errors={"title": "Ce titre existe déjà."})

    outcome = submit_form(form, refuse)
    assert (outcome.ok, outcome.status) == (False, 422)
    assert form.errors["title"] == ["Ce titre existe déjà."]
    assert not form.non_field_errors()


@pytest.mark.parametrize(
    ("error", "status"), [(ActionNotAllowed("Pas permis."), 403), (Conflict("Déjà fait."), 409)]
)
def test_other_refusals_keep_their_status_and_show_at_the_top(error: Exception, status: int) -> None:
    form = TitleForm({"title": "Un banc"})

    def refuse() -> None:
        raise error

    outcome = submit_form(form, refuse)
    assert (outcome.ok, outcome.status, outcome.error) == (False, status, error)
    assert form.non_field_errors() == [str(error)]
