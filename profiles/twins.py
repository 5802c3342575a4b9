"""The JSON and CSV twins of the pages (?format=json, ?format=csv): what each holds, and
which ?format= values a page accepts.

Each page's HTML advertises its twins with <link rel="alternate"> (base.html, from the
`twins` of its context).
"""

from urllib.parse import quote

from django.urls import reverse

from profiles.selectors import format_edtf

HTML = "html"
JSON = "json"
CSV = "csv"


def requested_format(request, twins):
    """The ?format= asked for: "html" when absent or empty, a twin's name, or None when the
    page has no such format."""
    value = request.GET.get("format") or HTML
    return value if value == HTML or value in twins else None


def format_error_message(twins):
    names = ", ".join(f"“{name}”" for name in (HTML, *twins))
    return f"Format must be one of {names}."


def page_links(page_obj, url_of_page):
    """The "next" and "previous" of a page of a JSON list: absolute addresses or null."""
    return {
        "next": url_of_page(page_obj.next_page_number()) if page_obj.has_next() else None,
        "previous": url_of_page(page_obj.previous_page_number())
        if page_obj.has_previous()
        else None,
    }


def group_link(group, absolute_url):
    return {"name": group.name, "slug": group.slug, "url": absolute_url(group.get_absolute_url())}


# The timeline.

TIMELINE_CSV_COLUMNS = [
    "date", "date_text", "earliest", "latest", "kind", "text", "group_name", "group_slug",
    "group_url",
]  # fmt: skip


def timeline_event_json(event, absolute_url):
    return {
        "date": event.date,
        "date_text": event.date_text,
        "display_date": format_edtf(event.date),
        "earliest": event.earliest.isoformat(),
        "latest": event.latest.isoformat(),
        "kind": event.kind,
        "text": event.text,
        "group": group_link(event.group, absolute_url),
    }


def timeline_csv_rows(events, absolute_url):
    """The header, then every event of the (filtered) timeline, read in chunks."""
    yield TIMELINE_CSV_COLUMNS
    # The list's address and the slug, as reverse() writes it, without a reverse() per row.
    groups_url = absolute_url(reverse("group-list"))
    rows = events.values_list(
        "date", "date_text", "earliest", "latest", "kind", "text", "group__name", "group__slug"
    )
    for date, date_text, earliest, latest, kind, text, name, slug in rows.iterator(2000):
        yield [
            date,
            date_text,
            earliest.isoformat(),
            latest.isoformat(),
            kind,
            text,
            name,
            slug,
            f"{groups_url}{quote(slug)}/",
        ]


# Countries.


def country_json(country, absolute_url):
    url = absolute_url(reverse("country-detail", args=[country.code]))
    return {"code": country.code, "name": country.name, "groups": country.groups, "url": url}


# Sources.


def source_summary_json(document, absolute_url):
    return {
        "filename": document.filename,
        "sha256": document.sha256,
        "format": document.format,
        "imported_at": document.imported_at.isoformat(timespec="seconds"),
        "group": group_link(document.group, absolute_url),
        "url": absolute_url(reverse("source-detail", args=[document.filename])),
        "raw_url": absolute_url(reverse("source-raw", args=[document.filename])),
    }


def reference_json(item):
    return {"marker": item.marker, "label": item.label, "url": item.url or None}


def source_row_json(row, absolute_url):
    return {
        **source_summary_json(row.document, absolute_url),
        "references": [
            {
                **reference_json(reference.item),
                "statements": reference.statements,
                "events": reference.events,
            }
            for reference in row.references
        ],
    }


def source_detail_json(source, absolute_url):
    return {
        **source_summary_json(source.document, absolute_url),
        "encoding": source.document.encoding,
        "countries": [code for code, _, _ in source.countries],
        "references": [
            {
                **reference_json(reference.item),
                "statements": [
                    {
                        "section": statement.section,
                        "statement": statement.statement or None,
                        "events": statement.events,
                    }
                    for statement in reference.statements
                ],
            }
            for reference in source.references
        ],
        "events": [
            {
                "date": event.date,
                "end": event.end,
                "date_text": event.date_text,
                "kind": event.kind,
                "text": event.text,
            }
            for event in source.events
        ],
    }
