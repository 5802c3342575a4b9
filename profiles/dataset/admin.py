"""Releases in the admin: a curator cuts one by adding it (version and notes); a release
is then only read, never changed or deleted, since its files are frozen."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html, format_html_join

from profiles.dataset.releases import ReleaseError, check_can_cut, cut_release
from profiles.models import Release


class CutReleaseForm(forms.ModelForm):
    class Meta:
        model = Release
        fields = ["version", "notes"]
        help_texts = {
            "version": "Such as 1.0, 1.2.0 or 2.0.0-rc.1. A version can be cut only once.",
            "notes": "What this release brings; shown on /data/.",
        }

    def clean_version(self):
        version = self.cleaned_data["version"].strip()
        try:
            check_can_cut(version)
        except ReleaseError as error:
            raise forms.ValidationError(str(error)) from error
        return version


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    form = CutReleaseForm
    list_display = [
        "version",
        "created_at",
        "group_count",
        "groups_added",
        "groups_removed",
        "groups_changed",
    ]
    readonly_fields = [
        "version",
        "notes",
        "created_at",
        "created_by",
        "previous",
        "group_count",
        "groups_added",
        "groups_removed",
        "groups_changed",
        "public_page",
        "checksums",
    ]

    def get_fields(self, request, obj=None):
        return ["version", "notes"] if obj is None else self.readonly_fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        # Cutting writes the files and the Release row itself; the admin then shows it.
        try:
            release = cut_release(obj.version, notes=obj.notes, user=request.user)
        except ReleaseError as error:  # the form checked; only a race with another cut
            raise forms.ValidationError(str(error)) from error
        obj.pk = release.pk
        obj.refresh_from_db()

    @admin.display(description="Public page")
    def public_page(self, release):
        url = release.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description="Files (SHA-256)")
    def checksums(self, release):
        return format_html_join(
            "\n",
            "<div><code>{}</code> {} ({} bytes)</div>",
            ((file["sha256"], file["name"], file["bytes"]) for file in release.files),
        )
