from django.contrib import admin

from bouquet.processes.models import Phase, Process


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


@admin.register(Process)
class ProcessAdmin(admin.ModelAdmin):
    list_display = ("title", "district", "is_published", "created_at")
    list_filter = ("is_published", "district")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [PhaseInline]
