"""A large synthetic archive written straight into the database, for the page benchmark.

    generate(groups=50_000, events=1_000_000, seed=1)

Importing 50,000 profile files would take many minutes, so the rows the importer would
write are made here directly: groups (names, slugs, kinds, statuses, formation and
termination at mixed precisions, sections as the importer stores them), their countries
(1 to 3, a few countries holding thousands of groups), source documents, aliases, name
keys, references, events (20 per group on average, a few groups with hundreds), citations
(about one for each of half the events) and relationships (about one per group, most to
another group). Dates, spans and section HTML are filled exactly as profiles/importing/groups.py
fills them, so the pages read realistic rows.

On PostgreSQL the rows go in with COPY (psycopg 3) under ids allocated here; elsewhere
(SQLite, for the small test corpus) with bulk_create. The same arguments always give the
same rows. The tables must be empty.
"""

import hashlib
import json
import math
import random
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils.text import slugify

from bench.make_corpus import (
    _LIKELY,
    COUNTRIES,
    FIRST_NAMES,
    INSURGENT_TEMPLATES,
    MONTHS,
    NAME_TEMPLATES,
    NICKNAMES,
    TITLES,
    _word,
    acronym,
    unique_word,
)
from profiles.models import (
    SECTION_KEYS,
    Alias,
    ArchiveState,
    Citation,
    Event,
    Group,
    GroupCountry,
    NameKey,
    Reference,
    Relation,
    Relationship,
    SourceDocument,
)
from profiles.parsing.names import name_key
from profiles.rendering import plain_to_markdown, render_plain
from profiles.search import refresh_search_vectors

# Bump when the rows generated for the same arguments change (bench/pages.py rebuilds).
GENERATOR_VERSION = 1
CHUNK = 2000
# Every table written, parents first, with the columns given (in this order).
GROUP_COLUMNS = (
    "id", "name", "slug", "kind", "status",
    "formation_date", "formation_earliest", "formation_latest", "formation_precision",
    "termination_date", "termination_earliest", "termination_latest", "termination_precision",
    "active_start", "active_end", "size", "size_text", "size_date",
    *SECTION_KEYS, "sections_html", "needs_review", "review_notes", "created_at", "updated_at",
)  # fmt: skip
TABLES = [
    (Group, GROUP_COLUMNS),
    (
        SourceDocument,
        ("id", "filename", "sha256", "format", "encoding", "raw_text", "group_id", "countries", "imported_at"),
    ),
    (GroupCountry, ("id", "group_id", "code")),
    (
        Alias,
        ("id", "group_id", "subject_name", "subject_key", "name", "kind", "document_id", "position"),
    ),
    (NameKey, ("id", "group_id", "key")),
    (Reference, ("id", "group_id", "document_id", "marker", "label", "url", "position")),
    (
        Event,
        ("id", "group_id", "document_id", "date", "date_text", "earliest", "latest", "precision", "text", "kind", "section", "position"),
    ),
    (
        Citation,
        ("id", "reference_id", "group_id", "document_id", "event_id", "section", "statement", "position"),
    ),
    (
        Relationship,
        ("id", "source_id", "target_id", "target_name", "target_key", "relation", "sentence", "document_id", "position"),
    ),
]  # fmt: skip
NOT_ACTIVITY = {"context", "publication"}  # as in profiles/importing/groups.py
GUIDEBOOK_SECTIONS = [key for key in SECTION_KEYS if key != "narrative"]
IMPORTED_AT = datetime(2024, 1, 1, tzinfo=UTC)

GROUP_KINDS = [
    ("pro_government_militia", 45),
    ("paramilitary_organisation", 15),
    ("vigilante_group", 12),
    ("party_militant_wing", 10),
    ("splinter_faction", 8),
    ("armed_group", 10),
]
EVENT_KINDS = [
    ("other", 34),
    ("crackdown", 15),
    ("abuse", 15),
    ("context", 10),
    ("alliance", 10),
    ("size_report", 8),
    ("split", 5),
    ("publication", 3),
]
# The relations a text states from its own side (the inverses are derived on the page).
RELATIONS = [
    Relation.SPLINTER_OF,
    Relation.MERGED_INTO,
    Relation.PART_OF,
    Relation.SUCCESSOR_OF,
    Relation.ALLY_OF,
    Relation.RIVAL_OF,
    Relation.SPONSORED_BY,
    Relation.MENTIONED_WITH,
]
RELATION_VERBS = {
    Relation.SPLINTER_OF: "broke away from",
    Relation.MERGED_INTO: "merged into",
    Relation.PART_OF: "operated as a unit of",
    Relation.SUCCESSOR_OF: "succeeded",
    Relation.ALLY_OF: "fought alongside",
    Relation.RIVAL_OF: "clashed repeatedly with",
    Relation.SPONSORED_BY: "was armed and paid by",
    Relation.MENTIONED_WITH: "is often named together with",
}
EVENT_SENTENCES = {
    "other": "{actor} set up checkpoints on the roads around {place}",
    "crackdown": "the army arrested {count} members of {group} near {place}",
    "abuse": "{group} fighters burned houses in {place} and killed {count} villagers",
    "context": "fighting between the government and rebels spread to {place}",
    "alliance": "{group} agreed to patrol {place} together with the regular army",
    "size_report": "{group} was reported to have about {count} armed members",
    "split": "a faction led by {actor} left {group} after a dispute over pay",
    "publication": "a report on the militias of {place} was published",
    "formation": "{group} was founded by {actor} in {place}",
    "termination": "{group} was disbanded and its weapons handed in",
}
FILLER_SENTENCES = [
    "Its members were recruited mostly among farmers and former soldiers from {place}.",
    "{actor} commanded the group and answered to the local army garrison.",
    "The group received rifles, uniforms and a small monthly allowance from the authorities.",
    "Human rights organisations accused it of abductions and extortion in {place}.",
    "Its units manned roadblocks and escorted convoys through {place}.",
    "Membership was at times compulsory for men of fighting age in {place}.",
    "Local officials described it as a community defence force, not a party to the war.",
    "Training lasted a few weeks and was given by army instructors.",
]


def _weighted(pairs):
    values = [value for value, _ in pairs]
    cumulative, total = [], 0
    for _, weight in pairs:
        total += weight
        cumulative.append(total)
    return values, cumulative


GROUP_KIND_CHOICES = _weighted(GROUP_KINDS)
EVENT_KIND_CHOICES = _weighted(EVENT_KINDS)


def _choose(rng, choices):
    values, cumulative = choices
    return rng.choices(values, cum_weights=cumulative)[0]


# ---------------------------------------------------------------------------- dates


def _last_day(year, month):
    return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day


def make_date(rng, year, precision):
    """(edtf, earliest, latest, precision, text) at the precision asked for, as the parser
    reads "1994", "around 1994", "November 1994", "3 November 1994", "the 1990s"."""
    if precision == "approximate":
        return f"{year}~", date(year, 1, 1), date(year, 12, 31), "year", f"around {year}"
    if precision == "month":
        month = rng.randint(1, 12)
        return (
            f"{year}-{month:02d}",
            date(year, month, 1),
            date(year, month, _last_day(year, month)),
            "month",
            f"{MONTHS[month - 1]} {year}",
        )
    if precision == "day":
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        when = date(year, month, day)
        return when.isoformat(), when, when, "day", f"{day} {MONTHS[month - 1]} {year}"
    if precision == "decade":
        decade = year - year % 10
        return (
            f"{decade // 10}X",
            date(decade, 1, 1),
            date(decade + 9, 12, 31),
            "decade",
            f"the {decade}s",
        )
    return str(year), date(year, 1, 1), date(year, 12, 31), "year", str(year)


GROUP_DATE_PRECISIONS = _weighted(
    [("year", 50), ("month", 18), ("day", 5), ("decade", 15), ("approximate", 12)]
)
EVENT_DATE_PRECISIONS = _weighted(
    [("year", 40), ("month", 30), ("day", 18), ("decade", 3), ("approximate", 4), ("interval", 5)]
)


def _event_date(rng, first_year, last_year):
    precision = _choose(rng, EVENT_DATE_PRECISIONS)
    year = rng.randint(first_year, last_year)
    if precision == "interval":
        end = min(last_year, year + rng.randint(1, 6))
        if end > year:
            return (
                f"{year}/{end}",
                date(year, 1, 1),
                date(end, 12, 31),
                "year",
                f"between {year} and {end}",
            )
        precision = "year"
    return make_date(rng, year, precision)


def active_span(formation, termination, events):
    """The importer's _active_span on generated rows: formation's earliest day, else the
    earliest activity; termination's latest day, else open."""
    end = termination[2] if termination else None
    if formation:
        start = formation[1]
    else:
        activity = [e[1] for e in events if e[5] not in NOT_ACTIVITY]
        start = min(activity) if activity else None
    if start and end and start > end:
        start = min(start, termination[1]) if termination else start
        if start > end:
            start = None
    return start, end


# ---------------------------------------------------------------------------- the plan


def _country_weights():
    """Zipf-like: the first countries hold thousands of groups, the last a handful; the
    conflict-prone countries come first."""
    rng = random.Random("page-corpus/countries")
    likely = [code for code, _ in COUNTRIES if code in _LIKELY]
    others = [code for code, _ in COUNTRIES if code not in _LIKELY]
    rng.shuffle(likely)
    rng.shuffle(others)
    codes = likely + others
    return codes, _weighted([(code, 1 / (rank + 1) ** 1.1) for rank, code in enumerate(codes)])


def plan(groups, events, seed):
    """Per group (0-based index): name, countries, event count, format."""
    rng = random.Random(f"{seed}/page-corpus/plan")
    _, country_choices = _country_weights()
    names, countries, formats = [], [], []
    for index in range(groups):
        template = NAME_TEMPLATES[rng.randrange(len(NAME_TEMPLATES))][0]
        names.append(template.format(P=unique_word(seed, index)))
        wanted = 1 + (rng.random() < 0.22) + (rng.random() < 0.05)
        codes = []
        while len(codes) < wanted:
            code = _choose(rng, country_choices)
            if code not in codes:
                codes.append(code)
        countries.append(codes)
        formats.append("encyclopedia" if rng.random() < 0.6 else "guidebook")
    # Events per group: log-normal (most groups a dozen, a few hundreds), scaled so that
    # the total is exactly `events` (rounding the running sum keeps it exact).
    raw = [rng.lognormvariate(2.5, 1.0) for _ in range(groups)]
    scale = events / sum(raw) if groups else 0
    counts, running, previous = [], 0.0, 0
    for value in raw:
        running += value * scale
        counts.append(round(running) - previous)
        previous = round(running)
    return names, countries, formats, counts


# ---------------------------------------------------------------------------- rows


class Ids:
    def __init__(self):
        self.next = Counter()

    def new(self, model):
        self.next[model] += 1
        return self.next[model]


def _person(rng):
    return f"{rng.choice(TITLES)}{rng.choice(FIRST_NAMES)} {_word(rng)}"


def _people(rng, count=400):
    """A pool of invented people: drawing one per event from a pool keeps a million
    events cheap to make."""
    return [_person(rng) for _ in range(count)]


def _paragraphs(sentences, per_paragraph):
    return "\n\n".join(
        " ".join(sentences[start : start + per_paragraph])
        for start in range(0, len(sentences), per_paragraph)
    )


def group_rows(index, seed, the_plan, rng, ids, rows, used_slugs, people):
    """Append the rows of group `index` (id index + 1) to `rows` (model -> list of tuples)."""
    names, all_countries, formats, event_counts = the_plan
    group_id = doc_id = index + 1
    name = names[index]
    codes = all_countries[index]
    profile_format = formats[index]
    place = f"{_word(rng)} {rng.choice(['district', 'province', 'valley', 'region'])}"
    slug = slugify(name) or f"group-{group_id}"
    if slug in used_slugs:
        slug = f"{slug}-{group_id}"
    used_slugs.add(slug)

    # Formation and termination, at mixed precisions (a quarter of the texts give none).
    base_year = min(2016, max(1920, int(rng.gauss(1992, 15))))
    formation = termination = None
    if rng.random() < 0.75:
        formation = make_date(rng, base_year, _choose(rng, GROUP_DATE_PRECISIONS))
    end_year = base_year + rng.randint(1, 30)
    if end_year <= 2020 and rng.random() < 0.55:
        termination = make_date(rng, end_year, _choose(rng, GROUP_DATE_PRECISIONS))
        if formation and formation[1] > termination[2]:
            termination = make_date(rng, end_year, "year")
    last_year = end_year if termination else 2022

    # Sections, as the importer stores them: escaped Markdown text and rendered HTML.
    references = []
    reference_count = max(1, int(rng.lognormvariate(2.1, 0.5)))
    for position in range(reference_count):
        author = f"{_word(rng)}, {rng.choice(FIRST_NAMES)[0]}."
        label = (
            f"{author} ({rng.randint(base_year, 2023)}). {_word(rng, 3)} and the militias of "
            f"{place}. {rng.choice(['Journal of Conflict Studies', 'Human Rights Watch', 'Reuters', 'The Guardian', 'Amnesty International'])}."
        )
        url = f"https://example.org/{slugify(author)}/{position}" if rng.random() < 0.3 else ""
        marker = position + 1 if profile_format == "encyclopedia" else None
        references.append((ids.new(Reference), group_id, doc_id, marker, label, url, position))
    markers = [r for r in references if r[3] is not None]

    events = []
    section_keys = ["narrative"] if profile_format == "encyclopedia" else GUIDEBOOK_SECTIONS
    for position in range(event_counts[index]):
        kind = _choose(rng, EVENT_KIND_CHOICES)
        when = _event_date(rng, base_year, last_year)
        if position == 0 and formation:
            kind, when = "formation", formation
        elif position == 1 and termination:
            kind, when = "termination", termination
        sentence = EVENT_SENTENCES[kind].format(
            actor=rng.choice(people), place=place, group=name, count=rng.randint(3, 400)
        )
        text = f"In {when[4]}, {sentence}."
        section = section_keys[position % len(section_keys)]
        events.append(
            (ids.new(Event), group_id, doc_id, when[0], when[4], when[1], when[2], when[3], text, kind, section, position * 40)
        )  # fmt: skip
    events.sort(key=lambda e: (e[5], e[6], e[11]))

    citations = []
    texts = {key: [] for key in section_keys}
    for event in events:
        sentence = event[8]
        if markers and rng.random() < 0.8:
            reference = rng.choice(markers)
            citations.append(
                (ids.new(Citation), reference[0], group_id, doc_id, event[0], event[10], sentence, event[11])
            )  # fmt: skip
            sentence = f"{sentence}[{reference[3]}]"
        if len(texts[event[10]]) < 12:  # a long timeline is not all retold in the text
            texts[event[10]].append(sentence)
    for key in section_keys:
        for _ in range(rng.randint(1, 4)):
            filler = rng.choice(FILLER_SENTENCES).format(actor=rng.choice(people), place=place)
            if markers and rng.random() < 0.5:
                filler += f"[{rng.choice(markers)[3]}]"
            texts[key].insert(rng.randint(0, len(texts[key])), filler)
    if profile_format == "guidebook":
        for key in section_keys:
            if rng.random() < 0.25:
                texts[key] = []  # "--": the guidebook leaves the field unknown
    section_text = {key: _paragraphs(texts[key], rng.randint(2, 4)) for key in section_keys}

    start, end = active_span(
        formation, termination, [(e[3], e[5], e[6], 0, 0, e[9]) for e in events]
    )
    size = int(10 ** rng.uniform(1.5, 4.5)) if rng.random() < 0.5 else None
    created = IMPORTED_AT + timedelta(seconds=index * 7)
    updated = created + timedelta(minutes=rng.randint(0, 400_000))
    group = {
        "id": group_id,
        "name": name,
        "slug": slug,
        "kind": _choose(rng, GROUP_KIND_CHOICES),
        "status": "inactive" if termination else ("active" if rng.random() < 0.6 else "unknown"),
        "active_start": start,
        "active_end": end,
        "size": size,
        "size_text": f"about {size:,} armed members" if size else "",
        "size_date": str(rng.randint(base_year, last_year)) if size else "",
        "sections_html": {key: render_plain(section_text[key]) for key in section_keys},
        "needs_review": False,
        "review_notes": "",
        "created_at": created,
        "updated_at": updated,
    }
    for prefix, value in (("formation", formation), ("termination", termination)):
        group[f"{prefix}_date"] = value[0] if value else ""
        group[f"{prefix}_earliest"] = value[1] if value else None
        group[f"{prefix}_latest"] = value[2] if value else None
        group[f"{prefix}_precision"] = value[3] if value else ""
    for key in SECTION_KEYS:
        group[key] = plain_to_markdown(section_text.get(key, ""))
    rows[Group].append(tuple(group[column] for column in GROUP_COLUMNS))

    # The source file the rows were "read" from.
    title = name if profile_format == "encyclopedia" else f"{name} ({codes[0]})"
    body = "\n\n".join(section_text[key] for key in section_keys if section_text[key])
    raw_text = f"{title}\n\n{body}\n\nReferences:\n" + "\n".join(r[4] for r in references) + "\n"
    rows[SourceDocument].append(
        (doc_id, f"profile_{group_id:06d}.txt", hashlib.sha256(raw_text.encode()).hexdigest(), profile_format, "utf-8", raw_text, group_id, codes, IMPORTED_AT)
    )  # fmt: skip
    for code in sorted(codes):
        rows[GroupCountry].append((ids.new(GroupCountry), group_id, code))

    # Names: the stated aliases and the keys that link names to the group.
    unique = unique_word(seed, index)
    aliases = [a for a in (acronym(name), rng.choice(NICKNAMES).format(P=unique)) if a]
    aliases = aliases[: rng.choice([0, 1, 1, 2, 2, 2])]
    keys = {name_key(name)}
    for position, alias in enumerate(aliases):
        rows[Alias].append((ids.new(Alias), group_id, "", "", alias, "stated", doc_id, position))
        keys.add(name_key(alias))
    for key in sorted(k for k in keys if k):
        rows[NameKey].append((ids.new(NameKey), group_id, key))

    rows[Reference].extend(references)
    rows[Event].extend(events)
    rows[Citation].extend(citations)

    # Ties: mostly to an earlier group (so every chunk's targets already exist), else to
    # an organisation without a profile.
    for position in range(rng.choice([0, 0, 1, 1, 1, 2, 2, 3])):
        relation = rng.choice(RELATIONS)
        if index and rng.random() < 0.7:
            target = rng.randint(max(0, index - 300), index - 1)
            target_id, target_name = target + 1, names[target]
        else:
            target_id = None
            target_name = rng.choice(INSURGENT_TEMPLATES).format(P=_word(rng))
        sentence = f"{name} {RELATION_VERBS[relation]} the {target_name}."
        rows[Relationship].append(
            (ids.new(Relationship), group_id, target_id, target_name, name_key(target_name), relation, sentence, doc_id, position)
        )  # fmt: skip


# ---------------------------------------------------------------------------- writing


def _json_positions(model, columns):
    fields = {field.attname: field for field in model._meta.concrete_fields}
    return [i for i, column in enumerate(columns) if isinstance(fields[column], models.JSONField)]


def copy_rows(cursor, model, columns, rows):
    """COPY rows into the model's table (PostgreSQL, psycopg 3)."""
    json_at = _json_positions(model, columns)
    sql = f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN"
    with cursor.copy(sql) as copy:
        for row in rows:
            if json_at:
                row = list(row)
                for i in json_at:
                    row[i] = json.dumps(row[i])
            copy.write_row(row)


def bulk_rows(model, columns, rows):
    """The same rows through the ORM, for databases without COPY."""
    model.objects.bulk_create(
        [model(**dict(zip(columns, row, strict=True))) for row in rows], batch_size=500
    )


def _skip_foreign_key_checks():
    """Rows made here are consistent by construction (the tests check it): checking a
    few million foreign keys one by one at commit would double the load time. Only a
    superuser may switch the checks off, for this transaction only; others keep them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        if cursor.fetchone()[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")


def reset_sequences():
    """Point each table's id sequence past the ids allocated here."""
    statements = connection.ops.sequence_reset_sql(no_style(), [model for model, _ in TABLES])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def refresh_derived_data():
    """What the database derives from the loaded rows, as an import does: the groups'
    search vectors and the archive's last change; then the planner's statistics and,
    outside a transaction, the visibility map (VACUUM) that autovacuum would build after
    an import anyway, so that count(*) can use index-only scans.
    """
    refresh_search_vectors()
    ArchiveState.touch()
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model, _ in TABLES:
            table = model._meta.db_table
            if connection.in_atomic_block:  # VACUUM cannot run in a transaction (tests)
                cursor.execute(f"ANALYZE {table}")
            else:
                cursor.execute(f"VACUUM (ANALYZE) {table}")


def generate(groups=50_000, events=1_000_000, seed=1, progress=None):
    """Write the corpus into the (empty) archive; returns rows written per table."""
    if Group.objects.exists() or Event.objects.exists():
        raise ValueError("the archive must be empty before a corpus is generated")
    started = time.perf_counter()
    the_plan = plan(groups, events, seed)
    ids = Ids()
    used_slugs = set()
    counts = Counter()
    use_copy = connection.vendor == "postgresql"
    with transaction.atomic():
        if use_copy:
            _skip_foreign_key_checks()
        for first in range(0, groups, CHUNK):
            rng = random.Random(f"{seed}/page-corpus/chunk/{first}")
            rows = {model: [] for model, _ in TABLES}
            people = _people(rng)
            for index in range(first, min(groups, first + CHUNK)):
                group_rows(index, seed, the_plan, rng, ids, rows, used_slugs, people)
            with connection.cursor() as cursor:
                for model, columns in TABLES:
                    if use_copy:
                        copy_rows(cursor, model, columns, rows[model])
                    else:
                        bulk_rows(model, columns, rows[model])
                    counts[model._meta.model_name] += len(rows[model])
            if progress:
                done = min(groups, first + CHUNK)
                progress(
                    f"{done:,} groups, {counts['event']:,} events, {time.perf_counter() - started:.0f} s"
                )
        reset_sequences()
    refresh_derived_data()
    return dict(counts)


def summary_line(counts, seconds):
    parts = ", ".join(f"{n:,} {table}" for table, n in counts.items())
    return f"{parts} in {seconds:.0f} s ({math.fsum(counts.values()) / max(seconds, 1e-9):,.0f} rows/s)"
