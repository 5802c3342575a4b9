"""The curators' workspace: every model is editable here so that a curator can correct any
imported value. The public site never writes; this is where all writing happens."""

import re

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from profiles import history, reimport, uploads
from profiles.importing.doubts import ChoiceError, choose
from profiles.merging import MergeError, merge_groups
from profiles.models import (
    SECTION_FIELDS,
    Alias,
    Citation,
    Doubt,
    Event,
    Evidence,
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
from profiles.selectors.profile import curator_set

# Decades a curator can filter the groups by (the period filter's overlap rule).
DECADES = range(1900, 2030, 10)
# Changes to a profile's rows listed per page of its history (a group may have hundreds
# of events, each imported, edited, deleted).
ROW_CHANGES_PER_PAGE = 50


def require_ids(*ids):
    """simple-history's views look a version up by whatever the address holds, and a
    word where a number belongs is a 500 there: make it the 404 it is. (ASCII digits
    only: str.isdigit() also accepts "²", which int() refuses.)"""
    if not all(re.fullmatch(r"[0-9]{1,18}", str(value)) for value in ids):
        raise Http404("No such version.")


class CheckedSelectionMixin:
    """An action posted with a selected id that is no id (a forged form) is the 404 it
    is, not a 500 from the database (pk__in=["abc"], or past a 64-bit integer)."""

    def response_action(self, request, queryset):
        require_ids(*request.POST.getlist(helpers.ACTION_CHECKBOX_NAME))
        return super().response_action(request, queryset)


class ArchiveHistoryAdmin(CheckedSelectionMixin, SimpleHistoryAdmin):
    """The admin of an archive model: a History page per row, and its revert form."""

    def history_view(self, request, object_id, extra_context=None):
        require_ids(object_id)
        return super().history_view(request, object_id, extra_context)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        # simple-history's select_related() of the tracked foreign keys, called with none
        # (a Group has none), drops its select_related("history_user"): one query per
        # version's author. Ask for the authors again.
        queryset = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return queryset.select_related("history_user")

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        require_ids(object_id, version_id)
        # simple-history saves a posted revert form for anyone who may view the history (it
        # only hides the button): reverting takes the change permission.
        if request.method == "POST" and (
            self.revert_disabled(request) or not self.has_change_history_permission(request)
        ):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


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
class GroupAdmin(ArchiveHistoryAdmin):
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
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    ("kind", "kind_evidence"),
                    ("status", "status_evidence"),
                    "public_page",
                ]
            },
        ),
        (
            "Review",
            {
                "fields": [
                    "needs_review",
                    "review_notes",
                    "open_doubts",
                    "import_doubts",
                    "held_changes",
                ]
            },
        ),
        (
            "Dates (EDTF, and the first and last day each can mean)",
            {
                "fields": [
                    ("formation_date", "formation_precision", "formation_evidence"),
                    ("formation_earliest", "formation_latest"),
                    ("termination_date", "termination_precision", "termination_evidence"),
                    ("termination_earliest", "termination_latest"),
                    ("active_start", "active_end"),
                ]
            },
        ),
        ("Size", {"fields": [("size", "size_date", "size_evidence"), "size_text"]}),
        ("Sections (Markdown)", {"fields": [key for key, _ in SECTION_FIELDS]}),
        ("As readers see it", {"fields": ["sections_preview"], "classes": ["collapse"]}),
        (
            "Provenance",
            {"fields": ["provenance", "other_evidence", "created_at", "updated_at"]},
        ),
    ]
    readonly_fields = [
        "kind_evidence",
        "status_evidence",
        "formation_evidence",
        "termination_evidence",
        "size_evidence",
        "other_evidence",
        "open_doubts",
        "public_page",
        "import_doubts",
        "held_changes",
        "sections_preview",
        "provenance",
        "created_at",
        "updated_at",
    ]
    list_per_page = 50
    object_history_template = "admin/profiles/group/object_history.html"
    # Not a column of simple-history's table here: its hook to set record.author.
    history_list_display = ["author"]

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
            merge_groups(survivor, duplicate, user=request.user)
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

    # Where each value was read, beside it; a value a curator set since says so.

    def _evidence(self, group):
        """The group's evidence rows by field, read once per page."""
        if not hasattr(group, "_admin_evidence"):
            group._admin_evidence = {}
            rows = Evidence.objects.filter(group=group).select_related("document")
            for row in rows.only("field", "key", "value", "line", "quote", "document__filename"):
                group._admin_evidence.setdefault(row.field, []).append(row)
        return group._admin_evidence

    def _quotes(self, rows):
        return format_html_join(
            "",
            '<li><q>{}</q> <a href="{}#L{}">{}, line {}</a></li>',
            (
                (
                    row.quote,
                    reverse("source-detail", args=[row.document.filename]),
                    row.line,
                    row.document.filename,
                    row.line,
                )
                for row in rows
            ),
        )

    def _field_evidence(self, group, field, current, value_name):
        if not group.pk:
            return "—"
        if curator_set(group, value_name):
            return "Set by a curator (see History)."
        rows = [r for r in self._evidence(group).get(field, []) if current and r.value == current]
        if not rows:
            return "—"
        return format_html('<ul class="evidence">{}</ul>', self._quotes(rows))

    @admin.display(description="read from")
    def kind_evidence(self, group):
        return self._field_evidence(group, "kind", group.kind, "kind")

    @admin.display(description="read from")
    def status_evidence(self, group):
        return self._field_evidence(group, "status", group.status, "status")

    @admin.display(description="read from")
    def formation_evidence(self, group):
        return self._field_evidence(group, "formation", group.formation_date, "formation_date")

    @admin.display(description="read from")
    def termination_evidence(self, group):
        return self._field_evidence(
            group, "termination", group.termination_date, "termination_date"
        )

    @admin.display(description="read from")
    def size_evidence(self, group):
        size = "" if group.size is None else str(group.size)
        return self._field_evidence(group, "size", size, "size")

    @admin.display(description="where countries and aliases were read")
    def other_evidence(self, group):
        if not group.pk:
            return "—"
        evidence = self._evidence(group)
        items = [
            format_html(
                "<li>{} {}: <ul>{}</ul></li>",
                label,
                row_key,
                self._quotes([r for r in evidence.get(field, []) if r.key == row_key]),
            )
            for field, label in (("country", "Country"), ("alias", "Alias"))
            for row_key in dict.fromkeys(r.key for r in evidence.get(field, []))
        ]
        if not items:
            return "—"
        return format_html("<ul>{}</ul>", format_html_join("", "{}", ((i,) for i in items)))

    @admin.display(description="doubts to decide")
    def open_doubts(self, group):
        """The importer's open doubts, each candidate a button: one click decides it (the
        buttons submit this page's form, with its CSRF token, to change_view)."""
        if not group.pk:
            return "—"
        doubts = list(
            group.doubts.filter(status=Doubt.Status.OPEN)
            .select_related("document")
            .order_by("field", "pk")
        )
        if not doubts:
            return "None open."
        parts = []
        for doubt in doubts:
            buttons = format_html_join(
                " ",
                '<li><button type="submit" name="_choose_doubt" value="{}:{}" formnovalidate '
                'class="button">{}</button> {}</li>',
                (
                    (
                        doubt.pk,
                        index,
                        candidate["label"] or "(no value)",
                        format_html(
                            '<q>{}</q> <a href="{}#L{}">line {}</a>',
                            candidate["quote"],
                            reverse("source-detail", args=[doubt.document.filename]),
                            candidate["line"],
                            candidate["line"],
                        )
                        if candidate.get("quote") and doubt.document
                        else "",
                    )
                    for index, candidate in enumerate(doubt.candidates)
                ),
            )
            parts.append(
                format_html(
                    '<div class="doubt"><p><strong>{}</strong>: {}</p><ul>{}</ul></div>',
                    doubt.get_field_display(),
                    doubt.reason,
                    buttons,
                )
            )
        return format_html_join("", "{}", ((part,) for part in parts))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """A candidate's button decides its doubt: the group takes that value in the
        curator's name, and the page opens again."""
        if request.method == "POST" and "_choose_doubt" in request.POST:
            require_ids(object_id)
            group = self.get_object(request, object_id)
            if group is None:
                raise Http404
            if not self.has_change_permission(request, group):
                raise PermissionDenied
            doubt_id, _, index = request.POST["_choose_doubt"].partition(":")
            require_ids(doubt_id, index)
            doubt = get_object_or_404(Doubt, pk=int(doubt_id), group=group)
            try:
                choose(doubt, int(index), request.user)
            except ChoiceError as error:
                self.message_user(request, f"Not decided: {error}", messages.ERROR)
            else:
                chosen = Doubt.objects.get(pk=doubt.pk).candidates[int(index)]["label"]
                self.message_user(
                    request,
                    f"{doubt.get_field_display()} set to “{chosen}”; the doubt is decided.",
                    messages.SUCCESS,
                )
            return redirect(reverse("admin:profiles_group_change", args=[group.pk]))
        return super().change_view(request, object_id, form_url, extra_context)

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

    # History: the group's versions (simple-history's page, with our template), comparing
    # two of them, and the changes to the profile's rows with a way back for deleted ones.

    def get_urls(self):
        compare = self.admin_site.admin_view(self.history_compare_view)
        restore = self.admin_site.admin_view(self.history_restore_view)
        # Before simple-history's "<id>/history/<version>/", which would take these words
        # for a version.
        return [
            path("<path:object_id>/history/compare/", compare, name="profiles_group_compare"),
            path("<path:object_id>/history/restore/", restore, name="profiles_group_restore"),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        require_ids(object_id)
        if not self.has_view_history_or_change_history_permission(request):
            raise PermissionDenied
        row_history = history.row_history(int(object_id))
        rows_page = Paginator(row_history, ROW_CHANGES_PER_PAGE).get_page(request.GET.get("rows"))
        versions = Group.history.filter(id=object_id)
        context = {
            "rows_page": rows_page,
            "rows_page_range": rows_page.paginator.get_elided_page_range(rows_page.number),
            "row_changes": history.describe_row_changes(rows_page.object_list, request.user),
            "current_version": versions.values_list("history_id", flat=True).first(),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def author(self, record):
        return history.who(record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """Each version on the page with the fields it changed, as history.field_changes()
        lists them; the page's oldest version is compared with the one before it."""
        records = list(historical_records)
        for newer, older in zip(records, records[1:], strict=False):
            newer.field_changes = history.field_changes(newer, older)
        if records and records[-1].history_type != "+":
            older = records[-1].prev_record
            if older is not None:
                records[-1].field_changes = history.field_changes(records[-1], older)

    def history_compare_view(self, request, object_id):
        """Two versions of a group, field by field (MediaWiki's "compare selected
        revisions"); the versions' order in the address does not matter."""
        require_ids(object_id)
        if not self.has_view_history_or_change_history_permission(request):
            raise PermissionDenied
        history_url = reverse("admin:profiles_group_history", args=[object_id])
        version_ids = {request.GET.get("old", ""), request.GET.get("new", "")} - {""}
        if len(version_ids) != 2:
            self.message_user(request, "Choose two different versions to compare.", messages.ERROR)
            return redirect(history_url)
        require_ids(*version_ids)
        versions = Group.history.filter(id=object_id, history_id__in=version_ids)
        versions = sorted(
            versions.select_related("history_user"),
            key=lambda version: (version.history_date, version.history_id),
        )
        if len(versions) != 2:
            raise Http404("No such version of this group.")
        older, newer = versions
        current = Group.history.filter(id=object_id).first()
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare two versions of {newer.name}",
            "opts": self.model._meta,
            "object_id": object_id,
            "older": older,
            "newer": newer,
            "older_author": history.who(older),
            "newer_author": history.who(newer),
            "changes": history.field_changes(newer, older),
            "newer_is_current": newer.history_id == current.history_id,
            "compare_with_current_url": f"?old={older.history_id}&new={current.history_id}",
            "revert_url": reverse(
                "admin:profiles_group_simple_history", args=[object_id, older.history_id]
            ),
            "can_revert": not self.revert_disabled(request),
            "history_url": history_url,
        }
        return TemplateResponse(request, "admin/profiles/group/history_compare.html", context)

    def history_restore_view(self, request, object_id):
        """Bring back a deleted row of this profile (POST from its History page)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        model_name = request.POST.get("model", "")
        history_id = request.POST.get("history_id", "")
        require_ids(object_id, history_id)
        if model_name not in history.RESTORABLE_MODELS:
            raise Http404("Rows of this kind are not restored from here.")
        if not request.user.has_perm(f"profiles.add_{model_name}"):
            raise PermissionDenied
        model, group_field = history.ROW_MODELS[model_name]
        record = get_object_or_404(
            model.history,
            history_id=history_id,
            history_type="-",
            **{f"{group_field}_id": object_id},
        )
        description = history.describe_row(model_name, record)
        verbose_name = model._meta.verbose_name
        try:
            _row, notes = history.restore_row(record, request.user)
        except history.RestoreError as error:
            message = f"The {verbose_name} “{description}” was not restored: {error}."
            self.message_user(request, message, messages.ERROR)
        else:
            message = f"The {verbose_name} “{description}” was restored"
            message += "".join(f"; {note}" for note in notes) + "."
            self.message_user(request, message, messages.SUCCESS)
        return redirect(reverse("admin:profiles_group_history", args=[object_id]) + "#rows")

    def save_model(self, request, obj, form, change):
        # simple-history's revert form saves through here: its record names the version.
        match = request.resolver_match
        if match and match.url_name == "profiles_group_simple_history":
            obj._change_reason = f"reverted to version {match.args[1]}"
        super().save_model(request, obj, form, change)


@admin.register(SourceDocument)
class SourceDocumentAdmin(ArchiveHistoryAdmin):
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
class EventAdmin(ArchiveHistoryAdmin):
    list_display = ["date", "group", "kind", "text"]
    list_filter = ["kind", "precision"]
    search_fields = ["text", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group", "document"]


@admin.register(Reference)
class ReferenceAdmin(ArchiveHistoryAdmin):
    list_display = ["__str__", "group", "label", "url"]
    search_fields = ["label", "url", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group", "document"]


@admin.register(Citation)
class CitationAdmin(ArchiveHistoryAdmin):
    list_display = ["reference", "group", "section", "statement"]
    search_fields = ["statement", "group__name"]
    list_select_related = ["reference", "group"]
    autocomplete_fields = ["reference", "group", "document", "event"]


@admin.register(Relationship)
class RelationshipAdmin(ArchiveHistoryAdmin):
    list_display = ["source", "relation", "target_name", "target"]
    list_filter = ["relation", ("target", admin.EmptyFieldListFilter)]
    search_fields = ["source__name", "target_name"]
    list_select_related = ["source", "target"]
    autocomplete_fields = ["source", "target", "document"]


@admin.register(Alias)
class AliasAdmin(ArchiveHistoryAdmin):
    list_display = ["name", "group", "kind", "subject_name"]
    list_filter = ["kind"]
    search_fields = ["name", "subject_name", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group", "document"]


@admin.register(GroupCountry)
class GroupCountryAdmin(ArchiveHistoryAdmin):
    list_display = ["code", "group"]
    search_fields = ["code", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group"]


@admin.register(SlugRedirect)
class SlugRedirectAdmin(ArchiveHistoryAdmin):
    list_display = ["old_slug", "group", "created_at"]
    search_fields = ["old_slug", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group"]


@admin.register(NameKey)
class NameKeyAdmin(CheckedSelectionMixin, admin.ModelAdmin):
    list_display = ["key", "group"]
    search_fields = ["key", "group__name"]
    list_select_related = ["group"]
    autocomplete_fields = ["group"]


@admin.register(HeldChange)
class HeldChangeAdmin(CheckedSelectionMixin, admin.ModelAdmin):
    """What re-imported files would have changed where a curator had changed the value or
    row first. Imports add these; a curator accepts (the file's version replaces the
    curator's) or rejects (the curator's stays) each one."""

    list_display = [
        "label",
        "group_link",
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
        "difference",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
    ]
    readonly_fields = fields

    change_form_template = "admin/profiles/heldchange/change_form.html"

    def has_add_permission(self, request):
        return False

    @admin.display(description="from the archive's version to the file's")
    def difference(self, change):
        diff = history.text_diff(change.curator_value, change.file_value)
        return format_html('<div class="profile-history text-diff">{}</div>', diff)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The change page decides one held change: its two buttons accept or reject."""
        decision = {"_accept": reimport.accept, "_reject": reimport.reject}
        chosen = [decide for name, decide in decision.items() if name in request.POST]
        if request.method == "POST" and chosen:
            change = self.get_object(request, object_id)
            if change is None:
                raise Http404
            if not self.has_change_permission(request, change):
                raise PermissionDenied
            done = "accepted" if "_accept" in request.POST else "rejected"
            self._decide(request, HeldChange.objects.filter(pk=change.pk), chosen[0], done)
            url = reverse("admin:profiles_heldchange_changelist")
            return redirect(f"{url}?group__id__exact={change.group_id}&status__exact=pending")
        extra_context = {"title": "A held change", **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description="group", ordering="group__name")
    def group_link(self, change):
        url = reverse("admin:profiles_group_change", args=[change.group_id])
        return format_html('<a href="{}">{}</a>', url, change.group.name)

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

    @admin.action(
        description="Accept the file's version of the selected changes", permissions=["change"]
    )
    def accept_selected(self, request, queryset):
        self._decide(request, queryset, reimport.accept, "accepted")

    @admin.action(
        description="Reject the selected changes (keep the curator's version)",
        permissions=["change"],
    )
    def reject_selected(self, request, queryset):
        self._decide(request, queryset, reimport.reject, "rejected")

    def _decide(self, request, queryset, decide, done):
        pending = list(queryset.filter(status=HeldChange.Status.PENDING).order_by("created_at"))
        # accept() says False when it wrote nothing (decided meanwhile, or its file is gone).
        decided = sum(decide(change, request.user) is not False for change in pending)
        skipped = queryset.count() - len(pending)
        message = f"{decided} change(s) {done}."
        if skipped:
            message += f" {skipped} already decided were left alone."
        if decided < len(pending):
            message += (
                f" {len(pending) - decided} were not {done}: another curator decided them "
                "meanwhile, or (to accept) their file is gone and they can only be rejected."
            )
        self.message_user(request, message, messages.SUCCESS if decided else messages.WARNING)


@admin.register(Doubt)
class DoubtAdmin(admin.ModelAdmin):
    """The importer's doubts: decided on their group's page, one click per candidate."""

    list_display = ["group_link", "field", "reason", "status", "created_at", "decided_by"]
    list_filter = ["status", "field"]
    list_select_related = ["group", "decided_by"]
    search_fields = ["group__name", "reason"]
    readonly_fields = [
        "group",
        "document",
        "field",
        "reason",
        "candidates",
        "status",
        "chosen",
        "created_at",
        "decided_at",
        "decided_by",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    @admin.display(description="group", ordering="group__name")
    def group_link(self, doubt):
        url = reverse("admin:profiles_group_change", args=[doubt.group_id])
        return format_html('<a href="{}">{}</a>', url, doubt.group.name)


# Releases of the dataset (a curator cuts one by adding it).
from profiles.dataset import admin as dataset_admin  # noqa: E402, F401
