"""Build the French demo town through the services: districts, people, three processes, proposals,
comments, supports, answers. Dates are relative to today. Run it on an empty database (or with --reset)."""

import datetime as dt
import random
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.bouquets.services import request_grouping, run_grouping
from bouquet.core.errors import ActionNotAllowed
from bouquet.demo import content
from bouquet.places.models import District
from bouquet.places.services import create_district
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
ADMIN_PASSWORD = "demo-bouquet-2026"  # noqa: S105 - a demo account on a local database, printed on screen
STAFF = [
    ("agent@val-de-loirette.test", "Claire Martin (mairie)", Role.AGENT),
    ("moderation@val-de-loirette.test", "Équipe modération", Role.MODERATOR),
    ("animation@val-de-loirette.test", "Yanis Benali (animateur)", Role.FACILITATOR),
    ("accompagnement@val-de-loirette.test", "Sophie Garnier (accompagnatrice)", Role.MENTOR),
]


class Command(BaseCommand):
    help = (
        "Crée la ville de démonstration Val-de-Loirette (quartiers, démarches, propositions, commentaires)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--reset", action="store_true", help="Efface les données de démonstration existantes."
        )
        parser.add_argument("--seed", type=int, default=2026, help="Graine du hasard (soutiens, dates).")

    def handle(self, *args: Any, **options: Any) -> None:
        if Process.objects.exists():
            if not options["reset"]:
                self.stdout.write(
                    self.style.WARNING(
                        "La démonstration existe déjà : rien n'est modifié (--reset pour la refaire)."
                    )
                )
                self._print_accounts()
                return
            self._reset()
        rng = random.Random(options["seed"])
        self._password_hash = make_password(ADMIN_PASSWORD)
        with transaction.atomic():
            self._build(rng)
        self._group()
        self._print_accounts()

    def _group(self) -> None:
        """Form the first bouquets of each process, as an agent would from the bouquets page."""
        agent = User.objects.get(email=STAFF[0][0])
        for process in Process.objects.order_by("id"):
            self.stdout.write(f"Regroupement des propositions : {process.title}…")
            clustering = request_grouping(agent=agent, process=process)
            # Runs here and now when no worker has taken it (run_grouping claims it, so it never runs twice).
            clustering = run_grouping(clustering_id=clustering.pk)
            if clustering.state == clustering.State.FAILED:
                raise CommandError(f"Regroupement impossible : {clustering.step} ({clustering.error})")

    def _reset(self) -> None:
        Proposal.objects.all().delete()
        Process.objects.all().delete()
        Theme.objects.all().delete()
        District.objects.all().delete()
        User.objects.filter(email__endswith="@val-de-loirette.test").delete()

    def _print_accounts(self) -> None:
        self.stdout.write(self.style.SUCCESS("Ville de démonstration prête : http://127.0.0.1:8000"))
        self.stdout.write(f"  Administrateur : {ADMIN_EMAIL} / {ADMIN_PASSWORD}  (admin : /admin/)")
        for email, _name, role in STAFF:
            self.stdout.write(f"  {Role(role).label} : {email} / {ADMIN_PASSWORD}")
        self.stdout.write("  Habitants : habitant1@val-de-loirette.test ... / même mot de passe")

    def _account(self, email: str, name: str, role: Role, district: District | None = None) -> User:
        from allauth.account.models import EmailAddress

        user = User.objects.create_user(
            email, ADMIN_PASSWORD, display_name=name, role=role, district=district
        )
        # Demo accounts are confirmed so that visitors can log in at once.
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    def _build(self, rng: random.Random) -> None:
        today = timezone.localdate()
        districts = {
            d.slug: create_district(
                name=d.name, description=d.description, latitude=d.center[0], longitude=d.center[1]
            )
            for d in content.DISTRICTS
        }
        for district, data in zip(districts.values(), content.DISTRICTS, strict=True):
            if district.slug != data.slug:
                district.slug = data.slug
                district.save(update_fields=["slug"])
        districts = {d.slug: d for d in District.objects.all()}
        themes = {slug: Theme.objects.create(slug=slug, name=name) for slug, name in content.THEMES}
        admin = self._account(ADMIN_EMAIL, "Administration", Role.ADMINISTRATOR)
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
        staff = {role: self._account(email, name, role) for email, name, role in STAFF}
        residents = [
            self._account(
                f"habitant{i}@val-de-loirette.test",
                f"{first} {last[0]}.",
                Role.INHABITANT,
                districts.get(slug),
            )
            for i, (first, last, slug) in enumerate(content.RESIDENTS, start=1)
        ]
        facilitator, agent = staff[Role.FACILITATOR], staff[Role.AGENT]

        processes: dict[str, Process] = {}
        final_dates: dict[str, list[tuple[dt.date, dt.date]]] = {}
        for data in content.PROCESSES:
            # Open every process in its proposals phase first, so that proposals go through the same service
            # as on the site; then put each phase back at its real dates.
            specs = []
            for phase in data.phases:
                start = today + dt.timedelta(days=phase.start_offset_days)
                end = today + dt.timedelta(days=phase.end_offset_days)
                if phase.kind == PhaseKind.PROPOSALS:
                    start, end = today - dt.timedelta(days=1), today + dt.timedelta(days=1)
                else:
                    start, end = today + dt.timedelta(days=400), today + dt.timedelta(days=401)
                specs.append(
                    PhaseSpec(
                        kind=PhaseKind(phase.kind),
                        starts_on=start,
                        ends_on=end,
                        title=phase.title,
                        description=phase.description,
                    )
                )
            processes[data.slug] = create_process(
                title=data.title,
                summary=data.summary,
                description=data.description,
                phases=specs,
                district=districts.get(data.district_slug) if data.district_slug else None,
                created_by=agent,
                slug=data.slug,
            )
            final_dates[data.slug] = [
                (today + dt.timedelta(days=p.start_offset_days), today + dt.timedelta(days=p.end_offset_days))
                for p in data.phases
            ]

        proposals: list[Proposal] = []
        for data in content.PROPOSALS:
            origin = Origin(data.origin)
            author = facilitator if origin != Origin.ONLINE else rng.choice(residents)
            proposal = submit_proposal(
                author=author,
                process=processes[data.process_slug],
                data=ProposalInput(
                    title=data.title,
                    body=data.body,
                    district=districts.get(data.district_slug) if data.district_slug else None,
                    theme=themes[data.theme_slug],
                    place=data.place,
                    address=data.address,
                ),
                origin=origin,
            )
            proposals.append(proposal)

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

        def speaker(text: str) -> User:
            # What the town hall says is signed by its agent, not by a random resident.
            return (
                agent
                if text.startswith(("Le service", "La mairie", "La ville", "La Ville"))
                else rng.choice(residents)
            )

        for comment in content.COMMENTS:
            proposal = proposals[comment.proposal_index]
            parent = add_comment(author=rng.choice(residents), proposal=proposal, body=comment.body)
            for reply in comment.replies:
                add_comment(
                    author=rng.choice(residents + [agent]), proposal=proposal, body=reply, parent=parent
                )

        for proposal, data in zip(proposals, content.PROPOSALS, strict=True):
            if data.status != Status.SUBMITTED and data.answer:
                answer_proposal(
                    agent=agent, proposal=proposal, status=Status(data.status), answer=data.answer
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
            f"{len(content.COMMENTS)} fils de commentaires."
        )
