"""What the HTML profile adds to a Profile: numbered citations with backlinks, links to the
other archived groups its text names, related groups by tie, and how to cite the page.

One query at most beyond get_profile(): the NameKey lookup of the names the text uses.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import groupby

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html

from profiles.models import SECTION_FIELDS, NameKey, Precision, Relation
from profiles.parsing.names import CONNECTORS, name_key
from profiles.rendering import map_text
from profiles.selectors import MONTHS, country_flag, format_edtf, html_datetime

SITE_NAME = "Armed Group Profiles"

# Our own citation markup (profiles.rendering.CITE_MARKUP): nh3 drops every class
# attribute a curator writes, so this string can only be ours.
CITE_RE = re.compile(
    r'<sup class="cite"><a href="#ref-(\d+)" aria-label="reference \d+">(\[\d+\])</a></sup>'
)
# A word of a name: "Jamaat-i-Islami", "MQM's", "ut-Taleba"; digits alone are not names.
WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
POSSESSIVE_RE = re.compile(r"['\u2019]s$")
# "ut-Taleba", "al-Shabaab": a lower-case particle joined to a capitalised word.
PARTICLE_RE = re.compile(r"^[a-z]{1,3}-[A-Z]")
# A name may follow these words but does not start with them ("the Beta Front").
ARTICLES = {"The", "the", "A", "An"}
# Longest name looked for, in words ("All Pakistan Muttahidda Students Organization" is 5).
MAX_NAME_WORDS = 8
# The lookup's parameters are bounded so that it runs on any database (SQLite's oldest
# limit is 999); the names met first are kept.
MAX_NAME_CANDIDATES = 900

# The related groups, by tie, in the order a reader expects them.
RELATION_HEADINGS = [
    (Relation.SPLINTER_OF, "Splinter of"),
    (Relation.HAS_SPLINTER, "Splinter groups"),
    (Relation.PREDECESSOR_OF, "Predecessor of"),
    (Relation.SUCCESSOR_OF, "Successor of"),
    (Relation.MERGED_INTO, "Merged into"),
    (Relation.ABSORBED, "Absorbed"),
    (Relation.PART_OF, "Part of"),
    (Relation.HAS_PART, "Components"),
    (Relation.SPONSORED_BY, "Sponsored by"),
    (Relation.SPONSOR_OF, "Sponsor of"),
    (Relation.ALLY_OF, "Allies"),
    (Relation.RIVAL_OF, "Rivals"),
    (Relation.MENTIONED_WITH, "Mentioned with"),
]
RELATION_ORDER = {str(relation): index for index, (relation, _) in enumerate(RELATION_HEADINGS)}
RELATION_HEADING = {str(relation): heading for relation, heading in RELATION_HEADINGS}


@dataclass
class CiteMark:
    """One citation marker on the page, the target of a backlink."""

    marker: int
    anchor: str  # the id of its <sup>, "cite-3-2" for the second marker [3]
    place: str  # "Narrative", "Timeline, Nov 1994"
    statement: str = ""  # the sentence it closes, "" when unknown or left out
    left_out: bool = False  # it closed a sentence the extract left out
    letter: str = ""


@dataclass
class Section:
    key: str
    label: str
    html: str  # sanitized on save; here with name links and numbered citations


@dataclass
class PageEvent:
    event: object  # selectors.TimelineEvent
    marks: list  # [CiteMark]


@dataclass
class PageReference:
    reference: object  # selectors.ReferenceItem
    backlinks: list = field(default_factory=list)  # [CiteMark]


@dataclass
class ProfilePage:
    sections: list
    events: list
    references: list
    related: list  # [(heading, [RelatedGroup])]
    countries: list  # [(code, name, flag, [Proof])]
    aliases: list  # [(alias, [Proof])]
    # The names the texts mention: those with a profile, and the others ("also named here").
    linked_mentions: list
    other_mentions: list
    period_html: str  # the active period, its dates in <time> with their precision
    size_date_html: str
    sources: list  # [(SourceDocument, URL of its raw text or "")]
    citation: str
    bibtex: str
    accessed: object  # date
    updated: object  # date
    release: object = None  # ReleaseCitation: the latest release of the data holding it


def build_profile_page(profile, absolute_url, today=None, release=None):
    """`release` is the ReleaseCitation of the latest release holding the group, if any."""
    group = profile.group
    today = today or timezone.localdate()
    cited = profile_citation(group, absolute_url, today, release)
    sections = [
        Section(key=key, label=label, html=group.sections_html.get(key, ""))
        for key, label in SECTION_FIELDS
        if getattr(group, key) and group.sections_html.get(key)
    ]
    link_group_names(sections, group)
    anchors = {ref.marker for ref in profile.references if ref.anchor}
    marks = number_section_citations(sections, profile.citations, anchors)
    events = []
    for event in profile.events:
        place = f"Timeline, {event.display_date or event.date}"
        event_marks = [
            marks.add(marker, place, statement=event.text)
            for marker in event.citations
            if marker in anchors
        ]
        events.append(PageEvent(event=event, marks=event_marks))
    by_marker = {}
    for mark in marks:
        by_marker.setdefault(mark.marker, []).append(mark)
    references = []
    for reference in profile.references:
        backlinks = by_marker.get(reference.marker, []) if reference.anchor else []
        for index, mark in enumerate(backlinks):
            mark.letter = backlink_letter(index)
        references.append(PageReference(reference=reference, backlinks=backlinks))
    # A group already listed under its tie is not listed again among the names mentioned.
    tied = {r.slug or name_key(r.name) for r in profile.related}
    mentions = [m for m in profile.mentions if (m.slug or name_key(m.name)) not in tied]
    return ProfilePage(
        sections=sections,
        events=events,
        references=references,
        related=related_by_relation(profile.related),
        countries=[
            (code, name, country_flag(code), profile.evidence.get("countries", {}).get(code, []))
            for code, name in profile.countries
        ],
        aliases=[
            (alias, profile.evidence.get("aliases", {}).get(alias, [])) for alias in profile.aliases
        ],
        linked_mentions=[m for m in mentions if m.slug],
        other_mentions=[m for m in mentions if not m.slug],
        period_html=period_html(group),
        size_date_html=date_html(group.size_date),
        sources=[(source, raw_source_url(source.filename)) for source in profile.sources],
        citation=cited.citation,
        bibtex=cited.bibtex,
        release=release,
        accessed=today,
        updated=cited.updated,
    )


def raw_source_url(filename):
    """The raw text's address; "" for a name no URL can hold (a "/" put in by a curator)."""
    try:
        return reverse("source-raw", args=[filename])
    except NoReverseMatch:
        return ""


# Dates in the header.


def date_html(edtf, precision=""):
    """A date at its precision, in <time> when HTML can state it ("198X" cannot)."""
    if not edtf:
        return ""
    known = f"known to the {precision}; " if precision in Precision.values else ""
    title = f"{known}EDTF {edtf}"
    machine = html_datetime(edtf)
    if machine:
        return format_html(
            '<time datetime="{}" title="{}">{}</time>', machine, title, format_edtf(edtf)
        )
    return format_html('<span class="date" title="{}">{}</span>', title, format_edtf(edtf))


def period_html(group):
    """The active period as selectors.active_period() words it, with <time> dates."""
    formation = date_html(group.formation_date, group.formation_precision)
    termination = date_html(group.termination_date, group.termination_precision)
    if formation and termination:
        return format_html("{} – {}", formation, termination)
    if formation:
        return format_html("from {}", formation)
    if termination:
        return format_html("until {}", termination)
    return ""


# Citations: each marker gets an id, each reference lists the markers citing it.


class CiteMarks(list):
    """The page's CiteMarks in page order; each marker's ids count up: cite-3-1, cite-3-2."""

    def __init__(self):
        super().__init__()
        self.counts = {}

    def add(self, marker, place, statement="", left_out=False):
        self.counts[marker] = self.counts.get(marker, 0) + 1
        mark = CiteMark(
            marker=marker,
            anchor=f"cite-{marker}-{self.counts[marker]}",
            place=place,
            statement=statement,
            left_out=left_out,
        )
        self.append(mark)
        return mark


def number_section_citations(sections, citations, anchors):
    """Give each citation marker of the sections an id; the CiteMarks in page order.

    A marker whose number no reference has is shown without a link (it would lead
    nowhere). The statement a marker closes comes from the imported citations when the
    section's markers are still the ones imported (a curator may have edited the text).
    """
    marks = CiteMarks()
    for section in sections:
        imported = _section_citations(citations, section.key)
        found = [int(number) for number, _ in CITE_RE.findall(section.html)]
        statements = imported if [c.marker for c in imported] == found else None
        position = iter(range(len(found)))

        def number(match, section=section, statements=statements, position=position):
            index = next(position)
            marker = int(match.group(1))
            if marker not in anchors:
                return (
                    '<sup class="cite missing" title="No reference with this number is recorded">'
                    f"{match.group(2)}</sup>"
                )
            citation = statements[index] if statements else None
            mark = marks.add(
                marker,
                section.label,
                statement=citation.statement if citation else "",
                left_out=bool(citation and not citation.statement),
            )
            return (
                f'<sup class="cite" id="{mark.anchor}"><a href="#ref-{marker}" '
                f'aria-label="reference {marker}">{match.group(2)}</a></sup>'
            )

        section.html = CITE_RE.sub(number, section.html)
    return marks


def _section_citations(citations, section_key):
    """The section's markers in text order; a marker citing several events is one marker."""
    seen = set()
    result = []
    for citation in citations:
        if citation.section != section_key or citation.marker is None:
            continue
        if (citation.position, citation.marker) in seen:
            continue
        seen.add((citation.position, citation.marker))
        result.append(citation)
    return sorted(result, key=lambda c: c.position)


def backlink_letter(index):
    """a, b, ... z, aa, ab, ...: how an encyclopedia tells a reference's citations apart."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("a") + remainder) + letters
    return letters


# Names of other archived groups in the text, linked to their profiles.


def _name_runs(text):
    """Runs of capitalised words in plain text, as lists of (start, end, capitalised).

    "the All Pakistan Muttahidda Students Organization (APMSO)" gives two runs; lower-case
    connectors ("of", "al") may stand inside a run, and a possessive ends it.
    """
    runs, run = [], []
    previous_end = None
    for match in WORD_RE.finditer(text):
        word = match.group()
        start, end = match.span()
        possessive = POSSESSIVE_RE.search(word)
        # "New People's Army" goes on; "the MQM's military wing" ends at "MQM".
        if possessive and text[end : end + 1] == " " and text[end + 1 : end + 2].isupper():
            possessive = None
        if possessive:
            end -= len(possessive.group())
            word = word[: -len(possessive.group())]
        capitalised = word[:1].isupper() or bool(PARTICLE_RE.match(word))
        joined = previous_end is not None and text[previous_end:start] in (" ", "\xa0")
        if run and not (joined and (capitalised or word in CONNECTORS)):
            runs.append(run)
            run = []
        if capitalised or (run and word in CONNECTORS):
            run.append((start, end, capitalised))
        previous_end = None if possessive else end
        if possessive and run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    # A run neither starts nor ends with a connector.
    trimmed = []
    for run in runs:
        while run and not run[-1][2]:
            run.pop()
        if run:
            trimmed.append(run)
    return trimmed


def _spans(text, run):
    """(first word, last word, key) of each name a run may hold, longest first from each
    word; a name starts with neither a connector nor an article."""
    for first in range(len(run)):
        if not run[first][2] or text[run[first][0] : run[first][1]] in ARTICLES:
            continue
        for last in range(min(len(run), first + MAX_NAME_WORDS) - 1, first - 1, -1):
            if run[last][2]:
                start, end = run[first][0], run[last][1]
                yield first, last, name_key(text[start:end])


def name_candidates(sections):
    """The keys of every name the sections' text could use, first met first."""
    keys = {}  # a dict keeps the order names are met in

    def collect(escaped):
        text = html.unescape(escaped)
        for run in _name_runs(text):
            for _first, _last, key in _spans(text, run):
                if key:
                    keys.setdefault(key, None)
        return escaped

    for section in sections:
        map_text(section.html, collect)
    return list(keys)[:MAX_NAME_CANDIDATES]


def link_group_names(sections, group):
    """Link the first mention of each other archived group in the sections' text.

    One query resolves every candidate name. A name of the group itself is never linked,
    nor a name two groups answer to, nor text already inside a link or code.
    """
    candidates = name_candidates(sections)
    if not candidates:
        return
    owners = {}
    for key, group_id, slug, name in NameKey.objects.filter(key__in=candidates).values_list(
        "key", "group_id", "group__slug", "group__name"
    ):
        owners.setdefault(key, {})[group_id] = (slug, name)
    linked = set()

    def link(escaped):
        text = html.unescape(escaped)
        pieces, position = [], 0
        for run in _name_runs(text):
            next_word = 0
            for first, last, key in _spans(text, run):
                if first < next_word or key not in owners:
                    continue
                next_word = last + 1  # the longest name found here; no name inside it
                groups = owners[key]
                if len(groups) != 1 or group.pk in groups:
                    continue
                ((group_id, (slug, name)),) = groups.items()
                if group_id in linked:
                    continue
                linked.add(group_id)
                start, end = run[first][0], run[last][1]
                pieces.append(html.escape(text[position:start], quote=False))
                pieces.append(
                    f'<a class="group-link" href="{html.escape(reverse("group-detail", args=[slug]))}"'
                    f' title="{html.escape(name)}">{html.escape(text[start:end], quote=False)}</a>'
                )
                position = end
        if not pieces:
            return escaped  # unchanged text keeps its bytes
        pieces.append(html.escape(text[position:], quote=False))
        return "".join(pieces)

    for section in sections:
        section.html = map_text(section.html, link)


# Related groups.


def related_by_relation(related):
    """[(heading, [RelatedGroup])], one heading per tie, in RELATION_HEADINGS order."""
    ordered = sorted(
        related, key=lambda r: (RELATION_ORDER.get(r.relation, len(RELATION_ORDER)), r.relation)
    )
    return [
        (RELATION_HEADING.get(relation, relation.replace("_", " ").capitalize()), list(items))
        for relation, items in groupby(ordered, key=lambda r: r.relation)
    ]


# Cite this profile.


@dataclass
class ProfileCitation:
    """What the page's "Cite this profile" shows: rendered per request (the reader's host
    and today's date), around the profile's snapshot."""

    citation: str
    bibtex: str
    accessed: object  # date
    updated: object  # date
    release: object = None  # ReleaseCitation


def profile_citation(group, absolute_url, today=None, release=None):
    """`group` needs only its name, slug and last change."""
    today = today or timezone.localdate()
    updated = timezone.localtime(group.updated_at).date() if group.updated_at else today
    return ProfileCitation(
        citation=plain_citation(group.name, absolute_url, updated, today, release),
        bibtex=bibtex_entry(group.slug, group.name, absolute_url, updated, today, release),
        accessed=today,
        updated=updated,
        release=release,
    )


def readable_date(day):
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def plain_citation(name, url, updated, accessed, release=None):
    citation = (
        f"{SITE_NAME}. “{name}”. Last changed {readable_date(updated)}. {url} "
        f"(accessed {readable_date(accessed)})."
    )
    if release is not None:
        citation += f" In dataset release {release.release.version}, {release.url}."
    return citation


BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
BIBTEX_SPECIAL_RE = re.compile("|".join(re.escape(char) for char in BIBTEX_SPECIAL))


def bibtex_escape(text):
    """Text for a BibTeX field: LaTeX's special characters escaped, one line."""
    return BIBTEX_SPECIAL_RE.sub(lambda m: BIBTEX_SPECIAL[m.group()], " ".join(text.split()))


def bibtex_key(slug):
    """An ASCII key from the slug ("échelon-noir" gives "echelon-noir")."""
    ascii_slug = unicodedata.normalize("NFKD", slug).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9_-]+", "", ascii_slug) or "group"


def bibtex_entry(slug, name, url, updated, accessed, release=None):
    # The URL is percent-encoded by reverse(), so it holds no brace; "%" and "#" must be
    # escaped inside \url{} of a field that LaTeX reads, not in biblatex's verbatim url.
    escaped_url = url.replace("\\", "").replace("%", r"\%").replace("#", r"\#")
    return "\n".join(
        [
            f"@misc{{{bibtex_key(slug)},",
            f"  author = {{{{{SITE_NAME}}}}},",
            f"  title = {{{{{bibtex_escape(name)}}}}},",
            f"  year = {{{updated.year}}},",
            f"  howpublished = {{\\url{{{escaped_url}}}}},",
            f"  url = {{{url}}},",
            f"  urldate = {{{accessed.isoformat()}}},",
            f"  note = {{Last changed {readable_date(updated)}; "
            f"accessed {readable_date(accessed)}"
            + (f"; in dataset release {bibtex_escape(release.release.version)}" if release else "")
            + "},",
            "}",
        ]
    )
