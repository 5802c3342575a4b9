"""What every page shows the same way: country names and flags, dates at their precision."""

import re
import unicodedata
from datetime import date
from functools import cache

import pycountry

from profiles.models import (
    Alias,
)
from profiles.parsing.countries import HISTORIC_NAMES

# The short name a reader knows ("Iran", not "Iran, Islamic Republic of").
COUNTRY_NAMES = {
    country.alpha_2: getattr(country, "common_name", None) or country.name
    for country in pycountry.countries
}
# The importer also gives codes to states that no longer exist, and to Kosovo.
COUNTRY_NAMES.update(HISTORIC_NAMES)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# EDTF level 1 writes a season as a month from 21 to 24 ("1994-21" is spring 1994).
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
EDTF_PART_RE = re.compile(
    r"^(?P<year>\d{3}X|\d{4})(?:-(?P<month>\d{2}))?(?:-(?P<day>\d{2}))?(?P<qualifier>[~?%]?)$"
)
PUBLIC_ALIAS_KINDS = [Alias.Kind.STATED, Alias.Kind.CLAIM]


def country_name(code):
    """The country's name, or the code itself when pycountry does not know it."""
    return COUNTRY_NAMES.get(code, code)


# Codes with a flag: the current ISO 3166-1 codes, and Kosovo's user-assigned XK, which
# has a flag in the emoji standard. A state that no longer exists (SU, YU, CS) has none, nor
# ZR, which the importer no longer gives (Zaire is read as CD) but a curator may have set.
FLAG_CODES = frozenset(country.alpha_2 for country in pycountry.countries) | {"XK"}
REGIONAL_INDICATOR_A = 0x1F1E6


def country_flag(code):
    """The flag emoji of an ISO alpha-2 code ("PK" gives 🇵🇰), or "" when it has none.

    A flag emoji is the code's two letters written as regional indicator symbols.
    """
    code = (code or "").upper()
    if code not in FLAG_CODES:
        return ""
    return "".join(chr(REGIONAL_INDICATOR_A + ord(letter) - ord("A")) for letter in code)


def name_sort_key(name):
    """Sorts "Åland Islands" with the A's and "Côte d'Ivoire" before "Croatia"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def country_choices():
    """(code, "Name") for every ISO 3166-1 country, ordered by name."""
    return sorted(COUNTRY_NAMES.items(), key=lambda item: (name_sort_key(item[1]), item[0]))


# Dates, as a reader wants them: "1992", "Nov 1994", "3 Nov 1994", "1980s", "c. 1990".


def format_edtf(edtf):
    """A readable form of an EDTF date or interval, at the precision it states."""
    if not edtf:
        return ""
    if "/" in edtf:
        start, end = edtf.split("/", 1)
        if start in ("", ".."):
            return f"until {format_edtf_part(end)}"
        if end in ("", ".."):
            return f"from {format_edtf_part(start)}"
        return f"{format_edtf_part(start)}–{format_edtf_part(end)}"
    return format_edtf_part(edtf)


def format_edtf_part(edtf):
    match = EDTF_PART_RE.match(edtf)
    if not match:
        return edtf  # A shape we do not know is shown as stored rather than guessed at.
    year, month, day, qualifier = match.group("year", "month", "day", "qualifier")
    if year.endswith("X"):
        text = f"{int(year[:3])}0s"
    else:
        text = str(int(year))
    if month:
        number = int(month)
        if 1 <= number <= 12 and not year.endswith("X"):
            text = f"{MONTHS[number - 1]} {text}"
            if day:
                text = f"{int(day)} {text}"
        elif number in SEASONS and not day and not year.endswith("X"):
            text = f"{SEASONS[number]} {text}"
        else:
            return edtf
    if qualifier in ("~", "%"):
        text = f"c. {text}"
    if qualifier in ("?", "%"):
        text = f"{text}?"
    return text


HTML_DATETIME_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def html_datetime(edtf):
    """The EDTF date as an HTML <time datetime> value ("1994", "1994-11", "1994-11-03").

    HTML has no decade, season, interval or qualifier: those dates get "" (no <time>).
    """
    if not HTML_DATETIME_RE.match(edtf or ""):
        return ""
    year, month, day = ([int(part) for part in edtf.split("-")] + [1, 1])[:3]
    try:
        date(year, month, day)
    except ValueError:
        return ""  # "1994-13" or "1994-02-30": not a date
    return edtf


def active_period(group):
    """'1992 – Nov 1994', 'from 1992', 'until 1994', or '' when the texts give neither."""
    formation = format_edtf(group.formation_date)
    termination = format_edtf(group.termination_date)
    if formation and termination:
        return f"{formation} – {termination}"
    if formation:
        return f"from {formation}"
    if termination:
        return f"until {termination}"
    return ""
