"""The public pages. Each page has a JSON twin at the same address with ?format=json."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from profiles.filters import GroupFilterSet
from profiles.profile_page import build_profile_page
from profiles.selectors import (
    dump_json,
    get_profile,
    group_list_item_json,
    group_rows,
    groups_for_list,
    home_summary,
    profile_json,
    source_raw_text,
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


@require_safe
def home(request):
    return render(request, "profiles/home.html", home_summary())


@require_safe
def group_list(request):
    as_json = wants_json(request)
    filterset = GroupFilterSet(request.GET, queryset=groups_for_list())
    if not filterset.is_valid():
        errors = {name: list(messages) for name, messages in filterset.errors.items()}
        if as_json:
            names = ", ".join(errors)
            message = f"Invalid query parameter{pluralize(len(errors))}: {names}"
            return json_response({"error": message, "errors": errors}, status=400)
        context = {"filter": filterset, "form": filterset.form, "page_obj": None}
        return render(request, "profiles/group_list.html", context, status=400)

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
    context = {
        "filter": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "paginator": paginator,
        "rows": group_rows(page_obj),
        "filtered": any(
            value not in (None, "", [])
            for name, value in filterset.form.cleaned_data.items()
            if name in filterset.filters
        ),
    }
    return render(request, "profiles/group_list.html", context)


@require_safe
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
    page = build_profile_page(profile, request.build_absolute_uri(profile.group.get_absolute_url()))
    return render(
        request,
        "profiles/group_detail.html",
        {"profile": profile, "group": profile.group, "page": page},
    )


@require_safe
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
