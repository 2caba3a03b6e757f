"""The demo's projects: last year's winners followed, one drifting with its re-consultation open; the Paris
archive imported when the shared data folder is there."""

import io

import pytest
from django.core.management import call_command

from bouquet.projects import selectors
from bouquet.projects.models import Project, Reconsultation
from tests.shared_data import missing_shared_data


@pytest.mark.django_db
def test_the_demo_follows_its_projects_and_the_gap():
    out = io.StringIO()
    call_command("seed_demo", port=8101, stdout=out)
    demo = Project.objects.exclude(process__slug__startswith="archive-")
    assert demo.count() == 3
    assert all(p.budget_project_id for p in demo)
    drifting = selectors.filtered(selectors.ProjectFilters(drifting=True)).filter(pk__in=demo)
    assert drifting.count() == 1
    reconsultation = Reconsultation.objects.get(project=drifting.get(), closed_at__isnull=True)
    assert reconsultation.recipients.exists(), (reconsultation.project.proposal_id, reconsultation.reach)
    assert demo.filter(updates__isnull=False).distinct().count() == 3
    if missing_shared_data() is None:
        assert Project.objects.filter(process__slug__startswith="archive-").count() == 1341
        assert "1341 projets importés" in out.getvalue()
