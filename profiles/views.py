"""The public pages. They only read; lists, profiles, the timeline, countries and sources also
have a JSON twin (?format=json), the group list and the timeline a CSV one (profiles.twins)."""

import csv
import json
import re

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import (
    HttpResponse,
    HttpResponsePermanentRedirect,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from profiles.active_filters import active_filters
from profiles.caching import archive_cached, archive_conditional
from profiles.codebook import about_context
from profiles.dataset.releases import latest_release_of, release_citation
from profiles.feeds import LatestProfilesFeed
from profiles.filters import (
    SORTS,
    GroupFilterSet,
    NetworkFilterSet,
    SourceFilterSet,
    TimelineFilterSet,
    groups_matching,
)
from profiles.models import Group, SlugRedirect
from profiles.name_search import suggestions as name_suggestions
from profiles.network import draw
from profiles.paging import list_paginator
from profiles.profile_page import profile_citation
from profiles.search import highlights
from profiles.selectors import (
    COUNTRY_NAMES,
    countries_with_groups,
    country_codes_of,
    country_flag,
    country_name,
    csv_rows,
    dump_json,
    facet_links,
    get_source,
    group_list_item_json,
    group_rows,
    group_rows_without_countries,
    groups_for_export,
    groups_for_list,
    groups_of_country,
    home_summary,
    list_facets,
    period_chart,
    source_raw_text,
    source_rows,
    sources_for_list,
    timeline_events,
    timeline_rows,
)
from profiles.selectors.network import MAX_NETWORK_NODES, network_ties
from profiles.snapshots import snapshot_of
from profiles.structured_data import json_ld
from profiles.summaries import whole_list_facets
from profiles.twins import (
    CSV,
    JSON,
    country_json,
    format_error_message,
    page_links,
    requested_format,
    source_detail_json,
    source_row_json,
    timeline_csv_rows,
    timeline_event_json,
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
    return render(request, "profiles/home.html", archive_cached(request, "home", home_summary))


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

    filters = filter_key(filterset)
    count = archive_cached(request, "group-count", filterset.qs.count, filters)
    paginator = list_paginator(request, filterset.qs, settings.GROUPS_PER_PAGE, count)
    try:
        page_obj = paginator.page(filterset.form.cleaned_data["page"] or 1)
    except InvalidPage:
        return not_found(request, "There is no such page of this list.", as_json)

    if as_json:
        codes = country_codes_of(page_obj)
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
                        group,
                        codes[group.pk],
                        request.build_absolute_uri(group.get_absolute_url()),
                    )
                    for group in page_obj
                ],
            }
        )
    cleaned_data = filterset.form.cleaned_data
    search = cleaned_data.get("q", "").strip()
    suggestions = []
    if search and count == 0:
        suggestions = archive_cached(
            request, "suggestions", lambda: spelling_suggestions(request, search), filters
        )
    filtered = any(
        value not in (None, "", [])
        for name, value in cleaned_data.items()
        if name in filterset.filters
    )
    if filtered:
        facets = archive_cached(
            request, "facets", lambda: list_facets(filterset.qs, cleaned_data), filters
        )
    else:
        changed_at = getattr(request, "archive_changed_at", None)
        facets = archive_cached(request, "facets", lambda: whole_list_facets(changed_at), filters)
    offer_countries(request, filterset.form)
    context = {
        "chips": active_filters(filterset.form, request.GET),
        "suggestions": suggestions,
        "filter": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "paginator": paginator,
        "rows": group_rows(page_obj, highlights(page_obj, search) if search else {}),
        "facets": facet_links(request.GET, facets),
        "sorts": [(key, label) for key, (label, _) in SORTS.items() if key != "relevance"],
        "twins": (JSON, CSV),
        "filtered": filtered,
    }
    return render(request, "profiles/group_list.html", context)


def spelling_suggestions(request, search):
    """The names to offer as "Did you mean ...": those closest to the search among the
    groups that the other filters keep."""
    others = request.GET.copy()
    others.pop("q", None)
    filterset = GroupFilterSet(others, queryset=groups_for_list())
    if not filterset.is_valid():
        return []
    return name_suggestions(filterset.qs, search)


def offer_countries(request, form):
    """The country picker offers the countries that have groups, with their counts."""
    form.fields["country"].widget.countries = archive_cached(
        request, "countries-with-groups", countries_with_groups
    )


def filter_key(filterset):
    """The filters a list was asked for, as a cache key: not its page, order or format."""
    return tuple(
        (name, tuple(value) if isinstance(value, list) else value)
        for name, value in sorted(filterset.form.cleaned_data.items())
        if name in filterset.filters
    )


def csv_export(request, groups):
    """Every group of the filtered list, in its order, streamed as CSV."""
    writer = csv.writer(Echo())
    lines = (writer.writerow(row) for row in csv_rows(groups, request.build_absolute_uri))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    filename = f"armed-groups-{timezone.localdate():%Y-%m-%d}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def format_not_found(request, twins):
    """HTTP 400 for a ?format= the page does not have."""
    message = format_error_message(twins)
    return render(request, "400.html", {"message": message}, status=400)


def filter_errors_json(filterset):
    errors = {name: list(messages) for name, messages in filterset.errors.items()}
    message = f"Invalid query parameter{pluralize(len(errors))}: {', '.join(errors)}"
    return json_response({"error": message, "errors": errors}, status=400)


def paged_json(request, paginator, page_obj, results, **extra):
    """A page of a JSON list: its count, the neighbouring pages' addresses, the results."""
    return json_response(
        {
            **extra,
            "count": paginator.count,
            **page_links(page_obj, lambda number: page_url(request, number)),
            "results": results,
        }
    )


@require_safe
@archive_conditional
def group_detail(request, slug):
    requested_format = request.GET.get("format", "")
    if requested_format not in FORMATS:
        message = "Format must be “json” or “html”."
        return render(request, "400.html", {"message": message}, status=400)
    as_json = requested_format == "json"

    snapshot = snapshot_of(slug)
    if snapshot is None:
        redirect = SlugRedirect.objects.select_related("group").filter(old_slug=slug).first()
        if redirect is not None:
            # Merged into another group: the old address keeps working, permanently.
            target = redirect.group.get_absolute_url()
            query = request.GET.urlencode()
            return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
        return not_found(request, "There is no group with this address.", as_json)
    if as_json:
        return HttpResponse(snapshot.profile_json, content_type="application/json; charset=utf-8")
    group = snapshot.group
    absolute_url = request.build_absolute_uri(group.get_absolute_url())
    release = latest_release_of(group.pk)
    page = profile_citation(
        group,
        absolute_url,
        release=release_citation(release, request.build_absolute_uri(release.get_absolute_url()))
        if release
        else None,
    )
    structured = json.loads(snapshot.organization)
    structured["url"] = absolute_url  # the key is in place: its order is kept
    return render(
        request,
        "profiles/group_detail.html",
        {
            "snapshot": snapshot,
            "group": group,
            "page": page,
            "twins": (JSON,),
            "json_ld": json_ld(structured),
        },
    )


def filter_errors_response(request, template, filterset, extra=None):
    """The page again with its form's errors, as HTTP 400: no query is run."""
    context = {"filter": filterset, "form": filterset.form, "page_obj": None, **(extra or {})}
    return render(request, template, context, status=400)


TIMELINE_TWINS = (JSON, CSV)


@require_safe
@archive_conditional
def timeline(request):
    output = requested_format(request, TIMELINE_TWINS)
    if output is None:
        return format_not_found(request, TIMELINE_TWINS)
    filterset = TimelineFilterSet(request.GET, queryset=timeline_events())
    if not filterset.is_valid():
        if output != "html":
            return filter_errors_json(filterset)
        return filter_errors_response(request, "profiles/timeline.html", filterset)
    if output == CSV:
        return timeline_csv(request, filterset.qs)

    # A COUNT of the matching events costs about 0.1 s for a million events on
    # PostgreSQL: it is counted once per archive change and filter.
    count = archive_cached(request, "event-count", filterset.qs.count, filter_key(filterset))
    paginator = list_paginator(request, filterset.qs, settings.TIMELINE_EVENTS_PER_PAGE, count)
    try:
        page_obj = paginator.page(filterset.form.cleaned_data["page"] or 1)
    except InvalidPage:
        return not_found(request, "There is no such page of this timeline.", output == JSON)
    if output == JSON:
        absolute_url = request.build_absolute_uri
        events = [timeline_event_json(event, absolute_url) for event in page_obj]
        return paged_json(request, paginator, page_obj, events)

    offer_countries(request, filterset.form)
    cleaned_data = filterset.form.cleaned_data
    filters = {name: cleaned_data[name] for name in ("country", "from", "to")}
    group_filters = QueryDict(mutable=True)
    group_filters.setlist("country", filters["country"] or [])
    for name, group_name in (("from", "active_from"), ("to", "active_to")):
        if filters[name] is not None:
            group_filters[group_name] = filters[name]
    filtered = any(value not in (None, []) for value in filters.values())
    context = {
        "filter": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "paginator": paginator,
        "rows": timeline_rows(page_obj),
        "chips": active_filters(filterset.form, request.GET),
        "filtered": filtered,
        "chart_html": archive_cached(
            request,
            "timeline-chart",
            lambda: period_chart_html(
                groups_matching(cleaned_data),
                "timeline-chart",
                "When the groups in these countries and years were active."
                if filtered
                else "When the groups were active.",
                # The same groups in the group list, where every one of them is listed.
                f"{reverse('group-list')}?{group_filters.urlencode()}",
            ),
            filter_key(filterset),
        ),
        "twins": TIMELINE_TWINS,
    }
    return render(request, "profiles/timeline.html", context)


def period_chart_html(groups, chart_id, caption, more_url):
    """The chart of these groups' active periods, as HTML. It is the same on every page of
    the timeline or of a country, and drawing its 60 bars is a third of such a page's
    rendering: the pages draw it once per archive change and filters (archive_cached)."""
    context = {"chart": period_chart(groups), "chart_id": chart_id, "caption": caption}
    return render_to_string("profiles/_period_chart.html", {**context, "more_url": more_url})


def timeline_csv(request, events):
    """Every event of the filtered timeline, in its order, streamed as CSV."""
    writer = csv.writer(Echo())
    rows = timeline_csv_rows(events, request.build_absolute_uri)
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in rows), content_type="text/csv; charset=utf-8"
    )
    filename = f"armed-groups-timeline-{timezone.localdate():%Y-%m-%d}.csv"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


JSON_TWIN = (JSON,)


@require_safe
@archive_conditional
def network(request):
    filterset = NetworkFilterSet(request.GET, queryset=Group.objects.all())
    if not filterset.is_valid():
        return filter_errors_response(request, "profiles/network.html", filterset)
    filters = filter_key(filterset)
    filtered = any(value not in (None, (), []) for _, value in filters)

    def compute():
        nodes, ties, total = network_ties(filterset.qs if filtered else None)
        return draw(nodes, ties, total=total)

    offer_countries(request, filterset.form)
    context = {
        "filter": filterset,
        "form": filterset.form,
        "drawing": archive_cached(request, "network", compute, filters),
        "chips": active_filters(filterset.form, request.GET),
        "filtered": filtered,
        "max_nodes": MAX_NETWORK_NODES,
    }
    return render(request, "profiles/network.html", context)


@require_safe
@archive_conditional
def country_list(request):
    output = requested_format(request, JSON_TWIN)
    if output is None:
        return format_not_found(request, JSON_TWIN)
    countries = countries_with_groups()
    if output == JSON:
        absolute_url = request.build_absolute_uri
        results = [country_json(country, absolute_url) for country in countries]
        return json_response({"count": len(results), "results": results})
    context = {"countries": countries, "twins": JSON_TWIN}
    return render(request, "profiles/country_list.html", context)


@require_safe
@archive_conditional
def country_detail(request, code):
    output = requested_format(request, JSON_TWIN)
    if output is None:
        return format_not_found(request, JSON_TWIN)
    as_json = output == JSON
    # Two ASCII letters first: "ß".upper() is "SS", which would be South Sudan.
    code = code.upper() if re.fullmatch(r"[A-Za-z]{2}", code) else ""
    if code not in COUNTRY_NAMES:
        return not_found(request, "There is no country with this code.", as_json)
    # ASCII digits only: "²" and "①" pass str.isdigit() and then fail int().
    page_number = request.GET.get("page", "1")
    if not re.fullmatch(r"0*[1-9][0-9]{0,8}", page_number):
        message = "Page must be a positive whole number."
        if as_json:
            return json_response({"error": message, "errors": {"page": [message]}}, status=400)
        return render(request, "400.html", {"message": message}, status=400)

    groups = groups_of_country(code)
    paginator = list_paginator(request, groups, settings.GROUPS_PER_PAGE)
    if paginator.count == 0:
        # Only countries with groups have a page, as the list of countries shows.
        message = f"The archive holds no group in {country_name(code)}."
        return not_found(request, message, as_json)
    try:
        page_obj = paginator.page(int(page_number))
    except InvalidPage:
        return not_found(request, "There is no such page of this list.", as_json)
    if as_json:
        codes = country_codes_of(page_obj)
        absolute_url = request.build_absolute_uri
        results = [
            group_list_item_json(group, codes[group.pk], absolute_url(group.get_absolute_url()))
            for group in page_obj
        ]
        return paged_json(request, paginator, page_obj, results, code=code, name=country_name(code))

    context = {
        "twins": JSON_TWIN,
        "code": code,
        "name": country_name(code),
        "flag": country_flag(code),
        "page_obj": page_obj,
        "paginator": paginator,
        "rows": group_rows_without_countries(page_obj),
        "chart_html": archive_cached(
            request,
            "country-chart",
            lambda: period_chart_html(
                groups,
                "country-chart",
                "When the groups were active.",
                f"{reverse('group-list')}?country={code}",
            ),
            code,
        ),
    }
    return render(request, "profiles/country_detail.html", context)


@require_safe
@archive_conditional
def source_list(request):
    output = requested_format(request, JSON_TWIN)
    if output is None:
        return format_not_found(request, JSON_TWIN)
    as_json = output == JSON
    filterset = SourceFilterSet(request.GET, queryset=sources_for_list())
    if not filterset.is_valid():
        if as_json:
            return filter_errors_json(filterset)
        context = {"filter": filterset, "form": filterset.form, "page_obj": None}
        return render(request, "profiles/source_list.html", context, status=400)

    paginator = list_paginator(request, filterset.qs, settings.SOURCES_PER_PAGE)
    try:
        page_obj = paginator.page(filterset.form.cleaned_data["page"] or 1)
    except InvalidPage:
        return not_found(request, "There is no such page of this list.", as_json)
    if as_json:
        absolute_url = request.build_absolute_uri
        results = [source_row_json(row, absolute_url) for row in source_rows(page_obj)]
        return paged_json(request, paginator, page_obj, results)
    context = {
        "twins": JSON_TWIN,
        "filter": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "paginator": paginator,
        "rows": source_rows(page_obj),
        "filtered": any(
            filterset.form.cleaned_data.get(name) not in (None, "") for name in filterset.filters
        ),
    }
    return render(request, "profiles/source_list.html", context)


@require_safe
@archive_conditional
def source_detail(request, filename):
    output = requested_format(request, JSON_TWIN)
    if output is None:
        return format_not_found(request, JSON_TWIN)
    source = get_source(filename)
    if source is None:
        return not_found(request, "There is no source file with this name.", output == JSON)
    if output == JSON:
        return json_response(source_detail_json(source, request.build_absolute_uri))
    context = {"source": source, "document": source.document, "twins": JSON_TWIN}
    return render(request, "profiles/source_detail.html", context)


@require_safe
@archive_conditional
def about(request):
    return render(request, "profiles/about.html", about_context())


# Django's Feed sets Last-Modified from the newest entry; it reads nothing else from the request.
feed = require_safe(archive_conditional(LatestProfilesFeed()))


@require_safe
@archive_conditional
def source_raw(request, filename):
    """A source file's text exactly as imported, as plain text that no browser renders."""
    raw_text = source_raw_text(filename)
    if raw_text is None:
        return not_found(request, "There is no source file with this name.", as_json=False)
    response = HttpResponse(raw_text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    # SecurityMiddleware sets nosniff too; this view must never be read as HTML, whatever
    # the settings say.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # Quoted or RFC 5987-encoded: a quote, a newline or a non-ASCII letter cannot break it.
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response
