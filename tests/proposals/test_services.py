"""Proposal services on a real database (SQLite and PostgreSQL)."""

import pytest
from django.db import connection

from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import (
    Comment,
    Moderation,
    ModerationDecision,
    Proposal,
    Report,
    Status,
    Support,
)
from bouquet.proposals.selectors import ProposalFilters, comment_thread, proposals_for_list, proposals_for_map
from bouquet.proposals.services import (
    ProposalInput,
    add_comment,
    add_support,
    answer_proposal,
    edit_proposal,
    moderate_item,
    remove_support,
    report_item,
    submit_proposal,
    withdraw_proposal,
)
from tests.factories import DistrictFactory, ProcessFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def _input(**overrides: object) -> ProposalInput:
    values: dict[str, object] = {
        "title": "Des bancs place des Tilleuls",
        "body": "Pour que les aînés puissent s'asseoir.",
    }
    values.update(overrides)
    return ProposalInput(**values)  # type: ignore[arg-type]


class TestSubmitProposal:
    def test_creates_a_proposal_with_its_place(self, citizen, proposals_process):
        proposal = submit_proposal(author=citizen, process=proposals_process, data=_input(place=(47.1, 1.2)))
        assert proposal.pk and proposal.latitude == 47.1 and proposal.longitude == 1.2
        assert proposal.status == Status.SUBMITTED

    def test_a_point_outside_the_territory_is_refused(self, citizen, proposals_process):
        inside = DistrictFactory(name="Centre", outlined=True)
        with pytest.raises(InvalidInput) as error:
            # 30 km away, where the old picker put people who clicked before the map had moved.
            submit_proposal(author=citizen, process=proposals_process, data=_input(place=(47.0, 1.4)))
        assert error.value.status_code == 422
        assert "en dehors du territoire" in str(error.value.field_errors["latitude"])
        assert Proposal.objects.count() == 0
        # Inside: accepted, and the district follows the point when the person chose none.
        proposal = submit_proposal(
            author=citizen, process=proposals_process, data=_input(place=(47.01, 1.02))
        )
        assert proposal.district == inside

    def test_editing_cannot_move_a_point_outside(self, citizen, proposals_process):
        DistrictFactory(outlined=True)
        proposal = ProposalFactory(process=proposals_process, author=citizen, located=True)
        with pytest.raises(InvalidInput):
            edit_proposal(editor=citizen, proposal=proposal, data=_input(place=(46.0, 1.02)))
        proposal.refresh_from_db()
        assert (proposal.latitude, proposal.longitude) == (47.01, 1.02)

    def test_refused_outside_the_proposals_phase(self, citizen, supports_process):
        with pytest.raises(ActionNotAllowed):
            submit_proposal(author=citizen, process=supports_process, data=_input())
        assert Proposal.objects.count() == 0

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"title": ""}, "title"),
            ({"title": "x" * 141}, "title"),
            ({"body": "court"}, "body"),
            ({"body": "b" * 5001}, "body"),
            ({"place": (91.0, 2.0)}, "latitude"),
            ({"place": (45.0, -181.0)}, "longitude"),
        ],
    )
    def test_bad_input_is_refused_field_by_field_and_nothing_saved(
        self, citizen, proposals_process, overrides, field
    ):
        with pytest.raises(InvalidInput) as error:
            submit_proposal(author=citizen, process=proposals_process, data=_input(**overrides))
        assert field in error.value.field_errors
        assert Proposal.objects.count() == 0

    def test_only_facilitators_record_workshop_proposals(self, citizen, proposals_process):
        from bouquet.accounts.models import Role
        from bouquet.proposals.models import Origin

        with pytest.raises(ActionNotAllowed):
            submit_proposal(author=citizen, process=proposals_process, data=_input(), origin=Origin.WORKSHOP)
        facilitator = UserFactory(role=Role.FACILITATOR)
        proposal = submit_proposal(
            author=facilitator, process=proposals_process, data=_input(), origin=Origin.WORKSHOP
        )
        assert proposal.origin == Origin.WORKSHOP


class TestEditAndWithdraw:
    def test_author_edits_while_unsupported(self, citizen, proposals_process):
        proposal = submit_proposal(author=citizen, process=proposals_process, data=_input())
        edited = edit_proposal(editor=citizen, proposal=proposal, data=_input(title="Des bancs à l'ombre"))
        assert Proposal.objects.get(pk=edited.pk).title == "Des bancs à l'ombre"

    def test_someone_else_cannot_edit(self, citizen, proposals_process):
        proposal = submit_proposal(author=citizen, process=proposals_process, data=_input())
        with pytest.raises(ActionNotAllowed):
            edit_proposal(editor=UserFactory(), proposal=proposal, data=_input(title="Détourné par un autre"))
        assert Proposal.objects.get(pk=proposal.pk).title == "Des bancs place des Tilleuls"

    def test_coauthor_may_edit(self, citizen, proposals_process):
        coauthor = UserFactory()
        proposal = submit_proposal(
            author=citizen, process=proposals_process, data=_input(), coauthors=[coauthor]
        )
        edit_proposal(editor=coauthor, proposal=proposal, data=_input(title="Version co-écrite"))
        assert Proposal.objects.get(pk=proposal.pk).title == "Version co-écrite"

    def test_no_edit_once_supported(self, citizen, supports_process):
        proposal = ProposalFactory(process=supports_process, author=citizen)
        add_support(citizen=UserFactory(), proposal=proposal)
        with pytest.raises(Conflict):
            edit_proposal(editor=citizen, proposal=proposal, data=_input(title="Changer après coup"))

    def test_withdraw(self, citizen, proposals_process):
        proposal = submit_proposal(author=citizen, process=proposals_process, data=_input())
        withdraw_proposal(actor=citizen, proposal=proposal)
        assert Proposal.objects.get(pk=proposal.pk).status == Status.WITHDRAWN
        with pytest.raises(ActionNotAllowed):
            withdraw_proposal(actor=UserFactory(), proposal=ProposalFactory(process=proposals_process))


class TestSupports:
    def test_support_once_and_counter(self, supports_process):
        proposal = ProposalFactory(process=supports_process)
        citizen = UserFactory()
        _s, created = add_support(citizen=citizen, proposal=proposal)
        _s, again = add_support(citizen=citizen, proposal=proposal)
        assert (created, again) == (True, False)
        assert Support.objects.filter(proposal=proposal).count() == 1
        assert Proposal.objects.get(pk=proposal.pk).support_count == 1

    def test_refused_outside_supports_phase(self, proposals_process):
        proposal = ProposalFactory(process=proposals_process)
        with pytest.raises(ActionNotAllowed, match="soutiens ne sont pas ouverts"):
            add_support(citizen=UserFactory(), proposal=proposal)
        assert Support.objects.count() == 0

    def test_remove_support_keeps_counter_right(self, supports_process):
        proposal = ProposalFactory(process=supports_process)
        citizen = UserFactory()
        add_support(citizen=citizen, proposal=proposal)
        assert remove_support(citizen=citizen, proposal=proposal) is True
        assert remove_support(citizen=citizen, proposal=proposal) is False
        assert Proposal.objects.get(pk=proposal.pk).support_count == 0

    def test_withdrawn_proposal_cannot_be_supported(self, supports_process):
        proposal = ProposalFactory(process=supports_process, status=Status.WITHDRAWN)
        with pytest.raises(ActionNotAllowed):
            add_support(citizen=UserFactory(), proposal=proposal)


class TestComments:
    def test_comment_and_reply_one_level(self, citizen, proposals_process):
        proposal = ProposalFactory(process=proposals_process)
        top = add_comment(author=citizen, proposal=proposal, body="Bonne idée !")
        reply = add_comment(author=UserFactory(), proposal=proposal, body="D'accord", parent=top)
        deeper = add_comment(author=citizen, proposal=proposal, body="Merci", parent=reply)
        assert reply.parent_id == top.pk and deeper.parent_id == top.pk
        assert Proposal.objects.get(pk=proposal.pk).comment_count == 3

    def test_reply_to_a_comment_of_another_proposal_is_refused(self, citizen, proposals_process):
        first = ProposalFactory(process=proposals_process)
        other = ProposalFactory(process=proposals_process)
        top = add_comment(author=citizen, proposal=first, body="Sur la première")
        with pytest.raises(InvalidInput) as error:
            add_comment(author=citizen, proposal=other, body="Mauvais fil", parent=top)
        assert "parent" in error.value.field_errors
        assert Comment.objects.count() == 1

    def test_too_long_comment_refused(self, citizen, proposals_process):
        proposal = ProposalFactory(process=proposals_process)
        with pytest.raises(InvalidInput):
            add_comment(author=citizen, proposal=proposal, body="a" * 2001)
        assert Proposal.objects.get(pk=proposal.pk).comment_count == 0

    def test_thread_query_count_is_flat(self, citizen, proposals_process, django_assert_max_num_queries):
        proposal = ProposalFactory(process=proposals_process)
        for i in range(30):
            top = add_comment(author=UserFactory(), proposal=proposal, body=f"Commentaire {i}")
            add_comment(author=UserFactory(), proposal=proposal, body=f"Réponse {i}", parent=top)
        with django_assert_max_num_queries(3):
            page = comment_thread(proposal=proposal, page=1)
            rendered = [
                (c.author.public_name, [r.author.public_name for r in c.visible_replies]) for c in page
            ]
        assert len(rendered) == 25 and all(len(replies) == 1 for _name, replies in rendered)


class TestModeration:
    def test_three_distinct_reports_hide_until_decision(self, proposals_process, moderator):
        proposal = ProposalFactory(process=proposals_process)
        first = UserFactory()
        report_item(reporter=first, proposal=proposal, reason="Propos injurieux")
        with pytest.raises(Conflict):
            report_item(reporter=first, proposal=proposal, reason="Encore")
        report_item(reporter=UserFactory(), proposal=proposal, reason="Injurieux")
        assert Proposal.objects.get(pk=proposal.pk).moderation == Moderation.PUBLISHED
        report_item(reporter=UserFactory(), proposal=proposal, reason="Pas correct")
        assert Proposal.objects.get(pk=proposal.pk).moderation == Moderation.PENDING
        assert not proposals_for_list(process=proposals_process, filters=ProposalFilters()).filter(
            pk=proposal.pk
        )

        moderate_item(
            moderator=moderator,
            verdict=ModerationDecision.Verdict.RESTORE,
            reason="Critique vive mais correcte",
            proposal=proposal,
        )
        assert Proposal.objects.get(pk=proposal.pk).moderation == Moderation.PUBLISHED
        assert Report.objects.filter(proposal=proposal, resolved=False).count() == 0

    def test_only_moderators_decide(self, proposals_process, citizen):
        comment = add_comment(
            author=citizen, proposal=ProposalFactory(process=proposals_process), body="Texte"
        )
        with pytest.raises(ActionNotAllowed):
            moderate_item(
                moderator=citizen, verdict=ModerationDecision.Verdict.HIDE, reason="Non", comment=comment
            )
        assert Comment.objects.get(pk=comment.pk).moderation == Moderation.PUBLISHED

    def test_hide_comment_with_reason(self, proposals_process, citizen, moderator):
        comment = add_comment(
            author=citizen, proposal=ProposalFactory(process=proposals_process), body="Texte"
        )
        decision = moderate_item(
            moderator=moderator,
            verdict=ModerationDecision.Verdict.HIDE,
            reason="Données personnelles",
            comment=comment,
        )
        assert decision.reason == "Données personnelles"
        assert Comment.objects.get(pk=comment.pk).moderation == Moderation.HIDDEN


class TestAnswer:
    def test_agent_answers_with_an_explanation(self, agent, proposals_process):
        proposal = ProposalFactory(process=proposals_process)
        with pytest.raises(InvalidInput):
            answer_proposal(agent=agent, proposal=proposal, status=Status.REJECTED, answer="")
        answer_proposal(
            agent=agent, proposal=proposal, status=Status.ACCEPTED, answer="Inscrit au budget 2027."
        )
        proposal.refresh_from_db()
        assert proposal.status == Status.ACCEPTED and proposal.answered_at is not None

    def test_inhabitant_cannot_answer(self, citizen, proposals_process):
        with pytest.raises(ActionNotAllowed):
            answer_proposal(
                agent=citizen,
                proposal=ProposalFactory(process=proposals_process),
                status=Status.ACCEPTED,
                answer="Oui",
            )


class TestSelectors:
    def test_filters_sort_and_french_search(self, proposals_process):
        shade = ProposalFactory(
            process=proposals_process,
            title="Planter des arbres pour l'ombre",
            body="Des arbres sur la place.",
        )
        ProposalFactory(
            process=proposals_process, title="Un terrain de basket", body="Pour les jeunes du quartier."
        )
        popular = ProposalFactory(
            process=proposals_process,
            title="Des bancs",
            body="S'asseoir à l'ombre des tilleuls.",
            support_count=9,
        )
        found = list(proposals_for_list(process=proposals_process, filters=ProposalFilters(query="ombre")))
        assert set(found) == {shade, popular}
        # Accents do not matter.
        assert list(
            proposals_for_list(process=proposals_process, filters=ProposalFilters(query="tilléuls"))
        ) == [popular]
        ordered = list(
            proposals_for_list(process=proposals_process, filters=ProposalFilters(sort="supports"))
        )
        assert ordered[0] == popular

    def test_stemming_on_postgresql(self, proposals_process):
        if connection.vendor != "postgresql":
            pytest.skip("stemming is PostgreSQL's french configuration; SQLite matches prefixes")
        tree = ProposalFactory(
            process=proposals_process, title="Un arbre devant l'école", body="Ombre pour les enfants."
        )
        assert list(
            proposals_for_list(process=proposals_process, filters=ProposalFilters(query="arbres"))
        ) == [tree]

    def test_random_order_is_stable_for_a_seed(self, proposals_process):
        for _ in range(12):
            ProposalFactory(process=proposals_process)

        def order(seed: int) -> list[int]:
            return [
                p.pk
                for p in proposals_for_list(
                    process=proposals_process, filters=ProposalFilters(sort="random", seed=seed)
                )
            ]

        assert order(42) == order(42)
        assert sorted(order(42)) == sorted(order(7))
        assert order(42) != order(7)

    def test_map_features(self, proposals_process):
        ProposalFactory(process=proposals_process, located=True)
        ProposalFactory(process=proposals_process)
        points = proposals_for_map(process=proposals_process, filters=ProposalFilters())
        assert len(points) == 1 and points[0][1:3] == (47.01, 1.02)

    def test_withdrawn_hidden_by_default_but_filterable(self, proposals_process):
        withdrawn = ProposalFactory(process=proposals_process, status=Status.WITHDRAWN)
        assert withdrawn not in proposals_for_list(process=proposals_process, filters=ProposalFilters())
        assert withdrawn in proposals_for_list(
            process=proposals_process, filters=ProposalFilters(status="withdrawn")
        )


def test_phase_kind_other_than_proposals_blocks_editing(citizen):
    process = ProcessFactory(current_phase=PhaseKind.VOTE)
    proposal = ProposalFactory(process=process, author=citizen)
    with pytest.raises(ActionNotAllowed):
        edit_proposal(editor=citizen, proposal=proposal, data=_input(title="Trop tard pour changer"))


def test_search_with_several_words_needs_them_all(proposals_process):
    both = ProposalFactory(
        process=proposals_process, title="Des arbres et une fontaine", body="Sur la place."
    )
    ProposalFactory(process=proposals_process, title="Des arbres", body="Pour l'ombre des bancs.")
    ProposalFactory(process=proposals_process, title="Une fontaine", body="Pour boire l'été.")
    found = list(
        proposals_for_list(process=proposals_process, filters=ProposalFilters(query="arbres fontaine"))
    )
    assert found == [both]
    anyone = proposals_for_list(
        process=proposals_process, filters=ProposalFilters(query="arbres fontaine", match_any=True)
    )
    assert anyone.count() == 3
