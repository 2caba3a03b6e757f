"""A small territory with one object of every kind the site shows, and one person per role, for the
authorisation matrix: every route is requested against these objects, as each of these people.

Objects are named (``mine``, ``hidden``, ``draft_budget``...) so that the expected table says in words which
object a row is about; ``World.bind`` turns those names into URL arguments."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.accounts.services import issue_api_token
from bouquet.analytics.models import ExportJob
from bouquet.budgets.models import Budget, BudgetImport
from bouquet.budgets.services import cast_ballot, compute_results
from bouquet.core import imports
from bouquet.outreach.paper import KIND, PAPER_FORMS
from bouquet.outreach.services import (
    ContributorInput,
    GatheredInput,
    record_contribution,
)
from bouquet.places.services import PlaceInput, add_memory, create_place
from bouquet.processes.models import PhaseKind
from bouquet.processes.services import reschedule_phase
from bouquet.proposals.models import Moderation
from bouquet.proposals.services import request_coauthorship
from bouquet.roles.models import Invitation
from bouquet.roles.selectors import invitation_token
from tests.factories import (
    BouquetFactory,
    BudgetFactory,
    CommentFactory,
    DistrictFactory,
    PlacementFactory,
    ProcessFactory,
    ProposalFactory,
    RoleGrantFactory,
    ThemeFactory,
    TopicFactory,
    UserFactory,
)
from tests.outreach.factories import make_workshop

# The columns of the expected table, in this order. "inhabitant" wrote the proposals; "other" is another
# inhabitant, who wrote the comments but none of the proposals; "moderator" moderates the whole territory,
# "process_moderator" only the process "collect" (a role given on that process, not on their account).
ROLES: tuple[str, ...] = (
    "anonymous",
    "inhabitant",
    "other",
    "facilitator",
    "mentor",
    "moderator",
    "process_moderator",
    "agent",
    "administrator",
)
_ROLE_OF = {
    "inhabitant": Role.INHABITANT,
    "other": Role.INHABITANT,
    "facilitator": Role.FACILITATOR,
    "mentor": Role.MENTOR,
    "moderator": Role.MODERATOR,
    "process_moderator": Role.INHABITANT,
    "agent": Role.AGENT,
    "administrator": Role.ADMINISTRATOR,
}


@dataclass
class World:
    people: dict[str, User]  # one per role but "anonymous"
    objects: dict[str, Any] = field(default_factory=dict)  # name -> the value put in URLs (pk or slug)
    paper_voter: User | None = None  # has an account, has not voted: an agent types in their paper ballot

    def bind(self, spec: str) -> dict[str, Any]:
        """``"pk=mine project_pk=open_project"`` -> ``{"pk": 12, "project_pk": 40}``."""
        kwargs: dict[str, Any] = {}
        for item in spec.split():
            name, _, value = item.partition("=")
            if value not in self.objects:
                raise KeyError(f"no object named {value!r} in the world (row {spec!r})")
            kwargs[name] = self.objects[value]
        return kwargs

    def pk(self, name: str) -> Any:
        """The value stored under a name."""
        return self.objects[name]


def _person(role: str) -> User:
    user = UserFactory(role=_ROLE_OF[role], display_name=role.capitalize(), email=f"{role}@exemple.fr")
    if role == "administrator":
        # As `createsuperuser` and the demo make them: the administrator also uses Django's admin.
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    return user


def _open_budget(agent: User, costs: tuple[int, ...]) -> Budget:
    """A budget whose vote runs today (projects are added before the vote starts)."""
    budget = BudgetFactory(agent=agent, costs=costs, title="Budget ouvert")
    today = timezone.localdate()
    reschedule_phase(
        phase=budget.phase, starts_on=today - dt.timedelta(days=1), ends_on=today + dt.timedelta(days=5)
    )
    budget.refresh_from_db()
    return budget


def build_people() -> World:
    """One person per role, and nothing else yet."""
    return World(people={role: _person(role) for role in ROLES if role != "anonymous"})


def build_world() -> World:
    """Every kind of object the site shows, in the states whose rules differ."""
    world = build_people()
    people = world.people
    inhabitant, other, agent = people["inhabitant"], people["other"], people["agent"]
    objects = world.objects
    # Literal URL arguments, named like the objects so that every argument of the table is a name.
    objects.update({"proposition": "proposition", "commentaire": "commentaire", "territoire": "territoire"})
    # Identity providers: the one the tests' fake provider stands for, and one the site does not know.
    objects.update({"franceconnect": "franceconnect", "inconnu": "inconnu"})

    # A published process in its proposals phase (a vote phase comes later), with its proposals, comments,
    # bouquets and a budget still being set up.
    collect = ProcessFactory(slug="collecte", title="Démarche en cours", with_vote_phase=True)
    grant = RoleGrantFactory(person=people["process_moderator"], process=collect, granted_by=agent)
    mine = ProposalFactory(process=collect, author=inhabitant, title="Des bancs sur la place")
    hidden = ProposalFactory(
        process=collect, author=inhabitant, title="Une proposition masquée", moderation=Moderation.HIDDEN
    )
    neighbour = ProposalFactory(process=collect, author=other, title="Des arbres sur la place")
    third = ProposalFactory(process=collect, author=other, title="Un parking à vélos")
    comment = CommentFactory(proposal=mine, author=other)
    # Someone outside the roles asked to co-sign "mine": its author answers.
    join_request = request_coauthorship(citizen=UserFactory(), proposal=mine, message="Je peux aider.")
    hidden_comment = CommentFactory(
        proposal=mine, author=other, body="Un commentaire masqué", moderation=Moderation.HIDDEN
    )
    topic = TopicFactory(process=collect)
    bouquet = BouquetFactory(process=collect, topic=topic, label="Ombre et bancs")
    bouquet2 = BouquetFactory(process=collect, topic=topic, label="Vélo")
    PlacementFactory(proposal=mine, bouquet=bouquet)
    PlacementFactory(proposal=neighbour, bouquet=bouquet)
    PlacementFactory(proposal=third, bouquet=bouquet2)
    setup = BudgetFactory(agent=agent, process=collect, costs=(10_000, 20_000), title="Budget en préparation")

    # A published process in its supports phase.
    supports = ProcessFactory(slug="soutiens", current_phase=PhaseKind.SUPPORTS)
    supportable = ProposalFactory(process=supports, author=inhabitant, title="Un jardin partagé")

    # A budget whose vote is open, and one whose vote is over with its results published.
    open_budget = _open_budget(agent, (30_000, 40_000))
    closed = _open_budget(agent, (30_000, 40_000, 50_000))
    closed_projects = list(closed.projects.order_by("pk"))
    for index in range(3):
        voter = UserFactory()
        cast_ballot(voter=voter, budget=closed, choices={closed_projects[index % 3].pk: 1})
    today = timezone.localdate()
    reschedule_phase(
        phase=closed.phase, starts_on=today - dt.timedelta(days=10), ends_on=today - dt.timedelta(days=1)
    )
    closed.refresh_from_db()
    compute_results(agent=agent, budget=closed)

    # An unpublished process (a draft the authority prepares): nothing of it shows to the public.
    draft = ProcessFactory(
        slug="brouillon", title="Démarche en préparation", is_published=False, with_vote_phase=True
    )
    draft_proposal = ProposalFactory(process=draft, author=inhabitant, title="Proposition d'un brouillon")
    draft_comment = CommentFactory(proposal=draft_proposal, author=other)
    draft_topic = TopicFactory(process=draft)
    draft_bouquet = BouquetFactory(process=draft, topic=draft_topic)
    PlacementFactory(proposal=draft_proposal, bouquet=draft_bouquet)
    draft_budget = BudgetFactory(agent=agent, process=draft, costs=(10_000,), title="Budget d'un brouillon")

    # What the back-office keeps: a district and a theme nothing uses yet.
    district = DistrictFactory(name="Quartier des Essais")
    theme = ThemeFactory(name="Un thème libre")
    # Imports of pabulib files an agent asked for (their progress pages): one running, one in a draft process.
    budget_import = BudgetImport.objects.create(
        process=collect, requested_by=agent, state=BudgetImport.State.RUNNING, ballot_total=10, ballots_done=4
    )
    draft_import = BudgetImport.objects.create(process=draft, requested_by=agent)

    issue_api_token(user=inhabitant, name="tableur")
    # An invitation waiting for an address that has no account yet, and one already cancelled.
    pending = Invitation.objects.create(
        email="invitee@exemple.fr", role=Role.MODERATOR, process=collect, invited_by=agent
    )
    cancelled = Invitation.objects.create(
        email="annulee@exemple.fr", role=Role.AGENT, invited_by=agent, revoked_at=timezone.now()
    )
    world.paper_voter = UserFactory(email="papier@exemple.fr")

    objects.update(
        {
            "collect": collect.slug,
            "supports": supports.slug,
            "vote": open_budget.process.slug,
            "done": closed.process.slug,
            "draft": draft.slug,
            "mine": mine.pk,
            "join_request": join_request.pk,
            "hidden": hidden.pk,
            "supportable": supportable.pk,
            "draft_proposal": draft_proposal.pk,
            "comment": comment.pk,
            "hidden_comment": hidden_comment.pk,
            "draft_comment": draft_comment.pk,
            "topic": topic.pk,
            "bouquet": bouquet.pk,
            "bouquet2": bouquet2.pk,
            "draft_topic": draft_topic.pk,
            "draft_bouquet": draft_bouquet.pk,
            "setup": setup.pk,
            "setup_project": setup.projects.order_by("pk")[0].pk,
            "open": open_budget.pk,
            "open_project": open_budget.projects.order_by("pk")[0].pk,
            "closed": closed.pk,
            "closed_project": closed_projects[0].pk,
            "draft_budget": draft_budget.pk,
            "draft_project": draft_budget.projects.order_by("pk")[0].pk,
            "budget_import": budget_import.pk,
            "draft_import": draft_import.pk,
            "token": inhabitant.api_tokens.get().pk,
            "grant": grant.pk,
            "facilitator_person": people["facilitator"].pk,
            "pending_invitation": pending.pk,
            "pending_link": invitation_token(pending),
            "cancelled_link": invitation_token(cancelled),
            "tampered_link": invitation_token(pending)[:-2] + "zz",
            # the back-office names processes by their key (drafts included)
            "collect_id": collect.pk,
            "draft_id": draft.pk,
            "collect_phase": collect.phases.get(kind=PhaseKind.PROPOSALS).pk,
            "district": district.pk,
            "theme": theme.pk,
            # allauth's password reset link, with a key that is not valid
            "bad_uid": "1",
            "bad_key": "pas-une-cle",
        }
    )
    _notifications(world, collect)
    # Open data and dashboards (helper « opendata »): an officer's file ready to download, one of a draft.
    export_job = ExportJob.objects.create(
        process=collect, table="propositions", format="csv", requested_by=agent, state="done", data=b"id\r\n"
    )
    draft_export = ExportJob.objects.create(
        process=draft, table="propositions", format="xlsx", requested_by=agent
    )
    objects.update(
        {
            "export_job": export_job.pk,
            "draft_export": draft_export.pk,
            "propositions": "propositions",
            "inexistant": "inexistant",
            "quartiers": "quartiers",
        }
    )
    _outreach(world, collect)

    # The memory of places: a published place with a memory, and an inhabitant's place awaiting moderation.
    place = create_place(
        author=agent, data=PlaceInput(name="Place du Lavoir", kind="square", point=(47.0, 1.0)), trusted=True
    )
    pending_place = create_place(
        author=inhabitant, data=PlaceInput(name="Le vieux kiosque", point=(47.001, 1.001)), trusted=False
    )
    memory = add_memory(author=other, place=place, title="Le bal", story="On dansait le samedi.", when="1975")
    objects.update(
        {
            "place": place.pk,
            "pending_place": pending_place.pk,
            "memory": memory.pk,
            "lieu": "lieu",
            "souvenir": "souvenir",
        }
    )
    _projects_world(world, collect=collect, proposal=mine)

    # Conversations (bouquet.conversations): one in "collect" with a live room open and one closed, one in the
    # draft process.
    from bouquet.conversations import services as conversations

    talk = conversations.open_conversation(
        by=agent,
        process=collect,
        question="Que faire de la place ?",
        seeds=["Des bancs à l'ombre.", "Moins de voitures."],
    )
    draft_talk = conversations.open_conversation(
        by=agent, process=draft, question="Une question en préparation ?", seeds=["Une idée du brouillon."]
    )
    open_room = conversations.open_room(by=agent, conversation=talk, title="Atelier ouvert")
    closed_room = conversations.open_room(by=agent, conversation=talk, title="Atelier fermé")
    conversations.close_room(by=agent, room=closed_room)
    objects.update(
        {
            "talk": talk.pk,
            "talk_statement": talk.statements.order_by("pk")[0].pk,
            "draft_talk": draft_talk.pk,
            "draft_talk_statement": draft_talk.statements.get().pk,
            "room_code": open_room.code,
            "closed_room_code": closed_room.code,
            "room": open_room.pk,
            "closed_room": closed_room.pk,
            "polis_zip": "polis.zip",
            "next": "next",
        }
    )
    _lab_world(world)
    return world


def _notifications(world: World, collect: Any) -> None:
    """Follows and newsletters (notif): the inhabitant follows "collect" and read a letter sent to its followers;
    another letter is written but not sent; the inhabitant's unsubscribe link, and a tampered one."""
    from bouquet.notifications import newsletters  # noqa: PLC0415 - kept beside its block for easy merges
    from bouquet.notifications import services as notifications  # noqa: PLC0415
    from bouquet.notifications.mailing import unsubscribe_token  # noqa: PLC0415

    people = world.people
    notifications.follow(people["inhabitant"], collect)
    sent = newsletters.write_newsletter(
        author=people["agent"],
        subject="Lettre envoyée",
        body="Une lettre déjà envoyée.",
        audience=collect,
        audience_label="Suiveurs",
    )
    newsletters.send_newsletter(newsletter=sent, agent=people["agent"], recipients=[people["inhabitant"].pk])
    draft = newsletters.write_newsletter(
        author=people["agent"],
        subject="Lettre à envoyer",
        body="Une lettre pas encore envoyée.",
        audience=collect,
        audience_label="Suiveurs",
    )
    link = unsubscribe_token(people["inhabitant"].pk, "proposals.answered")
    world.objects.update(
        {
            "sent_letter": sent.pk,
            "letter": draft.pk,
            "demarche": "demarche",
            "unsubscribe_link": link,
            "tampered_unsubscribe": link[:-2] + ("zz" if not link.endswith("zz") else "yy"),
            # The notifications API (notif): the inhabitant's notification (the letter), the types one may
            # follow as the API names them, a kind of e-mail and an unknown one.
            "my_notification": people["inhabitant"].notifications.order_by("-pk")[0].pk,
            **{f"t_{name}": name for name in TARGET_TYPES},
            "pref_kind": "proposals.answered",
            "unknown_kind": "inconnu.inconnu",
        }
    )


TARGET_TYPES = ("process", "proposal", "bouquet", "budget", "project", "place", "initiative", "conversation")


def _outreach(world: World, collect: Any) -> None:
    """Workshops (one published, one not) of the process "collect", and a file of paper forms the facilitator
    sent to the staged import and has not confirmed yet (outreach)."""
    facilitator = world.people["facilitator"]
    published = make_workshop(
        facilitator, collect, "Atelier public", published=True, registration_open=True, capacity=10
    )
    draft = make_workshop(facilitator, collect, "Atelier en préparation", registration_open=True, capacity=10)
    day = timezone.localdate().strftime("%d/%m/%Y")
    staged = imports.stage_import(
        user=facilitator,
        kind=PAPER_FORMS,
        scope=collect.pk,
        filename="papier.csv",
        data=f"date;prénom;consentement;proposition\n{day};Zoé;oui;Des bancs à l'ombre sur la place.\n".encode(),
    )
    # Someone who spoke without an account, with a contact (an agent gives or erases their data on request).
    gathered = record_contribution(
        facilitator=facilitator,
        data=GatheredInput(
            process=collect,
            person=ContributorInput(name="Ninon", consent=True, contact="ninon@exemple.fr"),
            title="Un abri pour les vélos",
            body="Près de la maison de quartier.",
        ),
    )
    world.objects.update(
        {
            "workshop": published.pk,
            "draft_workshop": draft.pk,
            "paper_kind": KIND,
            "staged_import": staged.pk,
            "contributor": gathered.contributor_id,
        }
    )


def _projects_world(world: World, *, collect: Any, proposal: Any) -> None:
    """A project from "mine" (so "inhabitant" is asked in its open re-consultation), and one not published."""
    from bouquet.projects import services as projects

    agent = world.people["agent"]
    project = projects.create_project(
        agent=agent,
        process=collect,
        data=projects.ProjectInput(title="Des bancs sur la place, réalisés"),
        proposal=proposal,
    )
    hidden = projects.create_project(
        agent=agent, process=collect, data=projects.ProjectInput(title="Projet caché")
    )
    hidden.is_published = False
    hidden.save(update_fields=["is_published"])
    reconsultation = projects.open_reconsultation(
        agent=agent,
        project=project,
        question="Ce projet répond-il toujours à votre besoin ?",
        closes_on=timezone.localdate() + dt.timedelta(days=30),
    )
    world.objects.update(
        {
            "project": project.pk,
            "hidden_project": hidden.pk,
            "reconsultation": reconsultation.pk,
            "chart_theme": "theme",
            "chart_none": "aucun",
        }
    )


def _lab_world(world: World) -> None:
    """The social-innovation lab (helper lab): ``lab`` co-led by the inhabitant, with the other inhabitant as a
    member and the mentor as its mentor, a document, a task, a need, a beneficiary's place to claim; ``lab_other``
    co-led by the facilitator (it offers); ``lab_open`` for joining and leaving; an invitation waiting for the
    moderator."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bouquet.incubator import services as lab
    from bouquet.incubator.models import Check, StageCriterion
    from bouquet.incubator.selectors import place_token

    people = world.people
    started = lab.start_initiative(
        starter=people["facilitator"],
        data=lab.InitiativeInput(title="Jardin partagé", need="Cultiver ensemble", for_whom="Les voisins"),
        beneficiaries=[lab.BeneficiaryInput("Samira", True)],
    )
    initiative = started.initiative
    invitation = lab.invite_person(
        inviter=people["facilitator"], initiative=initiative, person=people["inhabitant"], role="lead"
    )
    lab.accept_invitation(invitation=invitation, person=people["inhabitant"])
    lab.leave_initiative(person=people["facilitator"], initiative=initiative)
    lab.join_initiative(person=people["other"], initiative=initiative)
    lab.assign_mentor(lab=people["agent"], initiative=initiative, mentor=people["mentor"])
    document = lab.upload_document(
        author=people["inhabitant"],
        initiative=initiative,
        name="Compte rendu",
        upload=SimpleUploadedFile("cr.txt", b"Compte rendu de la premiere reunion"),
    )
    task = lab.add_task(
        author=people["inhabitant"], initiative=initiative, title="Réserver la salle", owner=None, due_on=None
    )
    lab.publish_need(
        person=people["inhabitant"],
        initiative=initiative,
        data=lab.ResourceInput(kind="tool", title="Des outils"),
    )
    waiting = lab.invite_person(
        inviter=people["inhabitant"], initiative=initiative, person=people["moderator"], role="member"
    )
    other = lab.start_initiative(
        starter=people["facilitator"],
        data=lab.InitiativeInput(
            title="Repair café", need="Réparer plutôt que jeter", for_whom="Tout le monde"
        ),
    ).initiative
    lab.publish_offer(
        person=people["facilitator"],
        initiative=other,
        data=lab.ResourceInput(kind="tool", title="Prêt d'outils"),
    )
    lab.record_exchange(
        person=people["facilitator"], helped=initiative, helper=other, what="Prêt d'une perceuse"
    )
    lab.save_energy(person=people["other"], data=lab.EnergyInput(free_text="Jardinage", hours_per_month=4))
    opened = lab.start_initiative(
        starter=people["administrator"],
        data=lab.InitiativeInput(title="Fête de quartier", need="Se rencontrer", for_whom="Le quartier"),
    ).initiative
    place = initiative.memberships.get(beneficiary_name="Samira")
    criterion = StageCriterion.objects.filter(verification=Check.PERSON).order_by("pk").first()
    assert criterion is not None
    world.objects.update(
        {
            "lab": initiative.pk,
            "lab_other": other.pk,
            "lab_open": opened.pk,
            "lab_document": document.pk,
            "lab_task": task.pk,
            "lab_invitation": waiting.pk,
            "lab_place_link": place_token(place),
            "lab_tampered_place": place_token(place)[:-2] + "zz",
            "lab_criterion": criterion.pk,
            "lab_place": place.pk,
        }
    )
