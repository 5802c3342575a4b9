"""/data/: the dataset's current files (streamed from the database), its codebook, and
the releases (frozen files served from RELEASES_DIR)."""

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from profiles.caching import archive_conditional
from profiles.dataset.files import (
    JSON_FILENAME,
    PACKAGE_FILENAME,
    csv_text,
    json_text,
    package_text,
)
from profiles.dataset.releases import (
    CHECKSUMS_FILENAME,
    read_changelog,
    release_citation,
    release_directory,
)
from profiles.dataset.tables import TABLES, TABLES_BY_NAME
from profiles.models import ArchiveState, Release

CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"
# How many changed groups a release's page lists; the rest are in changelog.json.
CHANGELOG_SHOWN = 500


def content_type_of(filename):
    if filename.endswith(".csv"):
        return CSV_TYPE
    if filename.endswith(".json"):
        return JSON_TYPE
    return "text/plain; charset=utf-8"


def with_filename(response, filename):
    # A CSV opens in a spreadsheet as a download; JSON and checksums show in the browser.
    disposition = "attachment" if filename.endswith(".csv") else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def current_files():
    """(filename, description) of each file of the current data, in the package's order."""
    files = [(table.filename, table.title) for table in TABLES]
    files.append((JSON_FILENAME, "Every table in one JSON file"))
    files.append((PACKAGE_FILENAME, "Frictionless Data Package: the tables’ schemas"))
    return files


def citation_of(request, release):
    return release_citation(release, request.build_absolute_uri(release.get_absolute_url()))


@require_safe
@archive_conditional
def data_index(request):
    releases = list(Release.objects.select_related("previous"))
    context = {
        "files": current_files(),
        "releases": [citation_of(request, release) for release in releases],
    }
    return render(request, "profiles/data.html", context)


@require_safe
@archive_conditional
def data_file(request, filename):
    """One file of the current data, written from the database as it is read."""
    if filename == PACKAGE_FILENAME:
        text = package_text(ArchiveState.recently_changed())
        return with_filename(HttpResponse(text, content_type=JSON_TYPE), filename)
    if filename == JSON_FILENAME:
        pieces = json_text()
    elif filename.endswith(".csv") and filename[:-4] in TABLES_BY_NAME:
        pieces = csv_text(TABLES_BY_NAME[filename[:-4]])
    else:
        raise Http404("There is no such data file.")
    response = StreamingHttpResponse(pieces, content_type=content_type_of(filename))
    return with_filename(response, filename)


@require_safe
@archive_conditional
def codebook(request):
    return render(request, "profiles/data_codebook.html", {"tables": TABLES})


@require_safe
def release_detail(request, version):
    release = get_object_or_404(Release, version=version)
    changes = read_changelog(release)
    context = {
        "release": release,
        "citation": citation_of(request, release),
        "changes": changes,
        "changed_shown": (changes or {}).get("changed", [])[:CHANGELOG_SHOWN],
        "changelog_shown": CHANGELOG_SHOWN,
        "checksums_url": reverse("data-release-file", args=[version, CHECKSUMS_FILENAME]),
    }
    return render(request, "profiles/data_release.html", context)


@require_safe
def release_file(request, version, filename):
    """A file of a release, as frozen on disk: the same bytes for ever."""
    release = get_object_or_404(Release, version=version)
    entry = next((file for file in release.files if file["name"] == filename), None)
    path = release_directory(release.version) / filename
    if entry is None or not path.is_file():
        raise Http404("This release has no such file.")
    response = FileResponse(path.open("rb"), content_type=content_type_of(filename))
    # The bytes never change: caches may keep them without asking again.
    response.headers["ETag"] = f'"{entry["sha256"]}"'
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return with_filename(response, filename)
