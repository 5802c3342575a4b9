"""The curators' workspace: every model is editable here so that a curator can correct any
imported value. The public site never writes; this is where all writing happens."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from profiles import reimport, uploads
from profiles.merging import MergeError, merge_groups
from profiles.models import (
    SECTION_FIELDS,
    Alias,
    Citation,
    Event,
    Group,
    GroupCountry,
    HeldChange,
    NameKey,
    Reference,
    Relationship,
    SlugRedirect,
    SourceDocument,
)
from profiles.selectors import country_name

# Decades a curator can filter the groups by (the period filter's overlap rule).
DECADES = range(1900, 2030, 10)


class CountryListFilter(admin.SimpleListFilter):
    title = "country"
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = GroupCountry.objects.values_list("code", flat=True).distinct().order_by()
        return sorted(((code, country_name(code)) for code in codes), key=lambda c: c[1])

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(countries__code=self.value())
        return queryset


class ActiveInDecadeFilter(admin.SimpleListFilter):
    title = "active in"
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        return [(str(start), f"{start}s") for start in DECADES]

    def queryset(self, request, queryset):
        if self.value() in {str(start) for start in DECADES}:
            start = int(self.value())
            return queryset.active_between(first_year=start, last_year=start + 9)
        return queryset


class GroupCountryInline(admin.TabularInline):
    model = GroupCountry
    extra = 0


class AliasInline(admin.TabularInline):
    model = Alias
    fk_name = "group"
    extra = 0
    fields = ["name", "kind", "document", "position"]
    autocomplete_fields = ["document"]


class EventInline(admin.TabularInline):
    model = Event
    extra = 0
    fields = ["date", "date_text", "earliest", "latest", "precision", "kind", "text"]
    show_change_link = True


class RelationshipInline(admin.TabularInline):
    model = Relationship
    fk_name = "source"
    extra = 0
    fields = ["relation", "target_name", "target", "sentence"]
    autocomplete_fields = ["target"]


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    fields = ["reference", "section", "statement", "event"]
    autocomplete_fields = ["reference", "event"]


@admin.register(Group)
class GroupAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "country_codes",
        "kind",
        "status",
        "formation_date",
        "termination_date",
        "needs_review",
        "updated_at",
    ]
    list_filter = [
        CountryListFilter,
        ActiveInDecadeFilter,
        "kind",
        "status",
        "needs_review",
    ]
    search_fields = ["name", "slug", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [GroupCountryInline, AliasInline, EventInline, RelationshipInline, CitationInline]
    actions = ["merge_selected"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "status", "public_page"]}),
        ("Review", {"fields": ["needs_review", "review_notes", "import_doubts", "held_changes"]}),
        (
            "Dates (EDTF, and the first and last day each can mean)",
            {
                "fields": [
                    ("formation_date", "formation_precision"),
                    ("formation_earliest", "formation_latest"),
                    ("termination_date", "termination_precision"),
                    ("termination_earliest", "termination_latest"),
                    ("active_start", "active_end"),
                ]
            },
        ),
        ("Size", {"fields": [("size", "size_date"), "size_text"]}),
        ("Sections (Markdown)", {"fields": [key for key, _ in SECTION_FIELDS]}),
        ("As readers see it", {"fields": ["sections_preview"], "classes": ["collapse"]}),
        ("Provenance", {"fields": ["provenance", "created_at", "updated_at"]}),
    ]
    readonly_fields = [
        "public_page",
        "import_doubts",
        "held_changes",
        "sections_preview",
        "provenance",
        "created_at",
        "updated_at",
    ]
    list_per_page = 50

    def get_queryset(self, request):
        # The search vectors are large and never shown; the list shows each group's
        # countries, prefetched rather than read row by row.
        queryset = super().get_queryset(request).defer("search_vector", "name_vector")
        return queryset.prefetch_related("countries")

    @admin.display(description="countries")
    def country_codes(self, group):
        return ", ".join(country.code for country in group.countries.all())

    @admin.action(description="Merge the two selected groups…", permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        groups = list(queryset.order_by("created_at", "pk"))
        if len(groups) != 2:
            self.message_user(request, "Select exactly two groups to merge.", messages.ERROR)
            return None
        chosen = request.POST.get("survivor")
        if not chosen:
            context = {
                **self.admin_site.each_context(request),
                "title": "Merge two groups",
                "opts": self.model._meta,
                "groups": groups,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/profiles/group/merge.html", context)
        survivors = [group for group in groups if str(group.pk) == chosen]
        if not survivors:
            self.message_user(request, "Choose which group to keep.", messages.ERROR)
            return None
        survivor = survivors[0]
        duplicate = next(group for group in groups if group.pk != survivor.pk)
        try:
            merge_groups(survivor, duplicate)
        except (MergeError, IntegrityError) as error:
            self.message_user(request, f"Not merged: {error}", messages.ERROR)
            return None
        self.message_user(
            request,
            f"“{duplicate.name}” was merged into “{survivor.name}”; "
            f"/groups/{duplicate.slug}/ now redirects to /groups/{survivor.slug}/.",
            messages.SUCCESS,
        )
        return None

    @admin.display(description="what the importer was unsure of")
    def import_doubts(self, group):
        lines = group.import_warnings.splitlines()
        if not lines:
            return "—"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines))
        )

    @admin.display(description="held changes")
    def held_changes(self, group):
        if not group.pk:
            return "—"
        waiting = group.held_changes.filter(status=HeldChange.Status.PENDING).count()
        url = reverse("admin:profiles_heldchange_changelist") + f"?group__id__exact={group.pk}"
        if not waiting:
            return format_html('None waiting (<a href="{}">decided ones</a>)', url)
        return format_html(
            '<a href="{}&amp;status__exact=pending">{} change(s) from a re-imported file</a> '
            "differ from a curator's edit and wait for a decision.",
            url,
            waiting,
        )

    @admin.display(description="public page")
    def public_page(self, group):
        if not group.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', group.get_absolute_url(), group.get_absolute_url()
        )

    @admin.display(description="rendered sections (as readers see them, sanitized)")
    def sections_preview(self, group):
        # sections_html is rendered and sanitized (nh3) on every save.
        parts = [
            format_html("<h3>{}</h3>{}", label, mark_safe(group.sections_html.get(key, "")))
            for key, label in SECTION_FIELDS
            if group.sections_html.get(key)
        ]
        return mark_safe("".join(parts)) if parts else "—"

    @admin.display(description="provenance")
    def provenance(self, group):
        sources = group.sources.only("filename", "sha256", "imported_at").order_by("filename")
        rows = format_html_join(
            "",
            '<li><a href="{}">{}</a> · SHA-256 <code>{}</code> · imported {}</li>',
            (
                (
                    reverse("source-raw", args=[source.filename]),
                    source.filename,
                    source.sha256,
                    source.imported_at.strftime("%Y-%m-%d %H:%M %Z"),
                )
                for source in sources
            ),
        )
        return format_html("<ul>{}</ul>", rows) if rows else "—"


@admin.register(SourceDocument)
class SourceDocumentAdmin(SimpleHistoryAdmin):
    change_list_template = "admin/profiles/sourcedocument/change_list.html"
    list_display = ["filename", "format", "group", "sha256", "imported_at"]
    list_filter = ["format"]
    search_fields = ["filename", "sha256"]
    list_select_related = ["group"]
    readonly_fields = ["filename", "sha256", "format", "encoding", "imported_at", "raw_text"]
    autocomplete_fields = ["group"]

    def get_urls(self):
        upload = self.admin_site.admin_view(self.upload_view)
        return [path("upload/", upload, name="profiles_sourcedocument_upload"), *super().get_urls()]

    def upload_view(self, request):
        """Upload, preview (a dry run), then confirm or discard."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "Import profile files",
            "opts": self.model._meta,
        }
        if request.method == "POST" and "confirm" in request.POST:
            try:
                report = uploads.confirm(request.POST.get("token"), user=request.user)
            except (ValueError, FileNotFoundError) as error:
                self.message_user(request, f"Nothing imported: {error}", messages.ERROR)
                return redirect("admin:profiles_sourcedocument_upload")
            totals = report.totals
            self.message_user(
                request,
                f"Imported: {totals['created']} created, {totals['updated']} updated, "
                f"{totals['unchanged']} unchanged, {totals['error']} refused.",
                messages.ERROR if report.failed else messages.SUCCESS,
            )
            return redirect("admin:profiles_sourcedocument_changelist")
        if request.method == "POST" and "discard" in request.POST:
            try:
                uploads.discard(request.POST.get("token"))
            except ValueError:
                pass
            self.message_user(request, "The uploaded files were discarded.")
            return redirect("admin:profiles_sourcedocument_upload")
        if request.method == "POST":
            form = uploads.UploadForm(request.POST, request.FILES)
        else:
            form = uploads.UploadForm()
        if form.is_bound and form.is_valid():
            token = uploads.stage(form.cleaned_data["files"])
            context.update(token=token, report=uploads.preview(token), title="Check the import")
        context["form"] = form
        return TemplateResponse(request, "admin/profiles/sourcedocument/upload.html", context)


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["date", "group", "kind", "text"]
    list_filter = ["kind", "precision"]
    search_fields = ["text", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group", "document"]


@admin.register(Reference)
class ReferenceAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "group", "label", "url"]
    search_fields = ["label", "url", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group", "document"]


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "group", "section", "statement"]
    search_fields = ["statement", "group__name"]
    list_select_related = ["reference", "group"]
    autocomplete_fields = ["reference", "group", "document", "event"]


@admin.register(Relationship)
class RelationshipAdmin(SimpleHistoryAdmin):
    list_display = ["source", "relation", "target_name", "target"]
    list_filter = ["relation", ("target", admin.EmptyFieldListFilter)]
    search_fields = ["source__name", "target_name"]
    list_select_related = ["source", "target"]
    autocomplete_fields = ["source", "target", "document"]


@admin.register(Alias)
class AliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "group", "kind", "subject_name"]
    list_filter = ["kind"]
    search_fields = ["name", "subject_name", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group", "document"]


@admin.register(GroupCountry)
class GroupCountryAdmin(SimpleHistoryAdmin):
    list_display = ["code", "group"]
    search_fields = ["code", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group"]


@admin.register(SlugRedirect)
class SlugRedirectAdmin(SimpleHistoryAdmin):
    list_display = ["old_slug", "group", "created_at"]
    search_fields = ["old_slug", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group"]


@admin.register(NameKey)
class NameKeyAdmin(admin.ModelAdmin):
    list_display = ["key", "group"]
    search_fields = ["key", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group"]


@admin.register(HeldChange)
class HeldChangeAdmin(admin.ModelAdmin):
    """What re-imported files would have changed where a curator had changed the value or
    row first. Imports add these; a curator accepts (the file's version replaces the
    curator's) or rejects (the curator's stays) each one."""

    list_display = [
        "label",
        "group",
        "short_was_imported",
        "short_curator_value",
        "short_file_value",
        "status",
        "created_at",
    ]
    list_filter = ["status", "target"]
    search_fields = ["group__name", "label", "file_value", "curator_value"]
    list_select_related = ["group", "document", "decided_by"]
    actions = ["accept_selected", "reject_selected"]
    fields = [
        "group",
        "document",
        "label",
        "was_imported",
        "curator_value",
        "file_value",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    # The list shows the start of each version; the change page shows them whole.
    @admin.display(description="last import wrote")
    def short_was_imported(self, change):
        return Truncator(change.was_imported).chars(140)

    @admin.display(description="the archive holds (kept)")
    def short_curator_value(self, change):
        return Truncator(change.curator_value).chars(140)

    @admin.display(description="the file now says")
    def short_file_value(self, change):
        return Truncator(change.file_value).chars(140)

    @admin.action(description="Accept the file's version of the selected changes")
    def accept_selected(self, request, queryset):
        self._decide(request, queryset, reimport.accept, "accepted")

    @admin.action(description="Reject the selected changes (keep the curator's version)")
    def reject_selected(self, request, queryset):
        self._decide(request, queryset, reimport.reject, "rejected")

    def _decide(self, request, queryset, decide, done):
        pending = list(queryset.filter(status=HeldChange.Status.PENDING).order_by("created_at"))
        for change in pending:
            decide(change, request.user)
        skipped = queryset.count() - len(pending)
        message = f"{len(pending)} change(s) {done}."
        if skipped:
            message += f" {skipped} already decided were left alone."
        self.message_user(request, message, messages.SUCCESS)
