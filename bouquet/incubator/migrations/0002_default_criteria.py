"""The stage criteria and the skills the lab starts with (the lab edits both afterwards)."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

CRITERIA = [
    ("group", "Au moins trois membres actifs", "active_members", 3, 1),
    ("structured", "Des règles communes écrites (une décision dans l'espace privé)", "rules_written", 1, 1),
    ("structured", "Au moins deux réunions tenues", "meetings", 2, 2),
    ("accompanied", "Un accompagnateur désigné par le laboratoire", "mentor_assigned", 1, 1),
    ("accompanied", "Des ressources trouvées (au moins un échange reçu)", "resource_found", 1, 2),
    ("autonomous", "Une première action réalisée", "person", 1, 1),
    ("autonomous", "Une forme juridique ou une structure d'accueil", "person", 1, 2),
    ("autonomous", "L'accord de l'accompagnateur", "person", 1, 3),
]
SKILLS = [
    ("Jardinage", "jardinage"),
    ("Cuisine", "cuisine"),
    ("Bricolage", "bricolage"),
    ("Comptabilité", "comptabilite"),
    ("Communication", "communication"),
    ("Animation de groupe", "animation"),
    ("Droit et démarches", "droit"),
    ("Informatique", "informatique"),
    ("Traduction", "traduction"),
    ("Couture", "couture"),
    ("Compostage", "compostage"),
    ("Graphisme", "graphisme"),
    ("Recherche de financements", "financements"),
    ("Accompagnement social", "accompagnement-social"),
    ("Transport et logistique", "logistique"),
]


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    criterion = apps.get_model("incubator", "StageCriterion")
    for stage, label, verification, threshold, position in CRITERIA:
        criterion.objects.get_or_create(
            stage=stage,
            label=label,
            defaults={"verification": verification, "threshold": threshold, "position": position},
        )
    skill = apps.get_model("incubator", "Skill")
    for name, slug in SKILLS:
        skill.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("incubator", "0001_lab")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
