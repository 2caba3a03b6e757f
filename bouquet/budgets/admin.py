"""Admin: budgets and projects are editable; ballots and participations are read-only evidence."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from bouquet.budgets.models import (
    Budget,
    BudgetEnvelope,
    BudgetProject,
    BudgetResult,
    Participation,
)


class EnvelopeInline(admin.TabularInline):
    model = BudgetEnvelope
    extra = 0


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "amount", "ballot_kind", "rule", "is_secret"]
    list_filter = ["ballot_kind", "rule", "is_secret", "is_imported"]
    inlines = [EnvelopeInline]


@admin.register(BudgetProject)
class BudgetProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "budget", "code", "cost", "district", "feasibility"]
    list_filter = ["feasibility"]
    search_fields = ["title"]
    raw_id_fields = ["proposals", "bouquet"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Participation)
class ParticipationAdmin(ReadOnlyAdmin):
    list_display = ["budget", "voter", "channel", "created_at"]
    list_filter = ["channel"]


@admin.register(BudgetResult)
class BudgetResultAdmin(ReadOnlyAdmin):
    list_display = ["budget", "part", "rule", "ballot_count", "updated_at"]
