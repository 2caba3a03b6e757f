"""The demo's projects: what became of last year's budget winners, one of them drifting with an open
re-consultation; and the real Paris winners' file imported into an archive process, when the shared data folder
is there, so that the gap dashboard shows real figures."""

import datetime as dt
import os
import time
import tomllib
from pathlib import Path
from typing import Any

from django.core.management.base import OutputWrapper
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.budgets.models import BudgetProject, BudgetResult
from bouquet.core.spreadsheet import read_table
from bouquet.projects import months, reading, services
from bouquet.projects.models import Project
from bouquet.proposals.models import Proposal

DATA = Path(__file__).resolve().parent / "data" / "projects.toml"
REPOSITORY = Path(__file__).resolve().parents[2]


def paris_file() -> Path:
    """The Paris winners' file in the shared data folder ($BOUQUET_SHARED_DATA, else ../shared/data)."""
    override = os.environ.get("BOUQUET_SHARED_DATA", "").strip()
    folder = Path(override).expanduser() if override else REPOSITORY.parent / "shared" / "data"
    return folder / "paris_bp" / "projets_gagnants.csv"


def _month(text: str, today: int) -> int:
    return today + int(text)


def _day(text: str, today: int) -> dt.date:
    return months.first_day(_month(text, today)) + dt.timedelta(days=14)


def seed_projects(stdout: OutputWrapper) -> None:
    """Projects from last year's winners, with their dates, results, milestones and news; one drifting, with
    its re-consultation open; then the Paris archive."""
    agent = User.objects.filter(role=Role.AGENT).order_by("pk").first()
    result = (
        BudgetResult.objects.select_related("budget__process").order_by("-budget__phase__ends_on").first()
    )
    if agent is None or result is None:
        stdout.write("Projets : pas de budget dépouillé, aucun projet créé.")
        return
    winners = list(
        BudgetProject.objects.filter(budget=result.budget, code__in=result.winners).order_by("-cost")
    )
    entries = tomllib.loads(DATA.read_text(encoding="utf-8"))["project"]
    today = months.month_of(timezone.localdate())
    made = 0
    for winner, entry in zip(winners, entries, strict=False):
        project = _project(agent, winner, entry, today)
        made += 1
        if entry.get("reconsultation"):
            services.open_reconsultation(
                agent=agent,
                project=project,
                question=entry["reconsultation"],
                closes_on=timezone.localdate() + dt.timedelta(days=21),
            )
    stdout.write(f"{made} projets suivis, dont un qui dérive avec sa revoyure ouverte.")
    _paris(stdout)


def _project(agent: User, winner: BudgetProject, entry: dict[str, Any], today: int) -> Project:
    # Last year's ballots come from a file (no participation records): the drifting project also carries the
    # most supported proposal, so that its re-consultation reaches real people (author, co-authors, supporters).
    proposal = (
        Proposal.objects.public().order_by("-support_count", "pk").first()
        if entry.get("reconsultation")
        else None
    )
    project = services.create_project(
        agent=agent,
        process=winner.budget.process,
        data=services.ProjectInput(
            title=winner.title, description=winner.description, department=entry["department"]
        ),
        budget_project=winner,
        proposal=proposal,
    )
    # The vote was last year: the project was conceived then, and the demo's months are counted back from today.
    vote = project.conceived_month or today - 12
    for item in entry.get("results", []):
        services.add_result(agent=agent, project=project, **item)
    for item in entry.get("milestones", []):
        services.add_milestone(
            agent=agent,
            project=project,
            title=item["title"],
            planned_on=_day(item["planned"], today),
            done_on=_day(item["done"], today) if "done" in item else None,
        )
    for item in entry.get("updates", []):
        services.post_update(
            agent=agent,
            project=project,
            title=item["title"],
            body=item["body"],
            happened_on=months.first_day(today - item["months_ago"]) + dt.timedelta(days=3),
        )
    planned = _month(entry["planned_delivery"], today)
    Project.objects.filter(pk=project.pk).update(
        status=entry["status"],
        conceived_month=min(vote, today - 13),
        decided_month=min(vote, today - 13),
        vote_year=months.year_of(min(vote, today - 13)),
        studies_month=_month(entry["studies"], today) if "studies" in entry else None,
        works_month=_month(entry["works"], today) if "works" in entry else None,
        planned_delivery_month=planned,
        first_planned_delivery_month=planned - (14 if entry.get("drifting") else 0),
        delivered_month=_month(entry["delivered"], today) if "delivered" in entry else None,
        last_activity_month=today - 8 if entry.get("drifting") else today,
    )
    project.refresh_from_db()
    return project


def _paris(stdout: OutputWrapper) -> None:
    path = paris_file()
    if not path.is_file():
        stdout.write(f"Projets de Paris : fichier absent ({path}), archive non importée.")
        return
    started = time.perf_counter()
    table = read_table(path.read_bytes())
    mapping = reading.recognise(table[0])
    if mapping is None:
        stdout.write("Projets de Paris : colonnes inattendues, archive non importée.")
        return
    process = services.archive_process(title=mapping.name)
    report = services.import_projects(agent=None, process=process, table=table, mapping=mapping)
    stdout.write(
        f"Projets de Paris : {report.created + report.updated} projets importés dans « {process.title} » "
        f"en {time.perf_counter() - started:.1f} s."
    )
