"""Build the French demo town through the services: districts, people, three processes, proposals,
comments, supports, answers, a participatory budget. Its texts are data files read by bouquet.demo.content.
Dates are relative to today. Run it on an empty database (or with --reset)."""

import datetime as dt
import os
import random
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ProtectedError, QuerySet, RestrictedError
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.bouquets.models import Allocation
from bouquet.bouquets.services import queue_grouping, run_grouping
from bouquet.core.errors import ActionNotAllowed
from bouquet.demo.content import ContentError, DemoContent, load
from bouquet.demo.lab import seed_lab
from bouquet.demo.memory_of_places import place_for_address, place_named, seed_memory_of_places
from bouquet.demo.notifications import seed_notifications
from bouquet.demo.opendata import seed_populations
from bouquet.demo.outreach import seed_outreach
from bouquet.incubator.models import Initiative
from bouquet.notifications.models import Announcement
from bouquet.notifications.services import emails_held
from bouquet.places.models import ArchiveItem, District, MapFeature, Place
from bouquet.places.services import add_map_feature, create_district
from bouquet.processes.models import Phase, PhaseKind, Process
from bouquet.processes.services import PhaseSpec, create_process, reschedule_phase
from bouquet.proposals.models import Origin, Proposal, Status, Theme
from bouquet.proposals.services import (
    ProposalInput,
    add_comment,
    add_support,
    answer_proposal,
    submit_proposal,
)

ADMIN_EMAIL = "admin@val-de-loirette.test"
ADMIN_PASSWORD = "demo-bouquet-2026"  # noqa: S105  # nosec B105  # a demo account on a local database, printed on screen


def _demo_accounts() -> QuerySet[User]:
    """The demo town's accounts (their addresses end in the demo's domain)."""
    return User.objects.filter(email__endswith="@val-de-loirette.test")


class Command(BaseCommand):
    help = (
        "Crée la ville de démonstration Val-de-Loirette (quartiers, démarches, propositions, commentaires)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="Efface les données de démonstration existantes."
        )
        parser.add_argument("--seed", type=int, default=2026, help="Graine du hasard (soutiens, dates).")
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT") or 8000),
            help="Port du serveur à annoncer (celui de « make demo », variable PORT, sinon 8000).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with emails_held():  # the demo's past is told in people's spaces, not by e-mails (notif)
            self._handle(*args, **options)

    def _handle(self, *args: Any, **options: Any) -> None:
        self.port = options["port"]
        try:
            self.demo = load()
        except ContentError as error:
            raise CommandError(f"Contenu de démonstration illisible : {error}") from error
        # A half-built or half-reset town (processes gone, accounts left) is redone, not built over.
        if Process.objects.exists() or _demo_accounts().exists():
            if not options["reset"]:
                self.stdout.write(
                    self.style.WARNING(
                        "La démonstration existe déjà : rien n'est modifié (--reset pour la refaire)."
                    )
                )
                self._print_accounts()
                return
            with transaction.atomic():
                self._reset()
        rng = random.Random(options["seed"])  # nosec B311  # a reproducible demo, not a secret
        with transaction.atomic():
            self._build(rng)
            seed_outreach()  # workshops, contributions gathered on people's behalf, paper forms (outreach)
            # Every demo account has the same password: hash it once (hashing it for each of the 55 accounts
            # took 20 s of CPU, most of the seeding).
            demo_users = _demo_accounts()
            demo_users.update(password=make_password(ADMIN_PASSWORD))
        self._group()
        self._budget()
        self.stdout.write(f"{seed_notifications()} notifications dans les espaces des habitants.")
        seed_populations()  # dashboards: participation per 1,000 inhabitants (helper « opendata »)
        self._conversation()
        seed_lab(self.stdout)  # the social-innovation lab (helper lab)
        from bouquet.demo.projects import seed_projects  # projects and the gap watch (docs/decisions/0026)

        seed_projects(self.stdout)
        self._print_accounts()

    def _agent(self) -> User:
        """The town hall's agent who answers, regroups and opens the budget: the first one in town.toml."""
        return User.objects.get(email=next(s.email for s in self.demo.staff if s.role == Role.AGENT))

    def _group(self) -> None:
        """Form the first bouquets of each process, as an agent would from the bouquets page."""
        agent = self._agent()
        for process in Process.objects.order_by("id"):
            if Proposal.objects.filter(process=process).count() < 2:
                continue  # a process without proposals (last year's budget) has nothing to group
            self.stdout.write(f"Regroupement des propositions : {process.title}…")
            # Queued and run here and now, not handed to a worker (run_grouping claims it, so it never runs twice).
            clustering, _new = queue_grouping(agent=agent, process=process)
            clustering = run_grouping(clustering_id=clustering.pk)
            if clustering.state == clustering.State.FAILED:
                raise CommandError(f"Regroupement impossible : {clustering.step} ({clustering.error})")

    def _conversation(self) -> None:
        """The conversation of the place des Tilleuls, its votes, its map and a closed live room (conversations)."""
        from bouquet.demo.conversations import seed_conversation

        self.stdout.write("Conversation et carte des opinions…")
        seed_conversation(agent=self._agent())

    def _reset(self) -> None:
        Initiative.objects.all().delete()  # the lab's initiatives (helper lab)
        Allocation.objects.all().delete()  # means protect their bouquets (and so their processes) from deletion
        Proposal.objects.all().delete()
        Process.objects.all().delete()
        Theme.objects.all().delete()
        District.objects.all().delete()
        MapFeature.objects.all().delete()
        Place.objects.all().delete()  # the places of the town's memory, their memories with them
        ArchiveItem.objects.all().delete()
        # Announcements say which events were told: a new row may reuse a deleted one's id (SQLite), and an old
        # announcement would then keep the rebuilt town's events from being told.
        Announcement.objects.all().delete()
        # What the demo's accounts wrote elsewhere (memories of places, newsletters, moderation decisions…) holds
        # them: it is demo content too, deleted with them, whatever app it belongs to.
        accounts = _demo_accounts()
        for _round in range(20):
            try:
                accounts.delete()
                return
            except (ProtectedError, RestrictedError) as held:
                blocking = (
                    held.protected_objects if isinstance(held, ProtectedError) else held.restricted_objects
                )
                for row in blocking:
                    row.delete()
        raise CommandError(
            "Les comptes de démonstration restent liés à des données : effacez la base (var/)."
        )

    def _print_accounts(self) -> None:
        self.stdout.write(self.style.SUCCESS(f"Ville de démonstration prête : http://127.0.0.1:{self.port}"))
        self.stdout.write(f"  Administrateur : {ADMIN_EMAIL} / {ADMIN_PASSWORD}  (admin : /admin/)")
        for person in self.demo.staff:
            self.stdout.write(f"  {person.role.label} : {person.email} / {ADMIN_PASSWORD}")
        self.stdout.write("  Habitants : habitant1@val-de-loirette.test ... / même mot de passe")

    def _account(self, email: str, name: str, role: Role, district: District | None = None) -> User:
        from allauth.account.models import EmailAddress

        # No password here: handle() sets the same one on every demo account at once.
        user = User.objects.create_user(email, None, display_name=name, role=role, district=district)
        # Demo accounts are confirmed so that visitors can log in at once.
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    def _build(self, rng: random.Random) -> None:
        demo: DemoContent = self.demo
        today = timezone.localdate()
        districts = {
            d.slug: create_district(
                name=d.name,
                description=d.description,
                latitude=d.center[0],
                longitude=d.center[1],
                boundary=d.boundary,
            )
            for d in demo.districts
        }
        for feature in demo.map_features:
            add_map_feature(
                kind=feature.kind, name=feature.name, article=feature.article, shape=feature.geometry
            )
        for district, place_data in zip(districts.values(), demo.districts, strict=True):
            if district.slug != place_data.slug:
                district.slug = place_data.slug
                district.save(update_fields=["slug"])
        districts = {d.slug: d for d in District.objects.all()}
        themes = {t.slug: Theme.objects.create(slug=t.slug, name=t.name) for t in demo.themes}
        admin = self._account(ADMIN_EMAIL, "Administration", Role.ADMINISTRATOR)
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
        staff: dict[Role, User] = {}
        for person in demo.staff:
            staff.setdefault(person.role, self._account(person.email, person.name, person.role))
        residents = [
            self._account(
                f"habitant{i}@val-de-loirette.test",
                f"{resident.first_name} {resident.last_name[0]}.",
                Role.INHABITANT,
                districts.get(resident.district_slug) if resident.district_slug else None,
            )
            for i, resident in enumerate(demo.residents, start=1)
        ]
        facilitator, agent = staff[Role.FACILITATOR], staff[Role.AGENT]
        named_places = seed_memory_of_places(agent=agent, residents=residents)  # the memory of places

        processes: dict[str, Process] = {}
        final_dates: dict[str, list[tuple[dt.date, dt.date]]] = {}
        for process_data in demo.processes:
            # Open every process in its proposals phase first, so that proposals go through the same service
            # as on the site; then put each phase back at its real dates.
            specs = []
            for phase_data in process_data.phases:
                if phase_data.kind == PhaseKind.PROPOSALS:
                    start, end = today - dt.timedelta(days=1), today + dt.timedelta(days=1)
                else:
                    start, end = today + dt.timedelta(days=400), today + dt.timedelta(days=401)
                specs.append(
                    PhaseSpec(
                        kind=PhaseKind(phase_data.kind),
                        starts_on=start,
                        ends_on=end,
                        title=phase_data.title,
                        description=phase_data.description,
                    )
                )
            processes[process_data.slug] = create_process(
                title=process_data.title,
                summary=process_data.summary,
                description=process_data.description,
                phases=specs,
                district=districts.get(process_data.district_slug) if process_data.district_slug else None,
                place=place_named(named_places, process_data.place_name),
                created_by=agent,
                slug=process_data.slug,
            )
            final_dates[process_data.slug] = [
                (today + dt.timedelta(days=p.start_offset_days), today + dt.timedelta(days=p.end_offset_days))
                for p in process_data.phases
            ]

        proposals: list[Proposal] = []
        for proposal_data in demo.proposals:
            origin = Origin(proposal_data.origin)
            author = facilitator if origin != Origin.ONLINE else rng.choice(residents)
            # Not placed one by one (submit_and_place_proposal): every process is regrouped once at the end.
            proposal = submit_proposal(
                author=author,
                process=processes[proposal_data.process_slug],
                data=ProposalInput(
                    title=proposal_data.title,
                    body=proposal_data.body,
                    district=districts.get(proposal_data.district_slug)
                    if proposal_data.district_slug
                    else None,
                    theme=themes[proposal_data.theme_slug],
                    place=proposal_data.place,
                    address=proposal_data.address,
                    named_place=place_for_address(named_places, proposal_data.address),
                ),
                origin=origin,
            )
            proposals.append(proposal)

        # The budget open for voting today is prepared while its vote is still to come, as an agent would.
        self._open_budget(agent, processes, final_dates, demo, proposals)

        for slug, process in processes.items():
            for phase, (start, end) in zip(
                Phase.objects.filter(process=process).order_by("id"), final_dates[slug], strict=True
            ):
                reschedule_phase(phase=phase, starts_on=start, ends_on=end)
            # Spread the creation dates over the real proposals phase, for a realistic list.
            proposal_phase = next((p for p in process.phases.all() if p.kind == PhaseKind.PROPOSALS), None)
            if proposal_phase is not None:
                span = max((min(proposal_phase.ends_on, today) - proposal_phase.starts_on).days, 1)
                for proposal in (p for p in proposals if p.process_id == process.pk):
                    day = proposal_phase.starts_on + dt.timedelta(days=rng.randrange(span))
                    moment = timezone.make_aware(
                        dt.datetime.combine(day, dt.time(rng.randrange(7, 22), rng.randrange(60)))
                    )
                    Proposal.objects.filter(pk=proposal.pk).update(created_at=moment)

        fresh = {p.pk: Process.objects.prefetch_related("phases").get(pk=p.pk) for p in processes.values()}
        for proposal in proposals:
            proposal.process = fresh[proposal.process_id]

        by_number = {data.id: proposal for data, proposal in zip(demo.proposals, proposals, strict=True)}
        for comment in demo.comments:
            proposal = by_number[comment.proposal_id]
            parent = add_comment(author=rng.choice(residents), proposal=proposal, body=comment.body)
            for reply in comment.replies:
                add_comment(
                    author=rng.choice(residents + [agent]), proposal=proposal, body=reply, parent=parent
                )

        for proposal, proposal_data in zip(proposals, demo.proposals, strict=True):
            if proposal_data.status != Status.SUBMITTED and proposal_data.answer:
                answer_proposal(
                    agent=agent,
                    proposal=proposal,
                    status=Status(proposal_data.status),
                    answer=proposal_data.answer,
                )
            # Supports only where the supports phase runs today, as on the site.
            supporters = rng.sample(residents, k=rng.choice([0, 1, 2, 3, 5, 8, 13, 21]) if residents else 0)
            for citizen in supporters:
                try:
                    add_support(citizen=citizen, proposal=proposal)
                except ActionNotAllowed:
                    break  # the process is not in its supports phase: expected
        if not proposals:
            raise CommandError("Aucune proposition créée : le contenu de démonstration est vide.")
        self.stdout.write(
            f"{len(districts)} quartiers, {len(processes)} démarches, {len(proposals)} propositions, "
            f"{len(demo.comments)} fils de commentaires."
        )

    # ---- participatory budgets (budgets app) ----------------------------------------------------------

    def _vote_year(self, process: Process) -> int:
        """The year of a process's vote phase: the « {year} » of its budget's title."""
        from bouquet.budgets.services import vote_phase_of

        phase = vote_phase_of(process)
        return (phase.starts_on if phase else timezone.localdate()).year

    def _open_budget(
        self,
        agent: User,
        processes: dict[str, Process],
        final_dates: dict[str, list[tuple[dt.date, dt.date]]],
        demo: DemoContent,
        proposals: list[Proposal],
    ) -> None:
        """The budget open for voting when the demo starts: the studied proposals of its process, with their costs."""
        from bouquet.budgets import services as budgets

        data = demo.budget
        process = processes[data.open_process_slug]
        process_data = next(p for p in demo.processes if p.slug == data.open_process_slug)
        vote_start = next(
            start
            for phase, (start, _end) in zip(process_data.phases, final_dates[process.slug], strict=True)
            if phase.kind == PhaseKind.VOTE
        )
        budget = budgets.create_budget(
            agent=agent,
            process=process,
            data=budgets.BudgetInput(
                title=data.open_title.format(year=vote_start.year),
                amount=data.open_amount,
                description=data.open_description,
                ballot_kind=data.open_ballot_kind,
            ),
        )
        by_number = {d.id: p for d, p in zip(demo.proposals, proposals, strict=True)}
        for project in data.open_projects:
            budgets.create_project_from_proposal(
                agent=agent, budget=budget, proposal=by_number[project.proposal_id], cost=project.cost
            )

    def _budget(self) -> None:
        """The budget to come, from its process's biggest bouquets, and last year's edition replayed."""
        from fractions import Fraction

        from django.db.models import Count

        from bouquet.bouquets.models import Bouquet, Placement
        from bouquet.budgets import services as budgets
        from bouquet.budgets.counting import Ballot, Election, Project, write_pb

        data = self.demo.budget
        agent = self._agent()
        process = Process.objects.get(slug=data.process_slug)
        if budgets.vote_phase_of(process) is None:
            return
        rng = random.Random(2026)  # nosec B311  # a reproducible demo, not a secret
        self.stdout.write("Budget participatif : projets issus des bouquets…")
        budget = budgets.create_budget(
            agent=agent,
            process=process,
            data=budgets.BudgetInput(
                title=data.title.format(year=self._vote_year(process)),
                amount=data.amount,
                description=data.description,
                ballot_kind=data.ballot_kind,
                max_projects=data.max_projects,
            ),
        )
        # Costs within the call's limit per project (« jusqu'à 5 000 € par projet »), in hundreds of euros.
        top = data.max_project_cost // 100
        biggest = list(
            Bouquet.objects.filter(process=process)
            .annotate(n=Count("placements"))
            .filter(n__gt=1)
            .order_by("-n", "id")[:6]
        )
        for bouquet in biggest:
            budgets.create_project_from_bouquet(
                agent=agent, budget=budget, bouquet=bouquet, cost=rng.randrange(top // 4, top + 1) * 100
            )
        grouped = Placement.objects.filter(bouquet__in=biggest).values_list("proposal_id", flat=True)
        for proposal in (
            Proposal.objects.filter(process=process)
            .exclude(pk__in=grouped)
            .order_by("-support_count", "id")[:2]
        ):
            budgets.create_project_from_proposal(
                agent=agent, budget=budget, proposal=proposal, cost=rng.randrange(top // 4, top + 1) * 100
            )

        # Last year's edition, replayed from its anonymous ballots (deterministic), so the results pages show.
        past = data.previous_projects
        projects = [
            Project(id=str(i), cost=Fraction(p.cost), name=p.name) for i, p in enumerate(past, start=1)
        ]
        # A voter who picked nothing votes for the cheapest project: a pabulib ballot is never empty.
        cheapest = str(min(range(len(past)), key=lambda i: past[i].cost) + 1)
        ballots = []
        for voter in range(1, data.previous_voters + 1):
            left, chosen = data.previous_amount, []
            for index in rng.sample(range(len(past)), k=len(past)):
                if past[index].cost <= left and rng.random() < past[index].popularity:
                    chosen.append(str(index + 1))
                    left -= past[index].cost
            ballots.append(Ballot(voter_id=str(voter), projects=tuple(sorted(chosen, key=int) or [cheapest])))
        # Last year's edition has its own process, whose vote phase (in the past) dates the ballots and the title.
        past_process = Process.objects.get(slug=data.previous_process_slug)
        vote = budgets.vote_phase_of(past_process)
        assert vote is not None  # nosec B101 - type narrowing: content.load checked it
        year = vote.starts_on.year
        election = Election(
            budget=Fraction(data.previous_amount),
            projects=projects,
            ballots=ballots,
            meta={
                "description": data.previous_description,
                "country": "France",
                "unit": self.demo.town_name,
                "instance": str(year),
                "date_begin": vote.starts_on.strftime("%d.%m.%Y"),
                "date_end": vote.ends_on.strftime("%d.%m.%Y"),
                "rule": "equalshares",
                "currency": "EUR",
                "language": "fr",
                # Each voter chose within the envelope (a knapsack ballot), as the process's texts say.
                "max_sum_cost": str(data.previous_amount),
            },
            project_columns=["project_id", "cost", "name"],
        )
        budgets.import_pabulib(
            agent=agent,
            process=past_process,
            data=write_pb(election).encode(),
            title=data.previous_title.format(year=year),
            rule=data.previous_rule,
        )
