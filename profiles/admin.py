"""Every model is editable here so that a curator can correct any imported value."""

from django.contrib import admin

from profiles.models import (
    Alias,
    Citation,
    Event,
    Group,
    GroupCountry,
    NameKey,
    Reference,
    Relationship,
    SourceDocument,
)


class GroupCountryInline(admin.TabularInline):
    model = GroupCountry
    extra = 0


class AliasInline(admin.TabularInline):
    model = Alias
    fk_name = "group"
    extra = 0
    fields = ["name", "kind", "document", "position"]
    raw_id_fields = ["document"]


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    fields = ["date", "date_text", "earliest", "latest", "precision", "kind", "text"]


class RelationshipInline(admin.TabularInline):
    model = Relationship
    fk_name = "source"
    extra = 0
    fields = ["relation", "target_name", "target", "sentence"]
    raw_id_fields = ["target"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "status", "formation_date", "termination_date", "size"]
    list_filter = ["kind", "status", "needs_review", "countries__code"]
    search_fields = ["name", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [GroupCountryInline, AliasInline, EventInline, RelationshipInline]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "format", "group", "sha256", "imported_at"]
    list_filter = ["format"]
    search_fields = ["filename", "sha256"]
    list_select_related = ["group"]
    readonly_fields = ["sha256", "imported_at", "raw_text", "encoding"]
    raw_id_fields = ["group"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["date", "group", "kind", "text"]
    list_filter = ["kind", "precision"]
    search_fields = ["text", "group__name"]
    list_select_related = ["group"]
    raw_id_fields = ["group", "document"]


@admin.register(Reference)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "group", "label", "url"]
    search_fields = ["label", "url", "group__name"]
    list_select_related = ["group"]
    raw_id_fields = ["group", "document"]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["reference", "group", "section", "statement"]
    list_select_related = ["reference", "group"]
    raw_id_fields = ["reference", "group", "document", "event"]


@admin.register(Relationship)
class RelationshipAdmin(admin.ModelAdmin):
    list_display = ["source", "relation", "target_name", "target"]
    list_filter = ["relation"]
    search_fields = ["source__name", "target_name"]
    list_select_related = ["source", "target"]
    raw_id_fields = ["source", "target", "document"]


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ["name", "group", "kind", "subject_name"]
    list_filter = ["kind"]
    search_fields = ["name", "subject_name", "group__name"]
    list_select_related = ["group"]
    raw_id_fields = ["group", "document"]


admin.site.register(GroupCountry)
admin.site.register(NameKey)
