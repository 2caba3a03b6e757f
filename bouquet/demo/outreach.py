"""The demo's workshops (the founding text's four public workshops and a public meeting to come), the
contributions gathered there, and a small file of paper forms imported through the staged import, all through
the services (``data/workshops.toml``, ``data/paper_forms.csv``)."""

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

from django.utils import timezone

from bouquet.accounts.models import User
from bouquet.core import imports
from bouquet.core.models import ImportRecord
from bouquet.outreach import paper, services
from bouquet.outreach.models import Contributor
from bouquet.places.models import District
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal

DATA_DIR = Path(__file__).resolve().parent / "data"
_DAY = re.compile(r"\{day([+-]\d+)\}")


def _moment(day: dt.date, clock: str) -> dt.datetime:
    hours, minutes = (int(part) for part in clock.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), tzinfo=timezone.get_current_timezone())


def _centre(district: District | None) -> tuple[float, float] | None:
    """Where a workshop of the demo is drawn: the centre of its district."""
    if district is None or district.latitude is None or district.longitude is None:
        return None
    return (district.latitude, district.longitude)


def paper_file(today: dt.date, directory: Path = DATA_DIR) -> bytes:
    """The demo's paper forms as a spreadsheet would export them (UTF-8 with its mark), days relative to today."""
    text = (directory / "paper_forms.csv").read_text(encoding="utf-8")
    text = _DAY.sub(lambda m: (today + dt.timedelta(days=int(m.group(1)))).strftime("%d/%m/%Y"), text)
    return text.encode("utf-8-sig")


def seed_outreach(directory: Path = DATA_DIR) -> dict[str, int]:
    """Schedule the demo's workshops, record their reports and the contributions gathered there, and import the
    paper forms; returns what was made (workshops, contributions, paper rows imported)."""
    data: dict[str, Any] = tomllib.loads((directory / "workshops.toml").read_text(encoding="utf-8"))
    process = Process.objects.get(slug=data["process"])
    facilitator = User.objects.get(email=data["facilitator"])
    districts = {d.slug: d for d in District.objects.all()}
    # A demo seeded again starts from no paper person and no imported file (they outlive its processes).
    Contributor.objects.all().delete()
    ImportRecord.objects.filter(kind=paper.KIND).delete()
    today = timezone.localdate()
    made = {"workshops": 0, "contributions": 0, "paper": 0}
    for item in data["workshops"]:
        day = today + dt.timedelta(days=item["day"])
        workshop = services.schedule_workshop(
            facilitator=facilitator,
            data=services.WorkshopInput(
                process=process,
                kind=item["kind"],
                title=item["title"],
                format=item["format"],
                description=item.get("description", ""),
                starts_at=_moment(day, item["start"]),
                ends_at=_moment(day, item["end"]),
                place_name=item["place"],
                address=item.get("address", ""),
                district=districts.get(item.get("district", "")),
                place=_centre(districts.get(item.get("district", ""))),
                step_free=item.get("step_free", False),
                hearing_loop=item.get("hearing_loop", False),
                accessibility=item.get("accessibility", ""),
                registration_open=item.get("registration", False),
                capacity=item.get("capacity"),
            ),
        )
        services.publish_workshop(facilitator=facilitator, workshop=workshop)
        made["workshops"] += 1
        if "attendance" in item:
            services.record_report(
                facilitator=facilitator,
                workshop=workshop,
                attendance=item["attendance"],
                named_attendees=item.get("named", []),
                minutes=item.get("minutes", ""),
                outcomes=item.get("outcomes", ""),
            )
        for said in item.get("contributions", []):
            join = Proposal.objects.get(process=process, title=said["joins"]) if "joins" in said else None
            contribution = services.record_contribution(
                facilitator=facilitator,
                data=services.GatheredInput(
                    process=process,
                    person=services.ContributorInput(
                        name=said["name"],
                        consent=True,
                        district=districts.get(said.get("district", "")),
                        contact=said.get("contact", ""),
                    ),
                    title=said.get("title", ""),
                    body=said.get("body", ""),
                    join=join,
                    workshop=workshop,
                    said_on=min(day, today),
                ),
            )
            # The day it was said, not the day the demo was built.
            if contribution.kind == "proposal":
                Proposal.objects.filter(pk=contribution.proposal_id).update(
                    created_at=_moment(day, item["end"])
                )
            made["contributions"] += 1
    record = imports.stage_import(
        user=facilitator,
        kind=paper.PAPER_FORMS,
        scope=process.pk,
        filename="formulaires-papier-mairies-annexes.csv",
        data=paper_file(today, directory),
    )
    made["paper"] = imports.confirm_import(user=facilitator, record=record).rows_imported
    return made
