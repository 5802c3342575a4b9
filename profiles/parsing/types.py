"""What the parsers read from a text: plain dataclasses, no Django."""

from dataclasses import dataclass, field
from datetime import date

GUIDEBOOK = "guidebook"
ENCYCLOPEDIA = "encyclopedia"


class ParseError(Exception):
    """A text that cannot be imported; `line` is 1-based."""

    def __init__(self, line, message):
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message


@dataclass(frozen=True)
class UncertainDate:
    """A date at the precision the text gives it, e.g. EDTF "1994-11", "198X", "1997/2006"."""

    edtf: str
    earliest: date
    latest: date
    precision: str  # day, month, year or decade (of the start, for an interval)
    text: str = ""  # as written
    start: int = 0  # offset in the text it was read from
    end: int = 0

    @property
    def year(self):
        """The first year, when the date is known to a year or better."""
        return None if self.precision == "decade" else self.earliest.year

    @property
    def end_edtf(self):
        """The end of an interval, else None."""
        return self.edtf.split("/", 1)[1] if "/" in self.edtf else None


@dataclass(frozen=True)
class Evidence:
    """Where a coded value was read: the 1-based line and the exact text of the sentence."""

    line: int
    quote: str
    start: int = 0  # offset of the quote in the (normalised) file text


@dataclass
class ParsedEvent:
    date: UncertainDate
    text: str
    kind: str
    section: str
    position: int
    markers: list[int] = field(default_factory=list)


@dataclass
class ParsedReference:
    marker: int | None
    label: str
    url: str
    position: int


@dataclass
class ParsedCitation:
    marker: int
    section: str
    statement: str  # empty when the sentence the marker closed was left out of the extract
    position: int


@dataclass
class ParsedAliasClaim:
    """`name` is another name of the group called `subject` (not the profiled group)."""

    subject: str
    name: str
    display: bool  # an explicit statement ("X, also known as Y"), not just a link key


@dataclass
class ParsedRelation:
    target: str
    relation: str
    sentence: str
    position: int
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Occurrence:
    """One place a text names an organisation: the sentence, the name's span in it, the
    section (a Guidebook field, or "narrative") and where the sentence is in the file."""

    sentence: str
    start: int
    end: int
    section: str
    evidence: Evidence


@dataclass
class ParsedMention:
    """An organisation the text names, other than the profiled group."""

    name: str
    evidence: Evidence
    relation: str = ""  # the typed tie the sentence states, if any ("rival_of"...)
    occurrences: list[Occurrence] = field(default_factory=list)  # every place it is named


@dataclass
class Candidate:
    """One reading of a doubtful value: `value` is what the field would hold."""

    label: str  # how a curator sees it: "1994 (November 1994)", "still active"
    value: object  # an UncertainDate, an int, or None for "no value"
    evidence: Evidence | None


@dataclass
class ParsedDoubt:
    """A field the text supports two readings of; the importer asserts neither silently."""

    field: str  # "formation", "termination" or "size"
    reason: str
    candidates: list[Candidate]


@dataclass
class ParsedProfile:
    format: str
    title: str
    name: str
    countries: list[str]
    kind: str
    status: str
    formation: UncertainDate | None
    termination: UncertainDate | None
    size: int | None
    size_text: str
    size_date: UncertainDate | None
    sections: dict[str, str]  # section key -> plain text
    aliases: list[str]
    match_keys: list[str]  # names that find this group but are not shown as aliases
    alias_claims: list[ParsedAliasClaim]
    events: list[ParsedEvent]
    references: list[ParsedReference]
    citations: list[ParsedCitation]
    relations: list[ParsedRelation]
    mentions: list[ParsedMention] = field(default_factory=list)
    # field -> where its value was read: "formation", "termination", "size", "kind",
    # "status", "country:PK", "alias:<name>". Ties carry their own (ParsedRelation.evidence).
    evidence: dict[str, Evidence] = field(default_factory=dict)
    doubts: list[ParsedDoubt] = field(default_factory=list)
