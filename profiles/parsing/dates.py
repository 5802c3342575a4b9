"""Dates in running text, at the precision the text gives them, as EDTF.

"1994" -> 1994; "November 1994" -> 1994-11; "15 March 2011" and "April 29, 2006" -> days;
"between 1997 and 2006", "1981–1982", "from 1997 to 2006" -> 1997/2006;
"between August and September 1992" -> 1992-08/1992-09; "the 1980s" -> 198X (an
"early", "mid" or "late" decade keeps 198X and narrows its bounds); "around 1990" -> 1990~.
Years run from 1800 to 2099; a four-digit number that counts something ("1500 men")
is not a year.
"""

import calendar
import re
from datetime import date
from functools import lru_cache

from profiles.parsing.text import may_match
from profiles.parsing.types import UncertainDate

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = r"(?P<{}>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
YEAR = r"(?P<{}>1[89]\d\d|20\d\d)"
DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
# Nouns that make a preceding number a count, not a year ("1500 men", "2000 people").
COUNT_NOUNS = (
    r"members?|men|women|people|persons|fighters|soldiers|troops|militiamen|militants|"
    r"volunteers|recruits|combatants|casualties|deaths|dead|killed|civilians|children|"
    r"individuals|families|refugees|homes|houses|villages|km|kilometres|kilometers|miles|"
    r"dollars|rupees|euros|pounds|guns|rifles|weapons|cases|hectares|strong|patrollers|"
    r"victims|prisoners|detainees|guards|officers|police|policemen|youths|hostages"
)
# One adjective may stand between a count and its noun ("1500 armed men").
ADJECTIVE = r"(?:armed|active|trained|regular|young|local|foreign|civilian|unarmed|full-time|part-time|additional|more|other|new|male|female|well-armed|heavily\s+armed)"
NOT_A_YEAR_AFTER_RE = re.compile(
    rf"^(?:[,.]\d|\s*%|\s*percent|\s*per cent|-strong|\s+(?:{ADJECTIVE}\s+)?(?:{COUNT_NOUNS})\b|\s+of\s+(?:whom|them)\b)"
)
NOT_A_YEAR_BEFORE_RE = re.compile(r"(?:[$£€#]|\d[,.]|No\.\s?|Resolution\s|page\s|pp?\.\s?)$")


def _year(text):
    return int(text)


def _month(text):
    return MONTHS[text.rstrip(".").lower()]


def _last_day(year, month):
    return calendar.monthrange(year, month)[1]


def year_date(year, text="", start=0, end=0, approximate=False):
    edtf = f"{year}~" if approximate else str(year)
    return UncertainDate(edtf, date(year, 1, 1), date(year, 12, 31), "year", text, start, end)


def month_date(year, month, text="", start=0, end=0):
    return UncertainDate(
        f"{year}-{month:02d}",
        date(year, month, 1),
        date(year, month, _last_day(year, month)),
        "month",
        text,
        start,
        end,
    )


def day_date(year, month, day, text="", start=0, end=0):
    if not 1 <= day <= _last_day(year, month):
        return month_date(year, month, text, start, end)
    return UncertainDate(
        f"{year}-{month:02d}-{day:02d}",
        date(year, month, day),
        date(year, month, day),
        "day",
        text,
        start,
        end,
    )


def decade_date(decade, part=None, text="", start=0, end=0):
    first, last = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}[part]
    return UncertainDate(
        f"{str(decade)[:3]}X",
        date(decade + first, 1, 1),
        date(decade + last, 12, 31),
        "decade",
        text,
        start,
        end,
    )


def interval(first, last, text="", start=0, end=0):
    if last.latest < first.earliest:
        return None
    return UncertainDate(
        f"{first.edtf}/{last.edtf}",
        first.earliest,
        last.latest,
        first.precision,
        text,
        start,
        end,
    )


def interval_part(value, index, between_is_span=False):
    """One end of a span ("from 1917 to 1944": index 0 is 1917, -1 is 1944), at the
    precision written; any other date, and an uncertain one ("between ... and ..."), as it is,
    unless what is said of it makes it a span (`between_is_span`: "active between 1967 and
    1974")."""
    if "/" not in value.edtf or (value.text.lower().startswith("between") and not between_is_span):
        return value  # "between 1994 and 1996": one uncertain date, not a span
    part = value.edtf.split("/")[index]
    numbers = [int(n) for n in re.findall(r"\d+", part)]
    if not re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", part):
        return value
    make = {1: year_date, 2: month_date, 3: day_date}[len(numbers)]
    return make(*numbers, value.text, value.start, value.end)


def _fmt(pattern, *names):
    return pattern.format(*names)


PATTERNS = [
    # 2000-04-21 (ISO 8601), before "2000-04" can be read as the range 2000-2004
    (
        "iso_date",
        re.compile(r"\b(?P<y>1[89]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
    ),
    # between August and September 1992 / from March to May 1995
    (
        "month_range",
        re.compile(
            r"\b(?:between|from)\s+"
            + _fmt(MONTH, "m1")
            + r"\s+(?:and|to|until)\s+"
            + _fmt(MONTH, "m2")
            + r",?\s+(?:of\s+)?"
            + _fmt(YEAR, "y")
            + r"\b"
        ),
    ),
    # 15 March 2011 / 1st of May 1995
    (
        "day_month_year",
        re.compile(
            r"\b"
            + _fmt(DAY, "d")
            + r"\s+(?:of\s+)?"
            + _fmt(MONTH, "m")
            + r",?\s+"
            + _fmt(YEAR, "y")
            + r"\b"
        ),
    ),
    # April 29, 2006
    (
        "month_day_year",
        re.compile(
            r"\b" + _fmt(MONTH, "m") + r"\s+" + _fmt(DAY, "d") + r",\s*" + _fmt(YEAR, "y") + r"\b"
        ),
    ),
    # (early) November 1994
    (
        "month_year",
        re.compile(
            r"\b(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?"
            + _fmt(MONTH, "m")
            + r",?\s+(?:of\s+)?"
            + _fmt(YEAR, "y")
            + r"\b"
        ),
    ),
    # the (early|mid|late) 1980s, mid-1990s, the '90s
    (
        "decade",
        re.compile(
            r"\b(?:(?P<part>early|mid|late)[\s-]+)?(?:the\s+)?(?P<decade>1[89]\d0|20\d0)['\u2019]?s\b"
        ),
    ),
    # between 1997 and 2006 / from 1997 to 2006 / 1981–1982 / 1992-94
    (
        "year_range",
        re.compile(
            r"\b(?:between\s+"
            + _fmt(YEAR, "y1")
            + r"\s+and\s+|(?:from\s+)?"
            + _fmt(YEAR, "y0")
            + r"(?:\s*[\u2013\u2014-]\s*|\s+(?:to|until|through)\s+))(?P<y2>1[89]\d\d|20\d\d|\d\d)\b(?![,.]\d)"
        ),
    ),
    # around 1990 / 1994
    (
        "year",
        re.compile(
            r"\b(?:(?P<approx>around|about|circa|approximately|roughly|c\.|ca\.)\s+)?"
            + _fmt(YEAR, "y")
            + r"\b(?!['\u2019]?s\b)"
        ),
    ),
]


def _is_count(text, start, end):
    before = text[max(0, start - 12) : start]
    after = text[end : end + 40]
    return bool(NOT_A_YEAR_BEFORE_RE.search(before) or NOT_A_YEAR_AFTER_RE.match(after))


def _build(kind, match, text):
    g = match.groupdict()
    s, e, written = match.start(), match.end(), match.group()
    if kind == "month_range":
        year = _year(g["y"])
        first, last = month_date(year, _month(g["m1"])), month_date(year, _month(g["m2"]))
        return interval(first, last, written, s, e)
    if kind == "iso_date":
        return day_date(int(g["y"]), int(g["m"]), int(g["d"]), written, s, e)
    if kind == "day_month_year" or kind == "month_day_year":
        return day_date(_year(g["y"]), _month(g["m"]), int(g["d"]), written, s, e)
    if kind == "month_year":
        return month_date(_year(g["y"]), _month(g["m"]), written, s, e)
    if kind == "decade":
        return decade_date(int(g["decade"]), g["part"], written, s, e)
    if kind == "year_range":
        first = _year(g["y1"] or g["y0"])
        second = g["y2"]
        last = int(str(first)[:2] + second) if len(second) == 2 else int(second)
        if last <= first or last - first > 150:
            return None
        return interval(year_date(first), year_date(last), written, s, e)
    if kind == "year":
        return year_date(_year(g["y"]), written, s, e, approximate=bool(g["approx"]))
    raise ValueError(kind)


YEAR_HINT_RE = re.compile(r"1[89]\d|20\d")
# Every spelling of MONTH starts with one of these: without any, the patterns that need a
# month cannot match, and are not run (nor iso_date without a hyphen, nor decade without
# "0s", "0's" or "0’s").
MONTH_HINT_RE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
MONTH_KINDS = {"month_range", "day_month_year", "month_day_year", "month_year"}


def find_dates(text: str) -> tuple[UncertainDate, ...]:
    """Every date in `text`, in order, the longest reading of each place."""
    if not YEAR_HINT_RE.search(text):
        return ()
    taken = []
    found = []
    skipped = set()
    if not MONTH_HINT_RE.search(text):
        skipped |= MONTH_KINDS
    if "-" not in text:
        skipped.add("iso_date")
    if "0s" not in text and "0's" not in text and "0\u2019s" not in text:
        skipped.add("decade")  # "1980s", "1980's"
    for kind, pattern in PATTERNS:
        if kind in skipped:
            continue
        for match in pattern.finditer(text):
            s, e = match.start(), match.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind in ("year", "year_range") and _is_count(
                text, match.start("y" if kind == "year" else "y1"), e
            ):
                continue
            if kind == "year_range" and _is_count(text, s, e):
                continue
            value = _build(kind, match, text)
            if value is None:
                # Not a date after all ("2001-1990"): a shorter pattern may still read it.
                continue
            taken.append((s, e))
            found.append(value)
    found.sort(key=lambda d: d.start)
    return tuple(found)


# Nouns for events that are not the group's own: a date attached to them ("the civil war
# of 1960–1996", "the 1947 partition", "the Youth Pledge of 1928") dates the context.
CONTEXT_NOUNS = (
    r"war|wars|uprising|insurgency|conflict|revolution|coup|election|elections|partition|"
    r"independence|genocide|crisis|invasion|occupation|violence|killings|massacre|documentary|"
    r"film|book|report|study|pledge|accords?|agreement|treaty|referendum|constitution|"
    r"earthquake|famine|riots|protests|uprisings|emergency|ceasefire|struggle|campaign|"
    r"assassination|murder|arrest|overthrow|fighting|clashes"
)
CONTEXT_BEFORE_RE = re.compile(
    # "the elections of 2000 and 2002": every year of the list is the elections'.
    # "the assassination of President Melchior Ndadaye in October 1993": the person's too.
    rf"\b(?:{CONTEXT_NOUNS})(?:\s+of(?:\s+the)?(?=\s+[A-Z]))?(?:\s+[A-Z][\w-]*)*\s+"
    r"(?:of|in|from|between|during)\s+(?:the\s+)?"
    r"(?:\d{4}(?:,\s*|\s+and\s+|\s+or\s+))*$",
    re.I,
)
CONTEXT_AFTER_RE = re.compile(
    rf"^[\s'\u2019s-]*(?:[A-Za-z-]+\s+){{0,2}}?(?:{CONTEXT_NOUNS})\b", re.I
)
WAR_SUBJECT_RE = re.compile(
    rf"\b(?:{CONTEXT_NOUNS})\s+(?:had\s+|has\s+)?(?:broke\s+out|began|started|erupted|ended)\s+(?:in\s+|on\s+)?$",
    re.I,
)


OFFICE_SINCE_RE = re.compile(
    r"\b(?:president|prime\s+minister|premier|leader|ruler|dictator|king|emperor|governor|"
    r"chairman|head\s+of\s+state|in\s+power|in\s+office)\s+(?:since|from)\s+$|"
    # "who had first been elected mayor in 1988": an election or an appointment.
    r"\b(?:elected|re-elected|appointed|sworn\s+in|inaugurated)\s+(?:as\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:in|on)\s+$",
    re.I,
)


KNOWN_SINCE_RE = re.compile(
    r"\bbecame\s+(?:widely|well|better|nationally|internationally|generally)\s+known\b[^.;]{0,60}$",
    re.I,
)


SOURCE_OPENED_RE = re.compile(r"\([A-Z][\w'.& -]{1,60}\s$")
SOURCE_CLOSED_RE = re.compile(r"(?:,\s*\d+)?\)")
THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.I)


def is_context(text: str, mention: UncertainDate) -> bool:
    """Whether the date belongs to a war, an uprising, a report... rather than the group."""
    return _is_context_at(text, mention.start, mention.end)


# The parse asks this of the same date of the same sentence several times (for the
# founding, the end, the event's kind, the size's date).
@lru_cache(maxsize=4096)
def _is_context_at(text, start, end):
    before = text[max(0, start - 80) : start]
    after = text[end : end + 40]
    # (Each search only where the text before holds a word it needs: most hold none.)
    if may_match(CONTEXT_BEFORE_RE, before) and CONTEXT_BEFORE_RE.search(before):
        return True
    if may_match(WAR_SUBJECT_RE, before) and WAR_SUBJECT_RE.search(before):
        return True
    # "Ali Abdullah Saleh, president since July 1978, ...": a person's office.
    if may_match(OFFICE_SINCE_RE, before) and OFFICE_SINCE_RE.search(before):
        return True
    # "became widely known during the protests of 2003": fame, not a beginning.
    if may_match(KNOWN_SINCE_RE, before) and KNOWN_SINCE_RE.search(before):
        return True
    # "(Human Rights Watch 2003)", "(Ghannam 2012, 34)": a source cited, not an event.
    if SOURCE_OPENED_RE.search(before) and SOURCE_CLOSED_RE.match(after):
        return True
    # "the 1947 partition", "the 2012 documentary": the date modifies a context noun.
    if THE_BEFORE_RE.search(before) and CONTEXT_AFTER_RE.match(after):
        return True
    return False
