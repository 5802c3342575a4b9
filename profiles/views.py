"""The public pages. Each page has a JSON twin at the same address with ?format=json."""

import csv

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_safe

from profiles.caching import archive_conditional
from profiles.filters import SORTS, GroupFilterSet
from profiles.search import highlights
from profiles.selectors import (
    csv_rows,
    dump_json,
    get_profile,
    group_list_item_json,
    group_rows,
    groups_for_export,
    groups_for_list,
    home_summary,
    list_facets,
    profile_json,
)

FORMATS = ("", "html", "json")


def wants_json(request):
    return request.GET.get("format") == "json"


def json_response(data, status=200):
    return HttpResponse(
        dump_json(data), content_type="application/json; charset=utf-8", status=status
    )


def not_found(request, message, as_json):
    if as_json:
        return json_response({"error": message}, status=404)
    return render(request, "404.html", {"message": message}, status=404)


def page_url(request, number):
    """The absolute address of another page of this list, keeping every filter."""
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


class Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


@require_safe
@archive_conditional
def home(request):
    return render(request, "profiles/home.html", home_summary())


@require_safe
@archive_conditional
def group_list(request):
    requested_format = request.GET.get("format")
    as_json = requested_format == "json"
    base = groups_for_export() if requested_format == "csv" else groups_for_list()
    filterset = GroupFilterSet(request.GET, queryset=base)
    if not filterset.is_valid():
        errors = {name: list(messages) for name, messages in filterset.errors.items()}
        if as_json or requested_format == "csv":
            names = ", ".join(errors)
            message = f"Invalid query parameter{pluralize(len(errors))}: {names}"
            return json_response({"error": message, "errors": errors}, status=400)
        context = {"filter": filterset, "form": filterset.form, "page_obj": None}
        return render(request, "profiles/group_list.html", context, status=400)

    if requested_format == "csv":
        return csv_export(request, filterset.qs)

    paginator = Paginator(filterset.qs, settings.GROUPS_PER_PAGE)
    try:
        page_obj = paginator.page(filterset.form.cleaned_data["page"] or 1)
    except InvalidPage:
        return not_found(request, "There is no such page of this list.", as_json)

    if as_json:
        return json_response(
            {
                "count": paginator.count,
                "next": page_url(request, page_obj.next_page_number())
                if page_obj.has_next()
                else None,
                "previous": page_url(request, page_obj.previous_page_number())
                if page_obj.has_previous()
                else None,
                "results": [
                    group_list_item_json(
                        group, request.build_absolute_uri(group.get_absolute_url())
                    )
                    for group in page_obj
                ],
            }
        )
    cleaned_data = filterset.form.cleaned_data
    search = cleaned_data.get("q", "").strip()
    context = {
        "filter": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "paginator": paginator,
        "rows": group_rows(page_obj, highlights(page_obj, search) if search else {}),
        "facets": list_facets(filterset.qs, cleaned_data),
        "sorts": [(key, label) for key, (label, _) in SORTS.items() if key != "relevance"],
        "filtered": any(
            value not in (None, "", [])
            for name, value in cleaned_data.items()
            if name in filterset.filters
        ),
    }
    return render(request, "profiles/group_list.html", context)


def csv_export(request, groups):
    """Every group of the filtered list, in its order, streamed as CSV."""
    writer = csv.writer(Echo())
    lines = (writer.writerow(row) for row in csv_rows(groups, request.build_absolute_uri))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"armed-groups-{timezone.localdate():%Y-%m-%d}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@archive_conditional
def group_detail(request, slug):
    requested_format = request.GET.get("format", "")
    if requested_format not in FORMATS:
        message = "Format must be “json” or “html”."
        return render(request, "400.html", {"message": message}, status=400)
    as_json = requested_format == "json"

    profile = get_profile(slug)
    if profile is None:
        return not_found(request, "There is no group with this address.", as_json)
    if as_json:
        return json_response(profile_json(profile))
    return render(
        request, "profiles/group_detail.html", {"profile": profile, "group": profile.group}
    )
