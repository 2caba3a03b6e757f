# Means given to a bouquet move from the budgets app to the bouquets app (layers: bouquets may not import budgets),
# with PROTECT instead of CASCADE. The new table is created, every row is copied with its id and dates, and
# budgets.0002 then drops the old table. Reversible: the rows are copied back.

import django.db.models.deletion
from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations, models

COLUMNS = "id, created_at, updated_at, kind, amount, unit, note, allocated_by_id, bouquet_id"


def _copy(apps, schema_editor, source, target):
    source_table = apps.get_model(*source)._meta.db_table
    target_model = apps.get_model(*target)
    connection = schema_editor.connection
    quote = connection.ops.quote_name
    # Plain SQL: a bulk_create would let auto_now_add overwrite the dates the means were given.
    schema_editor.execute(
        f"INSERT INTO {quote(target_model._meta.db_table)} ({COLUMNS}) SELECT {COLUMNS} FROM {quote(source_table)}"
    )
    for statement in connection.ops.sequence_reset_sql(no_style(), [target_model]):
        schema_editor.execute(statement)  # ids were copied: the next one follows them (PostgreSQL)


def copy_from_budgets(apps, schema_editor):
    _copy(apps, schema_editor, ("budgets", "Allocation"), ("bouquets", "Allocation"))


def copy_back_to_budgets(apps, schema_editor):
    _copy(apps, schema_editor, ("bouquets", "Allocation"), ("budgets", "Allocation"))


class Migration(migrations.Migration):

    dependencies = [
        ('bouquets', '0003_placement_clustering'),
        ('budgets', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Allocation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='créé le')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='modifié le')),
                ('kind', models.CharField(choices=[('money', 'Argent'), ('staff_time', "Temps d'agents"), ('room', 'Salle ou local'), ('mentoring', 'Accompagnement')], max_length=12, verbose_name='nature')),
                ('amount', models.PositiveBigIntegerField(verbose_name='quantité')),
                ('unit', models.CharField(max_length=20, verbose_name='unité')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='précision')),
                ('allocated_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('bouquet', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='allocations', to='bouquets.bouquet')),
            ],
            options={
                'verbose_name': 'moyen alloué',
                'verbose_name_plural': 'moyens alloués',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.RunPython(copy_from_budgets, copy_back_to_budgets),
    ]
