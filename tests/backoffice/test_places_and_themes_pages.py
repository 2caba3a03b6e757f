"""Districts, themes and the authority's identity, kept by agents in the back-office."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from bouquet.accounts.models import Role
from bouquet.places.models import AuthorityProfile, District
from bouquet.proposals.models import Theme
from tests.backoffice.conftest import text
from tests.factories import DistrictFactory, ProcessFactory, ProposalFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_an_agent_adds_renames_and_deletes_a_district(agent_client: Client) -> None:
    added = agent_client.post(
        reverse("backoffice:districts"), {"name": "Les Rives", "description": "Au bord."}
    )
    assert added.status_code == 302
    district = District.objects.get(name="Les Rives")
    renamed = agent_client.post(
        reverse("backoffice:district-edit", kwargs={"pk": district.pk}),
        {"name": "Rives-Sud", "description": ""},
    )
    assert renamed.status_code == 302
    district.refresh_from_db()
    assert district.name == "Rives-Sud"
    assert (
        agent_client.post(reverse("backoffice:district-delete", kwargs={"pk": district.pk})).status_code
        == 302
    )
    assert not District.objects.filter(pk=district.pk).exists()


def test_a_duplicate_district_name_is_refused_beside_the_name(agent_client: Client) -> None:
    DistrictFactory(name="Centre")
    response = agent_client.post(reverse("backoffice:districts"), {"name": "centre", "description": ""})
    assert response.status_code == 409
    assert '<p class="error" id="id_name_error">Un quartier porte déjà ce nom.' in text(response)
    assert District.objects.count() == 1


def test_a_district_in_use_is_not_deleted_and_the_agent_is_told_why(agent_client: Client) -> None:
    district = DistrictFactory(name="Centre")
    ProcessFactory(district=district)
    response = agent_client.post(reverse("backoffice:district-delete", kwargs={"pk": district.pk}))
    assert response.status_code == 409
    assert "Ce quartier ne peut pas être supprimé, il est utilisé (démarches participatives : 1)" in text(
        response
    )
    assert District.objects.filter(pk=district.pk).exists()


def test_an_agent_adds_renames_and_deletes_a_theme(agent_client: Client) -> None:
    assert agent_client.post(reverse("backoffice:themes"), {"name": "Mobilités"}).status_code == 302
    theme = Theme.objects.get(name="Mobilités")
    edit = reverse("backoffice:theme-edit", kwargs={"pk": theme.pk})
    assert agent_client.post(edit, {"name": "Se déplacer"}).status_code == 302
    theme.refresh_from_db()
    assert theme.name == "Se déplacer"
    assert agent_client.post(reverse("backoffice:theme-delete", kwargs={"pk": theme.pk})).status_code == 302
    assert not Theme.objects.exists()


def test_a_theme_in_use_is_not_deleted(agent_client: Client) -> None:
    theme = ThemeFactory(name="Nature")
    ProposalFactory(theme=theme)
    response = agent_client.post(reverse("backoffice:theme-delete", kwargs={"pk": theme.pk}))
    assert response.status_code == 409
    assert "Ce thème ne peut pas être supprimé, il est utilisé (propositions : 1)" in text(response)
    assert Theme.objects.filter(pk=theme.pk).exists()


def test_a_duplicate_theme_name_is_refused(agent_client: Client) -> None:
    ThemeFactory(name="Nature")
    response = agent_client.post(reverse("backoffice:themes"), {"name": "NATURE"})
    assert response.status_code == 409
    assert "Un thème porte déjà ce nom." in text(response)
    assert Theme.objects.count() == 1


def test_the_identity_starts_from_the_settings_and_shows_on_every_page(agent_client: Client) -> None:
    page = text(agent_client.get(reverse("backoffice:identity")))
    assert 'value="Ville de Val-de-Loirette"' in page  # the settings, until saved
    buffer = io.BytesIO()
    Image.new("RGBA", (40, 40), (20, 60, 90, 255)).save(buffer, format="PNG")
    response = agent_client.post(
        reverse("backoffice:identity"),
        {
            "name": "Commune des Tilleuls",
            "article": "la",
            "short_name": "Les Tilleuls",
            "primary_color": "#234567",
            "logo": SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    profile = AuthorityProfile.objects.get()
    assert (profile.name, profile.primary_color) == ("Commune des Tilleuls", "#234567")
    home = text(Client().get(reverse("processes:list")))
    assert "Commune des Tilleuls" in home
    assert "--primary: #234567" in home
    assert profile.logo.url in home


def test_a_colour_too_light_for_white_text_is_refused(agent_client: Client) -> None:
    response = agent_client.post(
        reverse("backoffice:identity"),
        {"name": "Commune", "article": "la", "short_name": "Commune", "primary_color": "#ffcc00"},
    )
    assert response.status_code == 422
    assert "Le texte blanc sur cette couleur n'est pas assez lisible (contraste de 1,51 pour 1" in text(
        response
    )
    assert not AuthorityProfile.objects.exists()


@pytest.mark.parametrize("name", ["backoffice:districts", "backoffice:themes", "backoffice:identity"])
@pytest.mark.parametrize("role", [Role.INHABITANT, Role.MODERATOR])
def test_others_do_not_reach_these_pages(client: Client, name: str, role: Role) -> None:
    client.force_login(UserFactory(role=role))
    assert client.get(reverse(name)).status_code == 404
    assert client.post(reverse(name), {"name": "Quartier pirate"}).status_code == 404
    assert not District.objects.exists() and not Theme.objects.exists()
