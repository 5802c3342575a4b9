"""Finding a group by any spelling of its name: Janjaweed or Janjawid, Hashd al-Shaabi or
al-Hashd al-Sha'bi, with or without accents.

Names are compared *folded*: lower case, without accents, without the apostrophes and
ayn/hamza marks transliterations write or leave out ("Sha'bi", "Shaʿbi", "Shabi").

PostgreSQL: `Group.search_names` holds the group's name and public aliases folded in SQL
(unaccent), behind a GIN trigram index (pg_trgm); a query matches when enough of its
trigrams run in order through one stretch of those names (`%>`, word similarity above
pg_trgm.word_similarity_threshold, 0.6 by default). When nothing matches, the closest
names (word similarity above SUGGESTION_SIMILARITY) are offered: "Did you mean ...".
SQLite: names are compared folded by a Python function the connection registers
(`archive_fold`), word by word as substrings; "Did you mean" compares the folded query
with every folded name and alias (difflib), which is fine at SQLite's scale.
"""

import difflib
import re
import unicodedata

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Exists, F, Func, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.db.models.lookups import Contains

from profiles.models import Alias
from profiles.selectors.common import PUBLIC_ALIAS_KINDS

APOSTROPHES = "'\u2019\u2018\u02bf\u02be\u02bb\u02bc`\u00b4"
APOSTROPHES_RE = re.compile(f"[{APOSTROPHES}]")
# Shorter queries match too much by their trigrams: only the full-text search answers them.
MIN_FUZZY_LENGTH = 4
SUGGESTION_SIMILARITY = 0.3
MAX_SUGGESTIONS = 5
# SQLite: difflib's ratio a name must reach to be suggested.
SUGGESTION_RATIO = 0.7
NAMES_SEPARATOR = " ; "


def fold(text):
    """The text as names are compared: lower case, no accents, no apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return APOSTROPHES_RE.sub("", bare).casefold()


def folded_sql(expression):
    """fold() in PostgreSQL: lower(unaccent(x)), apostrophes removed."""
    unaccented = Func(expression, function="unaccent", output_field=TextField())
    lowered = Func(unaccented, function="lower", output_field=TextField())
    return Func(
        lowered,
        Value(f"[{APOSTROPHES}]"),
        Value(""),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def search_names_sql():
    """The stored `search_names` of a group: its name and public aliases, folded."""
    aliases = (
        Alias.objects.filter(group=OuterRef("pk"), kind__in=PUBLIC_ALIAS_KINDS)
        .order_by()
        .values("group")
        .annotate(names=StringAgg("name", delimiter=NAMES_SEPARATOR))
        .values("names")
    )
    names = Concat(
        "name",
        Value(NAMES_SEPARATOR),
        Coalesce(Subquery(aliases), Value(""), output_field=TextField()),
        output_field=TextField(),
    )
    return folded_sql(names)


def is_plain(text):
    """Whether a query is names only, without websearch's quotes, `-word` or `or`: a
    fuzzy match must not undo an exclusion."""
    if '"' in text:
        return False
    words = text.split()
    return not any(word.startswith("-") or word.casefold() == "or" for word in words)


def fuzzy_match(text):
    """Q for the groups one of whose names is spelled like `text` (PostgreSQL), or None
    when the query is too short or not a plain one."""
    if len(fold(text).strip()) < MIN_FUZZY_LENGTH or not is_plain(text):
        return None
    return Q(search_names__trigram_word_similar=folded_sql(Value(text)))


def name_similarity(text):
    """How closely a group's names match `text`, 0 to 1 (PostgreSQL)."""
    return TrigramWordSimilarity(folded_sql(Value(text)), "search_names")


def folded_contains(word):
    """SQLite: Q for the groups whose name or a public alias holds `word`, folded."""
    needle = fold(word)
    aliases = Alias.objects.filter(
        Contains(sqlite_folded("name"), needle), group=OuterRef("pk"), kind__in=PUBLIC_ALIAS_KINDS
    )
    return Q(Contains(sqlite_folded("name"), needle)) | Q(Exists(aliases))


def sqlite_folded(field):
    return Func(F(field), function="archive_fold", output_field=TextField())


def suggestions(groups, text):
    """The names closest to `text` among `groups` (a Group queryset), best first, for
    "Did you mean ...": at most MAX_SUGGESTIONS, each once."""
    if not text.strip():
        return []
    if connection.vendor == "postgresql":
        if len(fold(text).strip()) < 3:
            return []
        rows = (
            groups.annotate(similarity=name_similarity(text))
            .filter(similarity__gt=SUGGESTION_SIMILARITY)
            .order_by("-similarity", "name", "slug")
            .values_list("name", flat=True)[:MAX_SUGGESTIONS]
        )
        return unique(rows)
    return unique(closest_names(groups, fold(text)))


def closest_names(groups, needle):
    """SQLite: the names and aliases closest to `needle` (folded), by difflib's ratio over
    the whole name or as many of its words as the query has."""
    names = list(groups.values_list("name", flat=True))
    aliases = Alias.objects.filter(group__in=groups, kind__in=PUBLIC_ALIAS_KINDS)
    names += list(aliases.values_list("name", flat=True))
    width = len(needle.split()) or 1
    scored = []
    for name in names:
        words = fold(name).split()
        spans = [" ".join(words[i : i + width]) for i in range(max(len(words) - width + 1, 1))]
        ratio = max(difflib.SequenceMatcher(None, needle, span).ratio() for span in spans)
        if ratio >= SUGGESTION_RATIO:
            scored.append((-ratio, name.casefold(), name))
    return [name for _, _, name in sorted(scored)[:MAX_SUGGESTIONS]]


def unique(names):
    seen, kept = set(), []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept


def register_sqlite_functions(sender, connection, **kwargs):
    """connection_created: SQLite learns fold() as `archive_fold`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("archive_fold", 1, sqlite_fold, deterministic=True)


def sqlite_fold(text):
    return None if text is None else fold(text)
