"""The tables of the dataset: what each column holds, its Table Schema type, the keys that
join the tables, and the vocabularies a column draws from.

This is the one description of the data: the files' headers, datapackage.json and the
codebook page are all generated from it, and the meanings of fields, kinds, statuses,
event kinds and ties are the About page's (profiles.codebook).
"""

from dataclasses import dataclass

from django.db.models import F

from profiles import codebook
from profiles.codebook import Term
from profiles.models import (
    SECTION_FIELDS,
    Alias,
    Citation,
    Event,
    Evidence,
    Group,
    GroupCountry,
    GroupKind,
    GroupStatus,
    Mention,
    Precision,
    Reference,
    Relationship,
    SourceDocument,
)
from profiles.selectors.common import PUBLIC_ALIAS_KINDS, country_name

EDTF_NOTE = (
    " Written in EDTF, the Extended Date/Time Format of the Library of Congress (ISO 8601-2): "
    "“1994”, “1994-11”, “1994-11-05”, “198X” (the 1980s), “1997/2006” (a span), "
    "“1990~” (around 1990)."
)
# Rows are read from the database in chunks of this many: memory stays flat however
# large the archive is.
CHUNK_SIZE = 2000


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, date, datetime
    description: str
    # What values_list() reads for it (a field or a lookup); the name by default.
    source: str = ""
    required: bool = False
    # The vocabulary the values come from (codebook Terms), an enum constraint.
    terms: tuple = ()
    edtf: bool = False

    @property
    def lookup(self):
        return self.source or self.name

    @property
    def full_description(self):
        return self.description + (EDTF_NOTE if self.edtf else "")


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    table_column: str = "id"


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple
    primary_key: tuple = ("id",)
    foreign_keys: tuple = ()
    # A function returning the ordered queryset the rows are read from; each row is the
    # values of `columns`, by their lookups.
    queryset: object = None
    # Instead of `queryset`: a function yielding the rows as tuples.
    row_source: object = None

    @property
    def filename(self):
        return f"{self.name}.csv"

    @property
    def column_names(self):
        return [column.name for column in self.columns]

    def rows(self):
        """The table's rows as tuples of database values, in a stable order, streamed."""
        if self.row_source is not None:
            return self.row_source()
        lookups = [column.lookup for column in self.columns]
        return self.queryset().values_list(*lookups).iterator(chunk_size=CHUNK_SIZE)


def choice_terms(choices, meanings=None):
    """The Terms of a TextChoices, with their meanings when the codebook gives them."""
    meanings = meanings or {}
    return tuple(
        Term(choice.value, choice.label, meanings.get(choice, choice.label)) for choice in choices
    )


KIND_TERMS = choice_terms(GroupKind, codebook.KIND_MEANINGS)
STATUS_TERMS = choice_terms(GroupStatus, codebook.STATUS_MEANINGS)
PRECISION_TERMS = (
    Term(Precision.DAY, "Day", "The text gives the day."),
    Term(Precision.MONTH, "Month", "The text gives the month, not the day."),
    Term(Precision.YEAR, "Year", "The text gives the year alone."),
    Term(Precision.DECADE, "Decade", "The text gives the decade alone (“the 1980s”)."),
)
EVENT_KIND_TERMS = choice_terms(Event.Kind, codebook.EVENT_MEANINGS)
RELATION_TERMS = tuple(codebook.relation_terms())
ALIAS_KIND_TERMS = (
    Term(Alias.Kind.STATED, "Stated", "A name the group’s own text gives it."),
    Term(
        Alias.Kind.CLAIM,
        "Claim",
        "A name another group’s text gives it (“X corresponds to Y”); the group may have "
        "no profile yet, when group_id is empty and subject_name names it.",
    ),
)
FORMAT_TERMS = (
    Term(
        SourceDocument.Format.GUIDEBOOK,
        SourceDocument.Format.GUIDEBOOK.label,
        "A description from the Militias Guidebook of the Pro-Government Militias Database: "
        "a title “NAME (COUNTRY)” and labelled fields.",
    ),
    Term(
        SourceDocument.Format.ENCYCLOPEDIA,
        SourceDocument.Format.ENCYCLOPEDIA.label,
        "Sentences of an encyclopedia article with its numbered citation markers.",
    ),
)
EVIDENCE_FIELD_TERMS = choice_terms(Evidence.Field)
SECTION_MEANINGS = {key: codebook.SECTION_MEANINGS[key] for key, _ in SECTION_FIELDS}


def group_id(description="The group (groups.id).", required=True):
    return Column("group_id", "integer", description, required=required)


def source_file_id(required=False):
    return Column(
        "source_file_id",
        "integer",
        "The source file it was read from (source_files.id); empty when a curator added it.",
        source="document_id",
        required=required,
    )


def line_column(what):
    return Column("line", "integer", f"The 1-based line of the source file {what}.")


def quote_column(what):
    return Column("quote", "string", f"The sentence {what}, as written in the file.")


GROUPS = Table(
    name="groups",
    title="Groups",
    description="One row per armed group with a profile: its coded values and the sections "
    "of its text.",
    queryset=lambda: Group.objects.order_by("id"),
    columns=(
        Column("id", "integer", "The group’s number in the archive; stable across releases.",
               required=True),
        Column("slug", "string", "The group’s address on the site: /groups/<slug>/.",
               required=True),
        Column("name", "string", "The group’s name as its text gives it.", required=True),
        Column("kind", "string", "What kind of group it is.", required=True, terms=KIND_TERMS),
        Column("status", "string", "Whether the group still exists.", required=True,
               terms=STATUS_TERMS),
        Column("formation_date", "string", "When the group was formed.",
               edtf=True),
        Column("formation_earliest", "date", "The earliest day the formation date can mean."),
        Column("formation_latest", "date", "The latest day the formation date can mean."),
        Column("formation_precision", "string", "How precisely the text dates the formation.",
               terms=PRECISION_TERMS),
        Column("termination_date", "string",
               "When the group ended (as a pro-government militia, for a guidebook "
               "description); empty when no end is known.", edtf=True),
        Column("termination_earliest", "date", "The earliest day the end can mean."),
        Column("termination_latest", "date", "The latest day the end can mean."),
        Column("termination_precision", "string", "How precisely the text dates the end.",
               terms=PRECISION_TERMS),
        Column("active_start", "date",
               "The first day the group may have been active: the earliest day of its "
               "formation, else of its earliest dated event."),
        Column("active_end", "date",
               "The last day the group may have been active: the latest day of its end; "
               "empty while no end is known."),
        Column("size", "integer",
               "The largest strength the text states for the whole group (members, fighters)."),
        Column("size_text", "string", "The phrase the size was read from."),
        Column("size_date", "string", "The date of that size, when the text gives one.",
               edtf=True),
        *(
            Column(key, "string", f"{label}: {SECTION_MEANINGS[key]} Markdown.")
            for key, label in SECTION_FIELDS
        ),
        Column("updated_at", "datetime", "When the profile last changed (UTC)."),
    ),
)  # fmt: skip

ALIASES = Table(
    name="aliases",
    title="Aliases",
    description="Other names of the groups: stated in their own texts, or claimed in "
    "another group’s text.",
    queryset=lambda: Alias.objects.filter(kind__in=PUBLIC_ALIAS_KINDS).order_by(
        F("group_id").asc(nulls_last=True), "kind", "position", "id"
    ),
    columns=(
        Column("id", "integer", "The alias’s number.", required=True),
        group_id("The group the name belongs to (groups.id); empty while that group has no "
                 "profile.", required=False),
        Column("name", "string", "The other name.", required=True),
        Column("kind", "string", "Where the name was read.", required=True,
               terms=ALIAS_KIND_TERMS),
        Column("subject_name", "string",
               "For a claim: the group it names, as the other text names it."),
        source_file_id(),
        Column("position", "integer", "The order of the name in its text."),
    ),
    foreign_keys=(ForeignKey("group_id", "groups"), ForeignKey("source_file_id", "source_files")),
)  # fmt: skip


def country_rows():
    codes = GroupCountry.objects.order_by("code").values_list("code", flat=True).distinct()
    for code in codes.iterator(chunk_size=CHUNK_SIZE):
        yield code, country_name(code)


COUNTRIES = Table(
    name="countries",
    title="Countries",
    description="Every country some group operated in. " + codebook.COUNTRY_MEANING,
    row_source=country_rows,
    primary_key=("code",),
    columns=(
        Column("code", "string", "ISO 3166-1 alpha-2 code (or the code kept for a state that "
               "no longer exists: SU, YU, CS; ZR only where a curator set it).", required=True),
        Column("name", "string", "The country’s short English name.", required=True),
    ),
)  # fmt: skip

GROUP_COUNTRIES = Table(
    name="group_countries",
    title="Groups’ countries",
    description="Which group operated in which country: one row per pair.",
    queryset=lambda: GroupCountry.objects.order_by("group_id", "code"),
    primary_key=("group_id", "country_code"),
    columns=(
        group_id(),
        Column("country_code", "string", "The country (countries.code).", source="code",
               required=True),
    ),
    foreign_keys=(ForeignKey("group_id", "groups"), ForeignKey("country_code", "countries", "code")),
)  # fmt: skip

SOURCE_FILES = Table(
    name="source_files",
    title="Source files",
    description="The plain-text files the profiles were read from, exactly as received.",
    queryset=lambda: SourceDocument.objects.order_by("id"),
    columns=(
        Column("id", "integer", "The file’s number.", required=True),
        Column("filename", "string", "The file’s name, its identity: a new version of a file "
               "replaces the old one.", required=True),
        Column("sha256", "string", "The SHA-256 checksum of the file as received.",
               required=True),
        Column("format", "string", "The file’s format.", required=True, terms=FORMAT_TERMS),
        Column("encoding", "string", "The character encoding the file was read in."),
        group_id("The group the file describes (groups.id)."),
        Column("imported_at", "datetime", "When this version of the file was imported (UTC)."),
        Column("text", "string", "The file’s text as received (decoded); lines are counted "
               "from 1 by the line columns of other tables.", source="raw_text"),
    ),
    foreign_keys=(ForeignKey("group_id", "groups"),),
)  # fmt: skip

EVENTS = Table(
    name="events",
    title="Events",
    description="Every dated sentence of the texts: the groups’ timelines.",
    queryset=lambda: Event.objects.order_by("id"),
    columns=(
        Column("id", "integer", "The event’s number.", required=True),
        group_id(),
        source_file_id(),
        Column("date", "string", "The date as the text gives it.", required=True, edtf=True),
        Column("date_text", "string", "The date as written in the text."),
        Column("earliest", "date", "The earliest day the date can mean.", required=True),
        Column("latest", "date", "The latest day the date can mean.", required=True),
        Column("precision", "string", "How precisely the text gives the date.",
               terms=PRECISION_TERMS),
        Column("kind", "string", "What the dated sentence is about.", terms=EVENT_KIND_TERMS),
        Column("section", "string", "The section of the profile the sentence is in."),
        Column("text", "string", "The sentence.", required=True),
        Column("position", "integer", "The order of the event in its text."),
    ),
    foreign_keys=(ForeignKey("group_id", "groups"), ForeignKey("source_file_id", "source_files")),
)  # fmt: skip

TIES = Table(
    name="ties",
    title="Ties between groups",
    description="The typed, directed ties the texts state between groups, read from the "
    "source group’s side (a tie appears once, in the text that states it).",
    queryset=lambda: Relationship.objects.order_by("id"),
    columns=(
        Column("id", "integer", "The tie’s number.", required=True),
        Column("source_group_id", "integer", "The group whose text states the tie (groups.id).",
               source="source_id", required=True),
        Column("relation", "string", "The tie, read from the source group’s side.",
               required=True, terms=RELATION_TERMS),
        Column("target_group_id", "integer", "The other group (groups.id); empty while it has "
               "no profile.", source="target_id"),
        Column("target_name", "string", "The other group as the text names it.",
               required=True),
        source_file_id(),
        line_column("the tie was read from (0 when a curator added it)"),
        quote_column("stating the tie"),
    ),
    foreign_keys=(
        ForeignKey("source_group_id", "groups"),
        ForeignKey("target_group_id", "groups"),
        ForeignKey("source_file_id", "source_files"),
    ),
)  # fmt: skip

MENTIONS = Table(
    name="mentions",
    title="Mentions",
    description="Every organisation a group’s texts name, with the sentence naming it.",
    queryset=lambda: Mention.objects.order_by("id"),
    columns=(
        Column("id", "integer", "The mention’s number.", required=True),
        group_id("The group whose text names the organisation (groups.id)."),
        source_file_id(required=True),
        Column("name", "string", "The organisation as the text names it.", required=True),
        Column("target_group_id", "integer", "The named organisation’s profile (groups.id); "
               "empty when the archive has none.", source="target_id"),
        Column("relation", "string", "The tie the sentence states, if any.",
               terms=RELATION_TERMS),
        line_column("the name is on"),
        quote_column("naming it"),
    ),
    foreign_keys=(
        ForeignKey("group_id", "groups"),
        ForeignKey("source_file_id", "source_files"),
        ForeignKey("target_group_id", "groups"),
    ),
)  # fmt: skip

REFERENCES = Table(
    name="references",
    title="References",
    description=codebook.REFERENCES_MEANING,
    queryset=lambda: Reference.objects.order_by("id"),
    columns=(
        Column("id", "integer", "The reference’s number.", required=True),
        group_id(),
        source_file_id(),
        Column("marker", "integer", "The number of the citation marker, such as 20 for [20]; "
               "empty for a reference line of a guidebook description."),
        Column("label", "string", "The reference as the text gives it."),
        Column("url", "string", "A web address the reference gives."),
        Column("position", "integer", "The order of the reference in its text."),
    ),
    foreign_keys=(ForeignKey("group_id", "groups"), ForeignKey("source_file_id", "source_files")),
)  # fmt: skip

CITATIONS = Table(
    name="citations",
    title="Citations",
    description="Each citation marker in the texts: which statement cites which reference. "
    "A sentence read as several events has one row per event.",
    queryset=lambda: Citation.objects.order_by("id"),
    columns=(
        Column("id", "integer", "The citation’s number.", required=True),
        Column("reference_id", "integer", "The reference cited (references.id).",
               required=True),
        group_id(),
        source_file_id(),
        Column("event_id", "integer", "The event read from the citing sentence (events.id), "
               "if any."),
        Column("section", "string", "The section of the profile the statement is in."),
        Column("statement", "string", "The sentence the marker closes; empty when the extract "
               "left that sentence out."),
        Column("position", "integer", "The offset of the marker in its section."),
    ),
    foreign_keys=(
        ForeignKey("reference_id", "references"),
        ForeignKey("group_id", "groups"),
        ForeignKey("source_file_id", "source_files"),
        ForeignKey("event_id", "events"),
    ),
)  # fmt: skip

EVIDENCE = Table(
    name="evidence",
    title="Evidence",
    description="Where each coded value of a group was read: the file, the line and the "
    "sentence. A value a curator set has no evidence.",
    queryset=lambda: Evidence.objects.order_by("id"),
    columns=(
        Column("id", "integer", "The evidence’s number.", required=True),
        group_id(),
        source_file_id(required=True),
        Column("field", "string", "The coded value.", required=True,
               terms=EVIDENCE_FIELD_TERMS),
        Column("key", "string", "The country code or the alias, for those fields."),
        Column("value", "string", "The value as the file gave it."),
        line_column("the value was read from"),
        quote_column("the value was read from"),
    ),
    foreign_keys=(ForeignKey("group_id", "groups"), ForeignKey("source_file_id", "source_files")),
)  # fmt: skip

TABLES = (
    GROUPS,
    ALIASES,
    COUNTRIES,
    GROUP_COUNTRIES,
    SOURCE_FILES,
    EVENTS,
    TIES,
    MENTIONS,
    REFERENCES,
    CITATIONS,
    EVIDENCE,
)
TABLES_BY_NAME = {table.name: table for table in TABLES}
