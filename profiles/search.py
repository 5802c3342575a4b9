"""Full-text search of groups: PostgreSQL's text search where we have it, a plain fallback
on SQLite so that a newcomer's embedded database still answers `q`.

PostgreSQL: a stored `Group.search_vector` (name and aliases weighted A, the sections'
text D) behind a GIN index; queries use `websearch_to_tsquery`, so readers can write
`"death squad" -army OR militia`; results are ranked with `ts_rank`, and matches are
highlighted with `ts_headline` for the rows of one page only.
SQLite: case-insensitive substring matching of every word in the name, aliases or text.

Both also find a name by another spelling (profiles.name_search): on PostgreSQL by trigram
similarity of the folded names, on SQLite by comparing names without accents or
apostrophes.
"""

import re

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Concat, Left
from django.utils.html import escape
from django.utils.safestring import mark_safe

from profiles.models import SECTION_KEYS, Alias, Group
from profiles.name_search import folded_contains, fuzzy_match, search_names_sql
from profiles.selectors import PUBLIC_ALIAS_KINDS

# English stemming for both names and text, so "Tigers" finds "tiger" in either.
CONFIG = "english"
# ts_headline marks matches with these; we escape the text, then turn them into <mark>.
START, STOP = "\x02", "\x03"
MARKS = {"start_sel": START, "stop_sel": STOP}
MARKER_RE = re.compile(r"\[\d+\]")
SNIPPET_SOURCE_LENGTH = 5000


def uses_postgres_search():
    return connection.vendor == "postgresql"


# Keeping the stored vector current.


def name_vector():
    aliases = (
        Alias.objects.filter(group=OuterRef("pk"), kind__in=PUBLIC_ALIAS_KINDS)
        .order_by()
        .values("group")
        .annotate(names=StringAgg("name", delimiter=" "))
        .values("names")
    )
    return SearchVector("name", Subquery(aliases), config=CONFIG, weight="A")


def search_vector():
    return name_vector() + SearchVector(*SECTION_KEYS, config=CONFIG, weight="D")


def refresh_search_vectors(group_ids=None):
    """Recompute the stored vectors of these groups (all groups when None)."""
    if not uses_postgres_search():
        return
    groups = Group.objects.all()
    if group_ids is not None:
        group_ids = list(group_ids)
        if not group_ids:
            return
        groups = groups.filter(pk__in=group_ids)
    groups.update(
        search_vector=search_vector(), name_vector=name_vector(), search_names=search_names_sql()
    )


# Searching.


def search_groups(queryset, text):
    """The groups matching `text`, annotated with `rank` on PostgreSQL."""
    if uses_postgres_search():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        # Ranked by the name and aliases only: ts_rank over the whole text of thousands
        # of matching groups cost 0.3 s on the benchmark archive. A match in the text
        # alone ranks 0, after every name match.
        # A name spelled another way ranks 0 too, after the names the query spells alike:
        # adding its similarity to the rank cost a frequent word's search 45% more on the
        # benchmark archive (word_similarity over every match, to sort them).
        match = Q(search_vector=query)
        spelled_otherwise = fuzzy_match(text)
        if spelled_otherwise is not None:
            match |= spelled_otherwise
        return queryset.filter(match).annotate(rank=SearchRank(F("name_vector"), query))
    match = Q()
    for word in search_words(text):
        in_text = Q()
        for key in SECTION_KEYS:
            in_text |= Q(**{f"{key}__icontains": word})
        # Names and aliases compared without case, accents or apostrophes.
        match &= folded_contains(word) | in_text
    return queryset.filter(match)


def search_words(text):
    """The words of a query, without websearch's quotes and operators."""
    return [word for word in re.findall(r"[^\s\"]+", text) if word.upper() != "OR"][:10]


def highlights(groups, text):
    """{group id: (name HTML, snippet HTML)} with the matches marked, for one page of
    results. One query on PostgreSQL, none on SQLite."""
    groups = list(groups)
    if not groups:
        return {}
    if uses_postgres_search():
        query = SearchQuery(text, search_type="websearch", config=CONFIG)
        body = Concat(
            *[part for key in SECTION_KEYS for part in (F(key), Value("\n"))],
            output_field=TextField(),
        )
        rows = (
            Group.objects.filter(pk__in=[group.pk for group in groups])
            .annotate(
                name_headline=SearchHeadline(
                    "name", query, config=CONFIG, highlight_all=True, **MARKS
                ),
                snippet=SearchHeadline(
                    # ts_headline parses all it is given: the first pages are enough.
                    Left(body, SNIPPET_SOURCE_LENGTH),
                    query,
                    config=CONFIG,
                    max_fragments=2,
                    max_words=20,
                    min_words=8,
                    fragment_delimiter=" … ",
                    **MARKS,
                ),
            )
            .values_list("pk", "name_headline", "snippet")
        )
        return {
            pk: (
                marked(name),
                marked(snippet) if START in snippet else "",
            )
            for pk, name, snippet in rows
        }
    words = search_words(text)
    return {group.pk: (mark_words(group.name, words), "") for group in groups}


def marked(headline):
    """ts_headline's output, escaped, with its match sentinels made <mark> elements."""
    # Citation markers ("[4]") mean nothing out of their text.
    html = escape(MARKER_RE.sub("", headline).strip())
    html = html.replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)


def mark_words(text, words):
    """The text escaped, with every case-insensitive occurrence of the words marked."""
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))
