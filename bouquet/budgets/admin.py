"""Admin: budgets are read-only here. Every change goes through the services (``bouquet.budgets.services``), which
refuse to touch a project, a cost or a rule once the vote has started; the admin would bypass them."""

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


class ReadOnlyMixin:
    """Viewable, never added, changed or deleted through the admin."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    pass


class EnvelopeInline(ReadOnlyMixin, admin.TabularInline):
    model = BudgetEnvelope
    extra = 0


@admin.register(Budget)
class BudgetAdmin(ReadOnlyAdmin):
    list_display = ["title", "process", "amount", "ballot_kind", "rule", "is_secret"]
    list_filter = ["ballot_kind", "rule", "is_secret", "is_imported"]
    inlines = [EnvelopeInline]


@admin.register(BudgetProject)
class BudgetProjectAdmin(ReadOnlyAdmin):
    list_display = ["title", "budget", "code", "cost", "district", "feasibility"]
    list_filter = ["feasibility"]
    search_fields = ["title"]


@admin.register(Participation)
class ParticipationAdmin(ReadOnlyAdmin):
    list_display = ["budget", "voter", "channel", "created_at"]
    list_filter = ["channel"]


@admin.register(BudgetResult)
class BudgetResultAdmin(ReadOnlyAdmin):
    list_display = ["budget", "part", "rule", "ballot_count", "updated_at"]
