"""schema.org JSON-LD of a profile: the group as an Organization (name, other names,
founding and dissolution dates, countries, address), for search engines and citation tools.

Written into a `<script type="application/ld+json">` block, which browsers do not run:
the JSON is escaped as Django's json_script does (<, > and & as \\u escapes), so that no
name a text gives can close the block.
"""

import json
import re

from django.utils.safestring import mark_safe

# The EDTF dates that are ISO 8601 dates as schema.org reads them: a year, a month or a
# day. A decade ("198X"), an approximate or uncertain date ("1990~") or an interval is
# left out rather than given a precision the texts do not have.
ISO_DATE_RE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def schema_date(edtf):
    return edtf if edtf and ISO_DATE_RE.fullmatch(edtf) else None


def organization(profile, absolute_url):
    """The profile as a schema.org Organization (a dict)."""
    group = profile.group
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": group.name,
        "url": absolute_url,
    }
    if profile.aliases:
        data["alternateName"] = list(profile.aliases)
    if founding := schema_date(group.formation_date):
        data["foundingDate"] = founding
    if dissolution := schema_date(group.termination_date):
        data["dissolutionDate"] = dissolution
    countries = [
        {"@type": "Country", "name": name, "identifier": code} for code, name in profile.countries
    ]
    if countries:
        data["location"] = countries
        data["areaServed"] = countries
    return data


def json_ld(data):
    """The JSON of `data`, safe inside a <script> block."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return mark_safe(text.translate(ESCAPES))
