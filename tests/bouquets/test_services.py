"""Bouquets in the product: regrouping through the task, agents' decisions surviving it, placement, duplicates."""

import pytest
from django.urls import reverse
from django.utils import translation

from bouquet.accounts.models import Role
from bouquet.bouquets import flows, selectors, services
from bouquet.bouquets.models import Bouquet, Clustering, CurationDecision, Placement
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from tests.bouquets.conftest import NEEDS, bouquet_of, regroup
from tests.factories import ProcessFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_regrouping_gathers_each_need_and_drops_nothing(
    agent, process_with_needs, django_capture_on_commit_callbacks, settings
):
    settings.BOUQUET_ENCODER = "use"  # about meaning: the real sentence encoder
    process, ids = process_with_needs
    clustering = regroup(agent, process, django_capture_on_commit_callbacks)
    assert clustering.state == Clustering.State.DONE, clustering.error
    assert clustering.progress == 100 and clustering.engine_state
    all_ids = [pid for group in ids.values() for pid in group]
    assert Placement.objects.filter(proposal_id__in=all_ids).count() == len(all_ids)
    for need in NEEDS:
        bouquets = [bouquet_of(pid) for pid in ids[need]]
        most = max(set(bouquets), key=bouquets.count)
        assert most is not None and bouquets.count(most) >= len(bouquets) - 1, (need, bouquets)
    # The unrelated proposal is not forced into a bouquet of another need.
    odd = bouquet_of(ids["odd"][0])
    assert odd is None or odd not in {bouquet_of(pid) for need in NEEDS for pid in ids[need]}
    assert all(b.label for b in Bouquet.objects.filter(process=process))


def test_agents_decisions_survive_regrouping(agent, process_with_needs, django_capture_on_commit_callbacks):
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    shade = Bouquet.objects.get(pk=bouquet_of(ids["ombre"][0]))
    services.rename_bouquet(agent=agent, bouquet=shade, label="Ombre et fraîcheur sur la place")
    bikes = Bouquet.objects.get(pk=bouquet_of(ids["velo"][0]))
    moved = ids["velo"][1]
    services.move_proposal(agent=agent, proposal=ProposalFactory._meta.model.objects.get(pk=moved), to=shade)
    services.set_pinned(agent=agent, bouquet=shade, pinned=True)
    shade_members = set(Placement.objects.filter(bouquet=shade).values_list("proposal_id", flat=True))

    clustering = regroup(agent, process, django_capture_on_commit_callbacks)
    assert clustering.state == Clustering.State.DONE, clustering.error
    shade.refresh_from_db()
    assert shade.label == "Ombre et fraîcheur sur la place" and shade.pinned
    assert set(Placement.objects.filter(bouquet=shade).values_list("proposal_id", flat=True)) == shade_members
    assert bouquet_of(moved) == shade.pk
    assert Bouquet.objects.filter(pk=bikes.pk).exists() or bouquet_of(ids["velo"][0]) is not None
    assert CurationDecision.objects.filter(process=process).count() == 3


def test_merge_and_split(agent, process_with_needs, django_capture_on_commit_callbacks):
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    shade = Bouquet.objects.get(pk=bouquet_of(ids["ombre"][0]))
    games = Bouquet.objects.get(pk=bouquet_of(ids["jeux"][0]))
    merged = services.merge_bouquets(agent=agent, into=shade, others=[games])
    assert not Bouquet.objects.filter(pk=games.pk).exists()
    assert bouquet_of(ids["jeux"][0]) == merged.pk
    new = services.split_bouquet(
        agent=agent, bouquet=merged, proposal_ids=[ids["jeux"][0]], label="Jeux d'enfants"
    )
    assert bouquet_of(ids["jeux"][0]) == new.pk and new.pinned
    with pytest.raises(InvalidInput):
        services.split_bouquet(
            agent=agent, bouquet=new, proposal_ids=[ids["jeux"][0]], label="Tout le bouquet"
        )
    clustering = regroup(agent, process, django_capture_on_commit_callbacks)
    assert clustering.state == Clustering.State.DONE
    assert bouquet_of(ids["jeux"][0]) == new.pk


def test_new_proposal_is_placed_and_duplicates_found(
    agent, process_with_needs, django_capture_on_commit_callbacks
):
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    proposal = ProposalFactory(
        process=process,
        title="Planter des arbres pour l'ombre",
        body="La place est brûlante l'été, des arbres svp.",
    )
    placement = services.place_proposal(proposal=proposal)
    assert placement is not None
    assert placement.bouquet_id == bouquet_of(ids["ombre"][0])
    similar = selectors.similar_proposals(
        process=process, text="Des arbres pour faire de l'ombre sur la place"
    )
    assert similar and similar[0].proposal.pk in ids["ombre"] + [proposal.pk]
    assert similar[0].similarity is not None


def test_similar_without_any_grouping_falls_back_to_words(process_with_needs):
    process, ids = process_with_needs
    found = selectors.similar_proposals(process=process, text="Un parking pour garer les vélos")
    assert {s.proposal.pk for s in found} & set(ids["velo"])


def test_only_agents_curate(citizen, process_with_needs):
    process, _ids = process_with_needs
    with pytest.raises(ActionNotAllowed):
        flows.request_grouping(agent=citizen, process=process)
    assert not Clustering.objects.exists()


def test_too_few_proposals_fail_clearly(agent, django_capture_on_commit_callbacks):
    process = ProcessFactory()
    ProposalFactory(process=process)
    clustering = regroup(agent, process, django_capture_on_commit_callbacks)
    assert clustering.state == Clustering.State.FAILED
    assert "deux propositions" in clustering.step


def test_pages(client, agent, process_with_needs, django_capture_on_commit_callbacks):
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    public = client.get(reverse("bouquets:process", args=[process.slug]))
    assert public.status_code == 200 and "Lancer un regroupement" not in public.content.decode()
    bouquet = Bouquet.objects.get(pk=bouquet_of(ids["ombre"][0]))
    page = client.get(bouquet.get_absolute_url())
    assert page.status_code == 200 and "Regroupée avec" in page.content.decode()
    assert "proximité" not in page.content.decode()  # no score shown to the public
    detail = client.get(reverse("proposals:detail", args=[ids["ombre"][0]])).content.decode()
    assert bouquet.get_absolute_url() in detail
    client.force_login(agent)
    assert (
        "Lancer un regroupement"
        in client.get(reverse("bouquets:process", args=[process.slug])).content.decode()
    )
    response = client.post(reverse("bouquets:rename", args=[bouquet.pk]), {"label": "x"})
    # The form comes back on the bouquet's page with what was typed and why it was refused.
    assert response.status_code == 422
    html = response.content.decode()
    assert 'value="x"' in html and "Le formulaire contient des erreurs" in html
    bouquet.refresh_from_db()
    assert bouquet.label != "x"
    client.post(reverse("bouquets:rename", args=[bouquet.pk]), {"label": "Ombre sur la place"})
    bouquet.refresh_from_db()
    assert bouquet.label == "Ombre sur la place"


def test_inhabitant_cannot_post_curation(
    client, process_with_needs, agent, django_capture_on_commit_callbacks
):
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    bouquet = Bouquet.objects.get(pk=bouquet_of(ids["ombre"][0]))
    client.force_login(UserFactory(role=Role.INHABITANT))
    assert client.post(reverse("bouquets:rename", args=[bouquet.pk]), {"label": "Piraté"}).status_code == 403
    assert client.post(reverse("bouquets:regroup", args=[process.slug])).status_code == 403


def test_similar_step_before_publishing_without_javascript(logged_client, process_with_needs):
    process, ids = process_with_needs
    url = reverse("proposals:create", args=[process.slug])
    data = {"title": "Un parking à vélos", "body": "Pour garer les vélos en sécurité près de la place."}
    step = logged_client.post(url, data)
    assert step.status_code == 200
    html = step.content.decode()
    assert "des propositions proches existent déjà" in html and 'name="confirmer"' in html
    from bouquet.proposals.models import Proposal

    before = Proposal.objects.count()
    done = logged_client.post(url, data | {"confirmer": "1"})
    assert done.status_code == 302 and Proposal.objects.count() == before + 1


def test_join_as_coauthor_instead_of_duplicating(logged_client, citizen, process_with_needs):
    process, ids = process_with_needs
    target = ids["velo"][0]
    response = logged_client.post(reverse("proposals:join", args=[target]))
    assert response.status_code == 302
    from bouquet.proposals.models import Proposal

    assert Proposal.objects.get(pk=target).coauthors.filter(pk=citizen.pk).exists()


def test_similar_partial(client, process_with_needs):
    process, ids = process_with_needs
    response = client.get(
        reverse("bouquets:similar", args=[process.slug]), {"title": "garer les vélos", "body": ""}
    )
    assert response.status_code == 200
    assert "Des propositions proches" in response.content.decode()


def test_regrouping_encodes_only_new_or_edited_texts(
    agent, process_with_needs, django_capture_on_commit_callbacks
):
    from bouquet.bouquets.models import ProposalVector
    from bouquet.proposals.models import Proposal

    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    first = {v.proposal_id: (v.pk, v.text_hash) for v in ProposalVector.objects.all()}
    assert set(first) == {pid for group in ids.values() for pid in group}
    edited = ids["velo"][0]
    Proposal.objects.filter(pk=edited).update(
        body="Des arceaux et un abri pour les vélos cargo des familles."
    )
    clustering = regroup(agent, process, django_capture_on_commit_callbacks)
    assert clustering.state == Clustering.State.DONE
    second = {v.proposal_id: (v.pk, v.text_hash) for v in ProposalVector.objects.all()}
    assert second[edited][1] != first[edited][1]
    # Untouched proposals keep the very rows stored the first time: nothing was encoded again for them.
    assert all(second[pid] == first[pid] for pid in first if pid != edited)


def test_steps_are_stored_in_french_and_shown_in_the_readers_language(
    client, agent, django_capture_on_commit_callbacks
):
    process = ProcessFactory()
    ProposalFactory(process=process)
    with translation.override("en"):  # a regrouping started from an English page
        clustering = regroup(agent, process, django_capture_on_commit_callbacks)
    assert clustering.step == "Il faut au moins deux propositions pour former des bouquets."
    url = reverse("bouquets:progress", kwargs={"slug": process.slug})
    english = client.get(url, headers={"accept-language": "en"}).content.decode()
    assert "At least two proposals are needed to form bouquets." in english
    french = client.get(url, headers={"accept-language": "fr"}).content.decode()
    assert "Il faut au moins deux propositions" in french
