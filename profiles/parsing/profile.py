"""A whole profile text to a ParsedProfile, for either input format.

Guidebook descriptions: a title "NAME (COUNTRY)", then labelled fields ("Country:",
"Details of Formation:", ... "References:"); "--" means unknown; a line without a label
continues the field above it. Encyclopedia extracts: a title line, then paragraphs of
sentences with numbered citation markers.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from profiles.parsing import countries
from profiles.parsing.aliases import (
    SELF_SUBJECT_RE,
    AliasReader,
    abbreviates,
    clause_speaks_of,
    clause_subject,
    is_acronym,
    name_before,
    opening_names,
    strip_opening,
)
from profiles.parsing.dates import find_dates, interval_part, is_context
from profiles.parsing.evidence import Locator
from profiles.parsing.mentions import (
    HEAD_WORDS,
    MentionReader,
    canonical_key,
    is_known_name,
    known_names,
    place_of_known_groups,
)
from profiles.parsing.names import CONNECTORS, NOT_NAME_WORDS, name_at, name_key
from profiles.parsing.relations import RelationReader, shaped_like_group
from profiles.parsing.sizes import strength_figures
from profiles.parsing.text import (
    MARKER_RE,
    gated_alternatives,
    holds_any,
    normalise,
    one_line,
    plain_quotes,
    split_sentences,
)
from profiles.parsing.ties import add_learned_ties
from profiles.parsing.types import (
    ENCYCLOPEDIA,
    GUIDEBOOK,
    Candidate,
    ParsedCitation,
    ParsedDoubt,
    ParsedEvent,
    ParsedProfile,
    ParsedReference,
    ParseError,
    UncertainDate,
)

# Field labels (lower case, as the texts write them) to section keys.
LABELS = {
    "country": "country", "countries": "country", "country/countries": "country",
    "location": "country",
    "details of formation": "formation", "formation": "formation",
    "date of formation": "formation", "formation details": "formation", "origins": "formation",
    "details of termination": "termination", "termination": "termination",
    "date of termination": "termination", "termination details": "termination",
    "purpose": "purpose", "purposes": "purpose", "aims": "purpose",
    "organisation": "organisation", "organization": "organisation", "structure": "organisation",
    "weapons and training": "weapons_and_training", "weapons & training": "weapons_and_training",
    "weapons and trainings": "weapons_and_training", "weapons": "weapons_and_training",
    "size": "size_details", "strength": "size_details", "force strength": "size_details",
    "reason for membership": "reason_for_membership",
    "reasons for membership": "reason_for_membership",
    "treatment of civilians": "treatment_of_civilians",
    "other information": "other_information", "other info": "other_information",
    "additional information": "other_information",
    "references": "references", "reference": "references", "sources": "references",
    "source": "references",
    "alternative names": "aliases", "other names": "aliases", "also known as": "aliases",
    "aliases": "aliases", "alias": "aliases", "alternate names": "aliases",
}  # fmt: skip
LABEL_RE = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z /&'-]{1,40}?)\s*:\s*(?P<value>.*)$")
UNKNOWN_VALUES = {
    "--",
    "-",
    "\u2013",
    "\u2014",
    "n/a",
    "na",
    "none",
    "unknown",
    "no information",
    "no information.",
}

NOT_AN_ACT_AFTER = (
    # (nor "organised into six wilayas": a new shape for what exists)
    r"(?!\s+into\b)(?!\s+(?:(?:a|an|the|its|their|his|her|several|many|large|mass|new|further|joint|armed|"
    r"violent|regular|daily|night|weekly|public|street|counter-?)\s+)*(?:[\w-]+\s+)?"
    r"(?:marches|march|protests?|rall(?:y|ies)|demonstrations?|strikes?|attacks?|raids?|"
    r"campaigns?|elections?|meetings?|boycotts?|operations?|offensives?|ambush(?:es)?|riots?|"
    r"killings?|assassinations?|coups?|uprisings?|rebellions?|revolts?|"
    r"insurrections?|assaults?|bombings?|massacres?|pogroms?|invasions?|incursions?|"
    r"counter-?attacks?|rescues?|parades?|congress(?:es)?|conferences?)\b)"
)
# "one of the first organised groups": an adjective (but "villagers organised to stop cattle
# raiding" is a founding).
NOT_AN_ADJECTIVE_BEFORE = (
    "".join(
        rf"(?<!\b{word}\s)"
        for word in ("the", "an", "first", "most", "well", "loosely", "highly", "poorly", "better")
    )
    + r"(?<!\bwell-)"
)
FORMATION_ANCHOR_RE = re.compile(
    # (not "re-formed in 1938 as ...", "re-emerged": a later start)
    r"\b(?<!re-)(?:formed|forming|founded|founding|foundation|established|establishment|created|creation|"
    # "raised a militia", "raised the Home Guard"; not "raised fears" or "raised the idea".
    r"raised(?=\s+(?:(?:a|an|the|its|their|his|her|several|new|local)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:militias?|forces?|units?|groups?|army|armies|battalions?|brigades?|men|volunteers|"
    r"guards?|(?-i:[A-Z]))|\s+(?:in|around|by|during|as|from|at|on|after|before|between|among|"
    r"under|\d))|built\s+up|brought\s+(?:[\w-]+\s+){0,4}together|"
    # "proclaimed the Awakening"; "the first reports of its fighters date from mid-1991".
    r"proclaimed(?=\s+(?:the\s+|a\s+)?(?-i:[A-Z]))|"
    r"first\s+(?:(?:reports?|sightings?|mentions?|traces?)\s+(?:[\w'\u2019-]+\s+){0,5}?dat\w+\s+from|"
    r"appeared|appearance|surfaced|reported|sighted)|"
    r"set\s+up|surfaced|set\s+(?:it|them|the\s+(?:[\w-]+\s+){0,2}?(?:force|group|militia|unit|units|corps|guard|army|battalions?|brigades?))\s+up|"
    # "organised marches", "launched an offensive": an act, not a founding.
    # (nor "one of the first organised groups": an adjective)
    rf"(?:{NOT_AN_ADJECTIVE_BEFORE}organi[sz]ed|launched){NOT_AN_ACT_AFTER}|existed\s+(?:\w+\s+){{0,3}}from|took\s+shape|emerged|came\s+into\s+(?:being|existence)|"
    # "only announced itself under this name in 2007".
    r"(?:announced|declared|proclaimed)\s+(?:itself|themselves|its\s+(?:formation|founding|creation|existence))|"
    # "began operating", not "began to settle its veterans" nor "began recording killings".
    r"was\s+born|put\s+together|originated|origins?|mobili[sz]ed|assembled|"
    r"(?:began|started)(?!\s+(?:to\s+(?!operate|function|act\b|organi|form|emerge|appear|"
    r"gather|recruit|raise|build|assemble|mobili|arm\b|patrol|guard|defend|fight)[a-z]+|"
    r"(?!operating|functioning|acting|organi[sz]ing|forming|gathering|recruiting|raising|"
    r"building|assembling|mobili[sz]ing|arming|patrolling|guarding|defending|fighting)"
    r"[a-z]+ing)\b)|"
    r"grew\s+out\s+of|formation|inception|constituted|broke\s+away|split\s+(?:off\s+)?from|"
    r"splintered|"
    # "first made itself known through death lists", "took on its lasting shape", "the army
    # dates its own existence from", "some sources date its first armed units to".
    r"made\s+(?:itself|themselves)\s+known|took\s+on\s+its\s+(?:\w+\s+)?shape|"
    r"dates?\s+its\s+(?:own\s+)?(?:existence|first\s+(?:\w+\s+)?units|beginnings?)|"
    r"start\s+of\s+the\s+(?:organi[sz]ation|group|militia|movement))\b",
    re.I,
)
# A ban ends a group only sometimes: many carry on underground or abroad.
BAN_WORDS = r"outlawed|banned|proscribed"
BAN_RE = re.compile(rf"\b(?:{BAN_WORDS})\b", re.I)
TERMINATION_ANCHOR_RE = re.compile(
    r"\b(?:disbanded|disband|disbandment|dissolved|dissolution|demobili[sz]ation|"
    # "demobilised soldiers formed militias": an adjective, not the group's end.
    r"demobili[sz]ed(?!\s+(?:soldiers|fighters|combatants|men|members|troops|militiamen|"
    r"veterans|officers|guerrillas|rebels))|"
    r"broke\s+up(?!\s+(?:the|a|an|its|their|his|her|protests?|demonstrations?)\b)|"
    rf"{BAN_WORDS}|ceased|abolished|dismantled|broken\s+up|"
    # Defeated itself, not defeating others: "the guards defeated the Red Guards".
    r"defeated|destroyed|wiped\s+out|crushed|defeat\s+of|existed\s+(?:[\w,]+\s+){0,6}?(?:until|till|to)|"
    r"lost\s+(?:\w+\s+)?(?:patronage|support|backing)|withdrew\s+(?:\w+\s+)?support|ended|"
    r"came\s+to\s+an\s+end|disarmed|laid\s+down\s+(?:their|its)\s+arms|integrated\s+into|"
    r"absorbed\s+into|merged\s+into|turned\s+against|switched\s+sides|collapsed|fell\s+apart|"
    r"was\s+ended|were\s+ended|termination|stopped\s+being|ceased\s+to\s+be|end\s+point|"
    r"wound\s+(?:themselves|itself|\w+)?\s*up|gave\s+up\s+(?:their|its)\s+(?:weapons|arms)|"
    r"handed\s+(?:in|over)\s+(?:their|its)\s+(?:weapons|arms)|"
    # "announced that the NLA no longer existed", "required ELAS to hand in its weapons and
    # stand down", "a congress decided to dissolve the PKK".
    r"no\s+longer\s+exist(?:ed|s)?|st(?:an|oo)d\s+down|hand\s+in\s+(?:their|its)\s+(?:weapons|arms)|"
    r"(?:decided|voted|agreed|resolved)\s+to\s+(?:dissolve|disband)|"
    # "the New Guard had faded away by 1935".
    r"faded\s+(?:away|out)|fizzled\s+out|petered\s+out|died\s+out|melted\s+away)\b",
    re.I,
)
KIND_CUES = [
    ("split", re.compile(r"\b(?:split|splinter|breakaway|broke\s+away)\b", re.I)),
    ("alliance", re.compile(r"\b(?:allied|aligned|alliance|allies)\b", re.I)),
    (
        "crackdown",
        re.compile(
            r"\b(?:crack(?:ed)?\s*down|crackdown|raided|raids?\s+on|operation\s+against|arrested|outlawed)\b",
            re.I,
        ),
    ),
    (
        "abuse",
        re.compile(
            r"\b(?:killings?|killed|massacres?|tortur\w*|abus\w*|executions?|extort\w*)\b", re.I
        ),
    ),
]
URL_RE = re.compile(r"https?://[^\s;,)\]]+")
TITLE_SUFFIX_RE = re.compile(r"^(?P<name>.+?)\s+(?:[a-z][a-z-]+)(?:\s+[a-z][a-z-]+)*$")


def parse_profile(raw: str) -> ParsedProfile:
    text = normalise(raw)
    lines = text.split("\n")
    title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is None:
        raise ParseError(1, "empty file")
    title = one_line(lines[title_index])
    _check_title(title, title_index + 1)
    body_start = sum(len(line) + 1 for line in lines[: title_index + 1])
    fields = _read_fields(lines, title_index + 1)
    if fields:
        return _parse_guidebook(title, title_index + 1, fields, text)
    return _parse_encyclopedia(title, title_index + 1, text, body_start)


def _check_title(title, line_number):
    label = LABEL_RE.match(title)
    if label and label.group("label").strip().lower() in LABELS:
        raise ParseError(
            line_number, f'no title: the file starts with the field "{label.group("label")}:"'
        )
    if (
        MARKER_RE.search(title)
        or len(title) > 200
        or (title.endswith(".") and len(title.split()) > 12)
    ):
        raise ParseError(line_number, "no title: the first line is a sentence, not a group's name")
    if not any(ch.isalpha() for ch in title):
        raise ParseError(line_number, "no title: the first line has no name in it")


class Field:
    def __init__(self, key, label, line, offset, value):
        self.key, self.label, self.line, self.offset = key, label, line, offset
        self.lines = [value]

    @property
    def value(self):
        return "\n".join(self.lines).strip()


def _read_fields(lines, first):
    """The labelled fields of a guidebook text, or [] for a text without labels."""
    fields = []
    offset = sum(len(line) + 1 for line in lines[:first])
    pending_blank = False
    for number, line in enumerate(lines[first:], start=first + 1):
        match = LABEL_RE.match(line)
        label = match.group("label").strip().lower() if match else None
        if label in LABELS:
            value_offset = offset + match.start("value")
            fields.append(
                Field(
                    LABELS[label],
                    match.group("label").strip(),
                    number,
                    value_offset,
                    match.group("value"),
                )
            )
            pending_blank = False
        elif fields and line.strip():
            fields[-1].lines.append(("\n" if pending_blank else "") + line.strip())
            pending_blank = False
        elif fields:
            pending_blank = True
        elif line.strip():
            # Text before the first label: only a guidebook text if labels follow.
            if not any(
                (m := LABEL_RE.match(rest)) and m.group("label").strip().lower() in LABELS
                for rest in lines[number:]
            ):
                return []
        offset += len(line) + 1
    known = {f.key for f in fields}
    # One stray "Note:" line does not make a guidebook text.
    if len(fields) < 2 and not known & {"country", "formation", "references", "size_details"}:
        return []
    return fields


def _merge_fields(fields):
    merged = {}
    for field in fields:
        value = field.value
        if field.key in merged:
            first = merged[field.key]
            if one_line(first.value) != one_line(value):
                raise ParseError(
                    field.line,
                    f'field "{field.label}" given twice with different values (first on line {first.line})',
                )
            continue
        merged[field.key] = field
    return merged


def _is_unknown(value):
    return one_line(value).lower().strip(" .") in UNKNOWN_VALUES or not value.strip()


DISAMBIGUATOR_RE = re.compile(
    r"\b(?:organi[sz]ation|group|militia|movement|party|army|paramilitary|militant\s+group|"
    r"guerrilla\s+group|rebel\s+group|faction|gang|unit|force)$"
)


def _split_title(title):
    """ "MQM Haqiqi (Pakistan)" -> name, country codes, and a bracketed acronym if any.

    The country suffix is read whole, nested parentheses and all: "Swan Arr Shin (Masters
    of Force) (Myanmar (Burma))" is the name "Swan Arr Shin", the alias "Masters of Force"
    and Myanmar.
    """
    name, codes, extra = title, [], []
    while name.endswith(")") and (opening := _opening_parenthesis(name)) is not None:
        inner = name[opening + 1 : -1].strip()
        found = countries.codes_in_list(inner)
        if found:
            codes.extend(c for c in found if c not in codes)
        elif inner and not inner.islower() and not DISAMBIGUATOR_RE.search(inner):
            # "Grey Wolves (organization)", "Minutemen (anti-Communist organization)": a
            # disambiguator, no name.
            extra.append(inner)
        name = name[:opening].strip()
    return name or title, codes, extra


def _opening_parenthesis(text):
    """Where the parenthesis closing `text` opens, or None if it is unbalanced."""
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[index], 0)
        if depth == 0:
            return index if index > 0 else None
    return None


# "Tribal Militia / Lashkars", "Mubarak's Thugs/Baltagiya", "Rural Defence Groups aka Convivir".
# "SPLM/A" is one name.
TITLE_ALTERNATIVES_RE = re.compile(
    r"(?<![A-Z]{2})\s*/\s*|(?<=[A-Z]{2})/(?![A-Z]{1,3}\b)|\s+(?i:aka|a\.k\.a\.|also known as)\s+"
)


def _title_alternatives(name):
    """The names a title joins with "/" or "aka": each is another name of the group."""
    parts = [p.strip() for p in TITLE_ALTERNATIVES_RE.split(name) if p and p.strip()]
    if len(parts) < 2 or any(len(p) <= 1 for p in parts):
        return []
    names = []
    for part in parts:
        # "Special Guerrilla Units (SGU)/Secret Army": the name and its acronym.
        acronym = re.fullmatch(r"(?P<name>.+?)\s*\((?P<acronym>[A-Z][A-Za-z0-9-]{1,11})\)", part)
        names += [acronym["name"], acronym["acronym"]] if acronym else [part]
    return names


class Statement(NamedTuple):
    section: str
    text: str  # plain quotes, no markers
    offset: int  # in the file
    markers: list[int]
    dates: tuple[UncertainDate, ...]  # read once: every step below looks at them
    end: int  # in the file


class Analysis:
    """The sentences of one text, with their markers and dates, section by section."""

    def __init__(self):
        self.citations: list[ParsedCitation] = []
        self.markers_in_order: list[tuple[int, int]] = []
        self.sentences: list[Statement] = []

    def text(self, count=None):
        return " ".join(statement.text for statement in self.sentences[:count])

    def read_section(self, key, text, offset):
        for sentence in split_sentences(text):
            numbers = [n for n, _ in sentence.markers]
            for number, position in sentence.markers:
                self.citations.append(ParsedCitation(number, key, sentence.text, offset + position))
                self.markers_in_order.append((number, offset + position))
            if sentence.text:
                text = plain_quotes(sentence.text)
                self.sentences.append(
                    Statement(
                        key,
                        text,
                        offset + sentence.start,
                        numbers,
                        find_dates(text),
                        offset + sentence.end,
                    )
                )


CLAUSE_BREAK_RE = re.compile(
    r",\s+(?:yet|but|and|although|while|whereas|though|then)\b|;|:\s|\s\u2013\s|\s-\s"
)


def _clause_of(sentence, position):
    """(start, end) of the clause around `position`."""
    start, end = 0, len(sentence)
    for match in CLAUSE_BREAK_RE.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


NEGATION_BEFORE_RE = re.compile(
    r"\b(?:never|not|n't|nor|neither)\s+(?:\w+\s+){0,2}$|\bno\s+$|"
    # "none of them ended the armed struggle", "who had no part in its creation".
    r"\bnone\s+of\s+(?:them|these|those|which)\s+(?:\w+\s+)?$|"
    r"\bno\s+(?:part|role|hand|share)\s+in\s+(?:its|their|the)\s+$",
    re.I,
)


UNPROVEN_BEFORE_RE = re.compile(
    r"\b(?:no\s+(?:clear\s+|firm\s+|hard\s+|real\s+)?(?:evidence|proof|signs?|indications?|"
    r"records?)\s+(?:\w+\s+)?that|(?:unclear|uncertain|not\s+clear|not\s+known|unknown)\s+"
    r"(?:whether|if))\b[^.;]*$|"
    # "senators called for it to be disarmed and disbanded": a demand, not an end.
    r"\b(?:called\s+for|demanded|urged|proposed|threatened|vowed|promised|sought|wanted)\b"
    r"[^.;]{0,50}$",
    re.I,
)
NOT_UNTIL_RE = re.compile(r"\s+(?:[\w,]+\s+){0,4}?(?:until|till|before)\b", re.I)


DEFEAT_RE = re.compile(r"defeated|destroyed|wiped\s+out|crushed", re.I)


PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|be)\s+(?:\w+\s+)?$")


# What an active "destroyed" or "crushed" does to things, not to a group: "destroyed nine
# aircraft", "destroyed the bridge". A group, its fighters or its revolt is an end's object.
THING_OBJECT_RE = re.compile(
    r"\s+(?:the\s+|a\s+|an\s+|\d[\d,]*\s+|(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens\s+of|several|many|some)\s+)(?:[\w-]+\s+){0,2}?(?:aircraft|planes?|helicopters?|"
    r"vehicles?|trucks?|cars?|buses|trains?|bridges?|buildings?|houses?|homes|villages?|shops?|"
    r"offices?|stations?|depots?|pipelines?|property|crops|equipment|weapons|stocks?|bases?|"
    r"towers?|installations?|targets?|facilities)\b"
)


def _in_closed_relative(sentence, mention, position):
    """ "Taylor, who had escaped from jail in 1985, assembled its first fighters": a date in a
    relative clause closed before the verb is that clause's."""
    opened = list(RELATIVE_OPEN_RE.finditer(sentence, 0, mention.start))
    return (
        bool(opened)
        and "," in sentence[mention.end : position]
        and "," not in (sentence[opened[-1].end() : mention.start])
    )


RELATIVE_OPEN_RE = re.compile(r",\s+(?:who|which|whose|whom)\s|\s(?:who|whose|whom)\s")


def _acts_on_a_thing(sentence, anchor):
    """Whether an active verb of defeat has a thing as its object ("destroyed nine aircraft")."""
    if PASSIVE_BEFORE_RE.search(sentence, max(0, anchor.start() - 40), anchor.start()):
        return False
    return bool(THING_OBJECT_RE.match(sentence, anchor.end()))


def _own_acts(sentence, anchor, is_own):
    """Whether the group itself is the subject of an active verb ("the guards defeated ...")."""
    if PASSIVE_BEFORE_RE.search(sentence, max(0, anchor.start() - 40), anchor.start()):
        return False  # passive: it was defeated
    clause = strip_opening(clause_subject(sentence, anchor.start()))
    if SELF_SUBJECT_RE.match(clause):
        return True
    # One of its names before the verb ("the White Guards formed the core of the White
    # Army under Mannerheim and defeated the Red Guards").
    for capital in re.finditer(r"(?<![\w'-])[A-Z]", clause):
        found = name_at(clause, capital.start())
        if found and is_own(found[0]):
            return True
    return False


# "by the end of the decade", "soon afterwards": the clause times the end without a year.
VAGUE_TIME_RE = re.compile(
    r"\b(?:by\s+the\s+(?:end|middle|close)\s+of\s+the\s+(?:decade|century|war)|"
    r"(?:soon|shortly|some\s+years|years|months)\s+(?:after(?:wards)?|later)|eventually|"
    r"in\s+the\s+(?:following|next)\s+(?:years|decade))\b",
    re.I,
)
# "after the military coup of 24 March 1976 the alliance ceased": the end followed the event.
EVENT_BEFORE_END_RE = re.compile(
    r"\b(?:after|following|with|upon)\s+(?:the\s+|a\s+)?(?:[\w'\u2019-]+\s+){0,4}(?:of|in|on)\s+$",
    re.I,
)
RELATIVE_OPENS_RE = re.compile(
    r",\s+(?:which|who|whom|whose)\b|\s(?:that|which|who)\s+(?:had|has|have|was|were|is|are)\s|"
    r"\swhose\s"
)


INSTRUMENT_RE = re.compile(
    r"\b(?:Order|Decree|Law|Act|Resolution|Agreement|Accord|Treaty|Ordinance|Directive|"
    r"Statute|Constitution|Proclamation)\b"
)


def _in_relative_of_another(sentence, start, position):
    """Whether `position` lies in a relative clause opened after `start` about a person or a
    named body ("arrested Ioseliani, who was sentenced in 1998"), not about the decree or
    order that set the group up ("Executive Order 264, which Aquino signed on ...")."""
    opened = max(
        RELATIVE_OPENS_RE.finditer(sentence, start, position), key=re.Match.start, default=None
    )
    if opened is None:
        return False
    if re.search(r"\bwho", opened.group()):
        return True
    antecedent = name_before(sentence, opened.start())
    return bool(antecedent) and not INSTRUMENT_RE.search(antecedent)


def _anchored(sentence, mentions, anchor_re, is_own=None, own_founding=None):
    """Dates tied to an anchor verb: in its clause if any, the nearest, preferring one after it.

    A date of another event (a war, an election) is not the group's, except when it is the
    only date of a sentence about the group's end ("With the US occupation of Iraq in April
    2003, the Fedayeen Saddam stopped being a PGM"): `is_own` is given for ends only.
    """
    found = []
    usable = [m for m in mentions if not is_context(sentence, m)]
    if not usable and is_own and len(mentions) == 1:
        usable = list(mentions)
    if not usable and is_own:
        # "the Varkiza Agreement of February 1945 required ELAS to ... stand down": with no
        # other date, an agreement's is the end's.
        usable = [m for m in mentions if AGREEMENT_OF_RE.search(sentence, 0, m.start)][-1:]
    others = set()
    anchors = list(anchor_re.finditer(sentence))
    if own_founding:
        # Another group's founding claims its date first, before an earlier verb of the
        # sentence could take it ("traces its origins to the KNDO, an armed body that the
        # KNU set up in 1947").
        for anchor in anchors:
            if _founding_of_another(sentence, anchor, own_founding):
                others.add(anchor.start())
                claimed = [m for m in usable if m.start >= anchor.end()][:1]
                usable = [m for m in usable if m not in claimed]
    for anchor in anchors:
        if is_own and _another_subject(sentence, anchor.start(), is_own):
            continue
        if _negated(sentence, anchor):
            continue  # "it was never formally dissolved" (but "not disbanded until 2015" was)
        if UNPROVEN_BEFORE_RE.search(sentence, 0, anchor.start()):
            continue  # "no clear evidence that the group itself was dissolved"
        if is_own and _relative_of_another(sentence, anchor.start(), is_own):
            continue  # "the ALiR, which merged into the FDLR in 2000": the ALiR's end
        if is_own and DEFEAT_RE.fullmatch(anchor.group()) and _own_acts(sentence, anchor, is_own):
            continue  # "the White Guards ... defeated the Red Guards": a victory, no end
        if is_own and DEFEAT_RE.fullmatch(anchor.group()) and _acts_on_a_thing(sentence, anchor):
            continue  # "a Machetero commando destroyed nine aircraft": what it did, no end
        if anchor.start() in others:
            continue
        if anchor.group()[0].isupper() and sentence[: anchor.start()].strip(" \"'(\u201c"):
            continue  # "the Deterrence Apparatus for Combating Organized Crime": in a name
        if own_founding and PLANNED_BEFORE_RE.search(
            sentence, max(0, anchor.start() - 80), anchor.start()
        ):
            continue  # "agreed in June 2019 to set up a regional outfit": a plan, not the founding
        if is_own and (
            EVENT_BEFORE_ANCHOR_RE.search(sentence, max(0, anchor.start() - 60), anchor.start())
            or re.match(r"\s+(?:in|with)\s+(?:a|an)\b", sentence[anchor.end() :])
        ):
            # "The rebellion ended in August 1980", "after the war ended in May 2009", "after
            # the protests had been crushed", "a counter-demonstration ended in a shoot-out":
            # an event's end, not the group's.
            continue
        if is_own and BANNED_THING_RE.match(sentence, anchor.end()):
            continue  # "banned political uniforms in 1933": a thing, not the group
        if (
            is_own
            and anchor.group().lower() == "ended"
            and ENDED_EVENT_RE.match(sentence, anchor.end())
        ):
            continue
        clause_start, clause_end = _clause_of(sentence, anchor.start())
        in_clause = [m for m in usable if m.start >= clause_start and m.end <= clause_end]
        of_clause = [m for m in mentions if m.start >= clause_start and m.end <= clause_end]
        if (
            is_own
            and not in_clause
            and len(of_clause) == 1
            and EVENT_BEFORE_END_RE.search(sentence, clause_start, of_clause[0].start)
        ):
            # "after the coup of 24 March 1976 the alliance ceased to act": the end's clause
            # dates it by another event, and an earlier clause's date is not the end's.
            in_clause = of_clause
        # "formed from the Popular Committees that had guarded neighbourhoods since 2011":
        # a date in a relative clause opened after the verb is that clause's.
        after = [
            m
            for m in in_clause
            if m.start >= anchor.end()
            and not _in_relative_of_another(sentence, anchor.end(), m.start)
        ]
        before = [
            m
            for m in in_clause
            if m.end <= anchor.start() and not _in_closed_relative(sentence, m, anchor.start())
        ]
        if not in_clause and is_own and VAGUE_TIME_RE.search(sentence, clause_start, clause_end):
            continue  # "..., and by the end of the decade it had ceased to exist": no year
        if not in_clause:
            after = [m for m in usable if 0 <= m.start - anchor.end() <= 160]
            before = [m for m in usable if 0 <= anchor.start() - m.end <= 120]
        if after:
            nearest = min(after, key=lambda m: m.start - anchor.end())
            if is_own:
                nearest = _last_of_list(nearest, after, sentence)
            found.append(_refined(nearest, usable, sentence))
        elif before:
            found.append(max(before, key=lambda m: m.end))
    return found


PASSIVE_LINK_RE = re.compile(
    r"(?:,\s*(?:which|that|who)\s+(?:was|were|had\s+been|has\s+been)\s+|\s*\(|,\s*|"
    # "SNO, a nationalist party founded in 1990": an appositive that says what it is.
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?P<noun>party|group|movement|organi[sz]ation|"
    r"militia|faction|front|union|association|army)\s+|"
    # "ZANU itself had been founded in 1963": the reflexive stands before the verb.
    r"\s+(?:(?:itself|themselves)\s+)?(?:was|were|had\s+been|has\s+been)\s+)"
    r"(?:(?:first|originally|initially|officially|"
    r"formally|itself|also)\s+)?$"
)


def _last_of_list(date, dates, sentence):
    """ "disarmed in 1996 and 1997": an end given by a list of years is its last."""
    for later in sorted(dates, key=lambda m: m.start):
        if later.start > date.end and re.fullmatch(
            r"\s*(?:,|and|,\s*and)\s*(?:in\s+)?", sentence[date.end : later.start]
        ):
            date = later
    return date


def _refined(date, dates, sentence):
    """ "in the mid-1990s, in 1995": a finer date right after, inside the first, says more."""
    for finer in dates:
        if (
            0 < finer.start - date.end <= 8
            and re.fullmatch(
                r",?\s*(?:in\s+|around\s+|probably\s+)?", sentence[date.end : finer.start]
            )
            and finer.precision not in COARSE_PRECISIONS
            and date.earliest <= finer.earliest <= finer.latest <= date.latest
        ):
            return finer
    return date


RELATIVE_BEFORE_RE = re.compile(
    r",?\s*(?:which|who|that)\s+(?:(?:later|then|eventually|itself|had|has|was|were|also|"
    r"finally|soon|been|formally|officially)\s+){0,3}$|"
    # "the Polissian Sich, whose men were partly absorbed ...".
    r",\s*whose\s+(?:[a-z]+\s+){1,2}(?:were|was|had\s+been)\s+(?:[a-z]+\s+)?$"
)


def _relative_of_another(sentence, position, is_own):
    """ "the Army for the Liberation of Rwanda (ALiR), which merged into ...": the verb of a
    relative clause about another group."""
    relative = RELATIVE_BEFORE_RE.search(sentence, 0, position)
    if not relative:
        return False
    antecedent = name_before(sentence, relative.start())
    return bool(antecedent) and not is_own(antecedent)


def _founding_of_another(sentence, anchor, is_own):
    """ "SCIRI, founded in 1982, ..." or "the army set up the Home Guard in 1962": the
    founding of another group, named right before a passive verb or right after an active one."""
    before = sentence[: anchor.start()]
    if _in_appositive_of_another(before, is_own) or _in_subject_of_another(before, is_own):
        return True
    # "After the founding of Israel": a state's founding.
    founded = FOUNDING_OF_RE.match(sentence, anchor.end())
    if founded and countries.code_for(founded.group(1)):
        return True
    # "overran the newly raised Somaliland Camel Corps": a participle before another's name.
    if PARTICIPLE_RE.fullmatch(anchor.group()) and ATTRIBUTIVE_BEFORE_RE.search(before):
        named = name_at(sentence, anchor.end() + 1)
        if named and not is_own(named[0]):
            return True
    # "as successors to the Rural Security Units (MAY) raised in 1946-1947": a participle
    # right after another group's name.
    if (
        PARTICIPLE_RE.fullmatch(anchor.group())
        and re.search(r"[\w)]\s$", before)
        and re.match(r"\s+(?:in|on|around|during|by|between|from|at|\d)", sentence[anchor.end() :])
    ):
        named = name_before(sentence, anchor.start())
        acronym_after = re.search(r"\([A-Z][A-Z0-9-]+\)\s$", before)  # "Units (MAY)": a group's
        if (
            named
            and not is_own(named)
            and (shaped_like_group(named) or acronym_after)
            and re.search(rf"{re.escape(named)}(?:\s*\([^()]*\))?\s$", before)
        ):
            return True
    link = PASSIVE_LINK_RE.search(before)
    if link:
        subject = name_before(before, link.start())
        if link.group("noun") and not (subject and is_own(subject)):
            return True  # "..., a nationalist party founded in 1990": what it says is not us
        if subject and not is_own(subject) and shaped_like_group(subject):
            return True
    if FROM_ANOTHER_RE.fullmatch(anchor.group()):
        return False  # "grew out of the Cagoulards": the group named is its forerunner
    found = name_at(sentence, anchor.end())
    return bool(found and not is_own(found[0]) and shaped_like_group(found[0]))


ATTRIBUTIVE_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|its|their)\s+(?:newly|recently|hastily|specially|locally|secretly)?\s*$", re.I
)
# ", a secret guard society that ... had founded", ", an armed body that the KNU set up".
APPOSITIVE_OPEN_RE = re.compile(r",\s+(?:a|an|the)\s+")
APPOSITIVE_CLOSED_RE = re.compile(
    r",\s+(?:(?:and|but)\s+)?(?:it|they|its|their|the\s+(?:[\w-]+\s+)?(?:group|militia|movement))\b"
)
# What the appositive says the other name is: an organisation of some kind.
APPOSITIVE_BODY_RE = re.compile(
    r"(?:[\w'\u2019-]+\s+){0,5}?(?:group|society|body|collective|organi[sz]ation|party|movement|"
    r"militia|faction|front|union|association|army|force|league|network|wing|unit|committee|"
    r"council|club|circle|brotherhood|order|cell|gang|band|coalition|alliance|federation|corps|"
    r"guard|brigade|battalion|squad|outfit|offshoot|splinter|predecessor|forerunner)s?\b",
    re.I,
)
CAPITALISED_RUN_RE = re.compile(
    r"\b[A-Z][\w'\u2019-]*(?:\s+(?:of\s+|the\s+|and\s+)*[A-Z][\w'\u2019-]*)*"
)


def _in_appositive_of_another(before, is_own):
    """ "the Tamil New Tigers, a small group he had formed in 1972": a founding told in
    what another group's name is, not the group's own."""
    opens = list(APPOSITIVE_OPEN_RE.finditer(before))
    if not opens:
        return False
    opened = opens[-1]
    if re.search(r"\d\s*$", before[: opened.start()]):
        return False  # "dissolved ORDEN in November 1979, the armed forces set up": a clause
    between = before[opened.end() :]
    if ";" in between or APPOSITIVE_CLOSED_RE.search(between):
        return False  # closed, and the clause goes on about the group
    if re.search(r",\s*$", between):
        return False  # "ISOC, the army's agency, organised the group": closed before the verb
    if not APPOSITIVE_BODY_RE.match(between):
        return False  # "Sefer Halilović, a military commander, formed the ...": a person
    if any(is_own(m.group()) for m in CAPITALISED_RUN_RE.finditer(between)):
        return False
    antecedent = name_before(before, opened.start())
    return bool(antecedent) and not is_own(antecedent)


# "the Democratic Army of Greece, which ... regarded as the successor of ELAS, was formed".
CLOSED_RELATIVE_RE = re.compile(
    r",\s+(?:which|who|whom|whose)\s+[^,;]*,\s*(?:had\s+been|has\s+been|was|were)\s+"
    r"(?:(?:first|originally|initially|officially|formally|also)\s+)?$"
)


def _in_subject_of_another(before, is_own):
    """A passive founding whose subject, another group, carries a relative clause that
    names ours."""
    relative = CLOSED_RELATIVE_RE.search(before)
    if not relative:
        return False
    antecedent = name_before(before, relative.start())
    return bool(antecedent) and not is_own(antecedent) and shaped_like_group(antecedent)


# "the founding of Israel": the name after a founding noun's "of".
FOUNDING_OF_RE = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:State|Republic|Kingdom)\s+of\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"
)
PARTICIPLE_RE = re.compile(r"formed|founded|established|created|raised|organi[sz]ed", re.I)
FROM_ANOTHER_RE = re.compile(
    r"grew\s+out\s+of|broke\s+away|split\s+(?:off\s+)?from|splintered|originated|origins?",
    re.I,
)


AFTER_EVENT_BEFORE_DATE_RE = re.compile(
    r"\bafter\s+the\s+(?:[\w-]+\s+)?(?:demobili[sz]ation|disarmament|collapse|fall|end|defeat|"
    r"dissolution|withdrawal|death|killing|assassination|arrest|overthrow)\b[^.;]{0,80}$",
    re.I,
)
PLANNED_BEFORE_RE = re.compile(
    r"\b(?:agreed|decided|planned|proposed|pledged|resolved|promised|voted)\b[^.;]{0,60}?\bto\s+$",
    re.I,
)
# "The General Peace Accords ... ended the war": what was ended is an event.
ENDED_EVENT_RE = re.compile(
    r"\s+(?:the|a|its|their)\s+(?:[\w-]+\s+){0,2}?(?:war|conflict|fighting|insurgency|rebellion|"
    r"struggle|campaign|violence|hostilities|occupation|siege|uprising)\b",
    re.I,
)
EVENT_BEFORE_ANCHOR_RE = re.compile(
    r"\b(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,2}?(?:war|rebellion|uprising|insurgency|"
    r"conflict|revolt|siege|occupation|crisis|emergency|strike|mutiny|offensive|insurrection|"
    r"fighting|protests?|demonstrations?|counter-demonstration|march|rally|clash|riots?|trial|"
    r"talks|negotiations|ceasefire|truce|elections?|programme|program)\s+"
    # "a trial that began in 2003 and ended with convictions in 2015".
    r"(?:(?:that|which)\s+began\s+[^,;]{0,30}?\s+and\s+)?"
    r"(?:had\s+been\s+|has\s+been\s+|was\s+|were\s+|had\s+|has\s+)?$",
    re.I,
)
BANNED_THING_RE = re.compile(
    r"\s+(?:all\s+)?(?:political\s+|private\s+|paramilitary\s+|party\s+|public\s+)?"
    r"(?:uniforms|marches|rallies|demonstrations|parades|meetings|gatherings|the\s+wearing)\b",
    re.I,
)
AGREEMENT_OF_RE = re.compile(r"\b(?:Agreement|Accords?|Treaty|Decree|Law)\s+of\s+(?:the\s+)?$")
SUBJECT_ASIDE_RE = re.compile(r",\s+[^,;]{3,120},\s*(?:had\s+been|has\s+been|was|were)\s+$")


def _another_subject(sentence, position, is_own):
    """ "After the State of Free Lebanon collapsed in 1984": the verb has another subject."""
    # "The party Batasuna, widely regarded as ETA's political wing, was banned": the
    # subject before an aside that names us.
    aside = SUBJECT_ASIDE_RE.search(sentence, 0, position)
    if aside:
        other = name_before(sentence, aside.start())
        if other and not is_own(other) and shaped_like_group(other):
            return True
    subject = name_before(sentence, position)
    if not subject or is_own(subject) or subject in NOT_NAME_WORDS:
        return False
    if re.fullmatch(r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}", subject):
        return False  # "a congress held in May 2025 decided to ...": a date, not a subject
    return (
        re.fullmatch(
            r"\s*(?:had\s+|has\s+|was\s+|were\s+)?",
            sentence[sentence.rfind(subject, 0, position) + len(subject) : position],
        )
        is not None
    )


def _event_kind(key, sentence, mention, is_formation, is_termination):
    if is_formation:
        return "formation"
    if is_termination:
        return "termination"
    if key == "references":
        return "publication"
    if is_context(sentence, mention):
        return "context"
    if key == "size_details":
        return "size_report"
    return _cue_kind(sentence)


@lru_cache(maxsize=256)  # asked once for every date of the sentence
def _cue_kind(sentence):
    for kind, cue in KIND_CUES:
        if cue.search(sentence):
            return kind
    return "other"


# Words that say a group went on, or came back, after the date an end would be read from.
# Signs that the group went on after an end the text gives; each branch with the words it
# needs (lower case), so that a statement holding none of them is not searched at all.
STILL_ACTIVE_BRANCHES = [
    (
        ("still",),
        r"still\s+(?:active|in\s+place|operat\w*|exists?|existed|a\s+PGM|pro-government)",
    ),
    # "killings attributed to the squad were still being reported"; "parts of its network
    # may have survived in dormant form".
    (("still",), r"still\s+being\s+(?:reported|carried\s+out|recorded|committed)"),
    (
        ("survived",),
        r"(?:parts|remnants|elements|cells)\s+of\s+(?:its|their|the)\s+(?:\w+\s+)?"
        r"(?:may\s+have\s+|have\s+|had\s+)?survived",
    ),
    (("remain",), r"remain(?:ed|s)?\s+active"),
    (("again",), r"(?:has\s+been|is|was|became)\s+(?:one|a\s+PGM)\s+again"),
    (("again",), r"again\s+(?:a\s+PGM|active)"),
    (("since",), r"since\s+then\s+(?:again\s+)?active"),
    (("end",), r"no\s+(?:explicit|clear)\s+end"),
    (("unconfirmed",), r"unconfirmed"),
    (("formed", "activated", "emerged"), r"re-?(?:formed|activated|emerged)"),
    (("revived",), r"revived"),
    (
        ("resumed",),
        r"resumed\s+(?:its\s+|their\s+)?(?:operations|activities|attacks|campaign|armed\s+struggle)",
    ),
    (
        ("resurfaced", "reappeared"),
        r"(?:it|they|the\s+(?:group|militia|movement|organi[sz]ation))\s+(?:later\s+|soon\s+)?"
        r"(?:resurfaced|reappeared)",
    ),
    (("stayed", "remain"), r"(?:other\s+)?(?:cells|units|members)\s+(?:stayed|remained)\s+active"),
    (("stayed",), r"stayed\s+active(?!\s+(?:until|till|to|through)\b)"),
    (("operated",), r"later\s+operated\s+as"),
    # "banned the group in 1995, but it continued its attacks for years afterwards".
    (
        ("continued", "carried", "kept"),
        r"but\s+(?:it|they|the\s+(?:group|militia|movement|organi[sz]ation))\s+(?:\w+\s+)?"
        r"(?:continued|carried\s+on|kept\s+(?:up|on))",
    ),
    (
        ("continued",),
        r"continued\s+(?:to\s+operate|operating)\s+(?:underground|clandestinely|in\s+secret)",
    ),
    # "but the corps continues to exist"; "The group continued under Bahawal Khan".
    (
        ("continues", "continued"),
        r"(?:continues|continued)\s+to\s+(?:exist|operate|function|be\s+active)",
    ),
    (
        ("continued",),
        r"(?:it|they|the\s+(?:group|militia|movement|organi[sz]ation|corps|force|unit|brigade))"
        r"\s+continued\s+(?:under|as|with)\b",
    ),
    # "dissolved the FLNC by decree, but the ban had little effect on its campaign".
    (
        ("effect", "impact"),
        r"\b(?:ban|dissolution|decree|order|proscription)\s+had\s+(?:little|no|only\s+(?:a\s+)?"
        r"limited)\s+(?:effect|impact)",
    ),
]
STILL_ACTIVE_RE, STILL_ACTIVE_WORDS = gated_alternatives(STILL_ACTIVE_BRANCHES, re.I)


# "The end of the PGM is coded on ...", "the PGM is coded as ending in 2010": the
# description states its end outright.
CODED_END_RE = re.compile(
    r"\b(?:end|termination)\s+(?:of\s+(?:the|its)\s+(?:PGM|group|militia)\s+(?:period\s+)?)?"
    r"(?:is|was|has\s+been)\s+(?:coded|dated|set)\b|"
    r"\b(?:is|was|has\s+been)\s+coded\s+as\s+(?:ending|ended|having\s+ended|over)\b",
    re.I,
)

# "began to be disbanded", "launched a demobilisation programme": an end under way, not done.
END_BEGUN_RE = re.compile(
    r"\b(?:began|begun|started)\s+to\s+(?:be\s+)?(?:disband|demobili[sz]|dissolv|dismantl|"
    r"disarm)\w*|\blaunched\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:demobili[sz]ation|"
    r"disarmament|DDR)\b",
    re.I,
)


def _choose_dates(analysis, formation_sections, termination_sections, fallback, is_own):
    """Formation and termination, each (date, statement offset) or None, and the doubts.

    Precision before recall: where the text gives two readings of an end (two different
    years, or an end and a later sign of life), neither is asserted; both become a doubt
    for a curator to settle.
    """
    formation_pool, termination_pool = [], []
    termination_texts = []
    coded_ends, ends_begun, bans = set(), set(), set()  # offsets of statements
    sections = {}  # offset of a statement -> its section
    for statement in analysis.sentences:
        key, sentence, offset, mentions = (
            statement.section,
            statement.text,
            statement.offset,
            statement.dates,
        )
        if key in termination_sections:
            termination_texts.append(sentence)
        if not mentions:
            continue
        # "was active in the First Austrian Republic from 1920 to 1936": its whole span.
        for span in _active_spans(sentence, mentions, is_own, ACTIVE_RE):
            if key in formation_sections:
                formation_pool.append((span, offset))
            if key in termination_sections:
                termination_pool.append((span, offset))
        # "an organisation active from 1977 to 1981": where it began (its end is left to
        # what the text says of it: the lead's span is often where the article's facts stop).
        if key in formation_sections:
            formation_pool += [
                (span, offset)
                for span in _active_spans(sentence, mentions, is_own, ACTIVE_PARTICIPLE_RE)
            ]
        if key in formation_sections:
            formation_pool += [
                # The founder is often the subject: "The army created the militia in 1991".
                (m, offset)
                for m in _anchored(sentence, mentions, FORMATION_ANCHOR_RE, own_founding=is_own)
                # "emerged after the demobilisation of the AUC between 2003 and 2006": the
                # date of what came before it.
                if not AFTER_EVENT_BEFORE_DATE_RE.search(sentence, max(0, m.start - 100), m.start)
            ]
        if key in termination_sections:
            ends = _anchored(sentence, mentions, TERMINATION_ANCHOR_RE, is_own)
            termination_pool += [(m, offset) for m in ends]
            sections[offset] = key
            anchors = [a.group() for a in TERMINATION_ANCHOR_RE.finditer(sentence)] if ends else []
            if anchors and all(BAN_RE.fullmatch(anchor) for anchor in anchors):
                bans.add(offset)
            coded = CODED_END_RE.search(sentence)
            stated = [m for m in mentions if coded and m.start >= coded.end()]
            if stated:
                coded_ends.add(offset)
                if not any(o == offset and m in stated for m, o in termination_pool):
                    termination_pool.append((stated[0], offset))
            elif END_BEGUN_RE.search(sentence):
                ends_begun.add(offset)
    doubts = []
    formation = _formation_of(formation_pool, fallback)
    # "The Tajik government banned the group in 2012": outside a field about its end, a ban
    # alone is one reading of an end, not the end (a field "Details of Termination" that
    # gives a ban gives it as the end).
    banned_only = [
        item
        for item in termination_pool
        if item[1] in bans and sections[item[1]] not in ("termination",)
    ]
    if banned_only and len(banned_only) == len(termination_pool) and not coded_ends:
        doubts.append(("termination", banned_only, None))
        termination_pool = []
    if fallback and not formation:
        dates = _all_dates(analysis, "formation")
        if len({m.year for m, _ in dates}) == 1:
            formation = dates[0]
        elif dates:
            doubts.append(("formation", sorted(dates, key=lambda item: item[0].earliest), None))
    coded = [item for item in termination_pool if item[1] in coded_ends]
    if coded:
        termination_pool = coded  # "The end of the PGM is coded on November 12, 1994"
    started = [item for item in termination_pool if item[1] in ends_begun]
    if started and len(started) < len(termination_pool):
        # "began to be disbanded in 2002 ... only finished in 2003": the end is when it was done.
        termination_pool = [item for item in termination_pool if item not in started]
    termination = min(termination_pool, key=lambda item: (item[1], item[0].start), default=None)
    if fallback and not termination:
        termination_pool = _all_dates(analysis, "termination")
        termination = termination_pool[0] if termination_pool else None
        # "Police raids in 2013 ... The group was not disbanded": the field denies an end,
        # so its year is no end to assert (a curator may still read one there). A crackdown
        # alone is not enough: the field's year is usually the end the arrests brought.
        denied = next((t for t in termination_texts if _denies_end(t)), None)
        if termination and denied:
            doubts.append(("termination", termination_pool, denied))
            return _finish_dates(formation, None, doubts)
    # An interval ends in its last year ("from 1920 to 1936" and "October 1936" agree).
    years = {interval_part(m, -1).year for m, _ in termination_pool if m.year}
    if formation and termination and termination[0].latest < formation[0].earliest:
        termination = None
    # (Only read where there is an end to doubt.)
    still = termination and next(
        (
            t
            for t in termination_texts
            if holds_any(t, STILL_ACTIVE_WORDS) and STILL_ACTIVE_RE.search(t)
        ),
        None,
    )
    if termination and (len(years) > 1 or still):
        readings = sorted(termination_pool or [termination], key=lambda item: item[0].earliest)
        doubts.append(("termination", readings, still))
        termination = None
    return _finish_dates(formation, termination, doubts)


ACTIVE_RE = re.compile(
    r"\b(?:was|were|had\s+been|remained)\s+(?:active|(?:a\s+)?PGMs?|pro-government)\b", re.I
)
ACTIVE_PARTICIPLE_RE = re.compile(
    r"\b(?:organi[sz]ation|group|militia|movement|army|front|party|force|guerrillas?),?\s+active\b",
    re.I,
)


def _active_spans(sentence, mentions, is_own, active_re):
    """The interval right after "was active" ("from 1920 to 1936") in a clause about us."""
    spans = []
    if "active" not in sentence and "PGM" not in sentence and "pro-gov" not in sentence:
        return spans
    for active in active_re.finditer(sentence):
        if _another_subject(sentence, active.start(), is_own):
            continue
        clause_end = CLAUSE_END_RE.search(sentence, active.end())
        limit = min(active.end() + 80, clause_end.start() if clause_end else len(sentence))
        span = next((m for m in mentions if active.end() <= m.start < limit), None)
        if span and "/" in span.edtf and not is_context(sentence, span):
            spans.append(span)
    return spans


def _finish_dates(formation, termination, doubts):
    # "existed from 1917 to 1944": it began at the interval's start and ended at its end.
    if formation:
        formation = (interval_part(formation[0], 0), formation[1])
    if termination:
        termination = (interval_part(termination[0], -1), termination[1])
    return formation, termination, doubts


def _negated(sentence, anchor):
    """ "never formally dissolved", "was not disbanded"; but "not disbanded until 1995" was,
    in 1995."""
    return bool(
        NEGATION_BEFORE_RE.search(sentence[max(0, anchor.start() - 30) : anchor.start()])
    ) and not NOT_UNTIL_RE.match(sentence, anchor.end())


def _denies_end(sentence):
    """ "The group was not disbanded", "never formally dissolved": the sentence, quoted."""
    for anchor in TERMINATION_ANCHOR_RE.finditer(sentence):
        if _negated(sentence, anchor) or UNPROVEN_BEFORE_RE.search(sentence, 0, anchor.start()):
            return sentence  # also "called for it to be disbanded": asked for, not done
    return None


def _formation_of(pool, first_sentence_wins):
    """The earliest anchored date; in an article, where years differ, the earliest
    sentence's (the lead states the founding; later ones speak of forerunners). A finer
    date inside the one chosen says more ("in the mid-1990s ... around 1994")."""
    if not pool:
        return None
    if not first_sentence_wins and len({m.year for m, _ in pool}) > 1:
        first = min(offset for _m, offset in pool)
        pool = [item for item in pool if item[1] == first]
    chosen = min(pool, key=lambda item: (item[0].earliest, item[1]))
    if chosen[0].precision in COARSE_PRECISIONS:
        inside = [
            item
            for item in pool
            if item[0].precision not in COARSE_PRECISIONS
            and chosen[0].earliest <= item[0].earliest <= item[0].latest <= chosen[0].latest
        ]
        if len({item[0].year for item in inside}) == 1:
            return min(inside, key=lambda item: item[0].earliest)
    return chosen


COARSE_PRECISIONS = {"decade", "century"}


def _all_dates(analysis, section):
    """A field's dates, for a field with no sentence saying how the group began or ended:
    its date stands only where they give one year; several years are several readings."""
    return [
        (mention, statement.offset)
        for statement in analysis.sentences
        if statement.section == section
        for mention in statement.dates
        if not is_context(statement.text, mention)
    ]


def _size(analysis, sections, lenient):
    best = None
    for statement in analysis.sentences:
        if statement.section not in sections:
            continue
        for figure in strength_figures(statement.text, lenient=lenient):
            if best is None or figure.value > best[0].value:
                best = (figure, statement)
    if best is None:
        return None, "", None, None
    figure, statement = best
    sentence = statement.text
    dates = [d for d in statement.dates if not is_context(sentence, d)]
    when = min(dates, key=lambda d: abs(d.start - figure.start)) if dates else None
    return figure.value, sentence, when, statement


def _build_events(analysis, formation, termination):
    """One event per date mention; `formation` and `termination` are (date, offset) or None."""
    events = []
    for key, sentence, offset, markers, mentions, _end in analysis.sentences:
        for mention in mentions:
            kind = _event_kind(
                key,
                sentence,
                mention,
                formation == (mention, offset),
                termination == (mention, offset),
            )
            events.append(
                ParsedEvent(
                    mention, sentence, kind, key, offset + mention.start, sorted(set(markers))
                )
            )
    return events


def _relations_and_aliases(analysis, own_names, alias_texts):
    alias_reader = AliasReader(own_names)
    offset = 0
    for text in alias_texts:
        alias_reader.read(text, offset)
        offset += len(text) + 2
    aliases, claims = alias_reader.result()
    document = analysis.text()
    relation_reader = RelationReader(list(own_names) + aliases, document)
    for statement in analysis.sentences:
        if statement.section != "references":
            relation_reader.read_sentence(statement.text, statement.offset)
    return aliases, claims, relation_reader.relations, relation_reader.is_own


def _mentions(analysis, locator, relations, is_own, own_names):
    """Every other organisation the text names, with the sentence it is named in."""
    for relation in relations:
        relation.evidence = locator.statement_at(relation.position)
    reader = MentionReader(is_own, own_names)
    for statement in analysis.sentences:
        if statement.section != "references":
            reader.learn_expansions(statement.text)
    for statement in analysis.sentences:
        if statement.section != "references":
            reader.read(statement.text, locator.of(statement), statement.section)
    for relation in relations:
        reader.add_relation_target(relation)
    mentions = reader.result()
    add_learned_ties(mentions, relations, own_names)
    return mentions, list(reader.variants.values())


def _parse_guidebook(title, title_line, field_list, text):
    fields = _merge_fields(field_list)
    name, title_codes, title_extra = _split_title(title)
    codes = []
    if "country" in fields and not _is_unknown(fields["country"].value):
        codes = countries.codes_in_list(one_line(fields["country"].value))
    for code in title_codes:
        if code not in codes:
            codes.append(code)
    sections, unknown = {}, []
    analysis = Analysis()
    for key, field in fields.items():
        if key in ("country", "aliases"):
            continue
        if _is_unknown(field.value):
            unknown.append(key)
            continue
        if key != "references":
            sections[key] = field.value
        analysis.read_section(
            key,
            field.value.replace("\n", " ") if key != "references" else field.value,
            field.offset,
        )
    if not codes:
        body = analysis.text()
        codes = countries.place_of(body, body[:400]) or place_of_known_groups(body[:400])

    stated = []
    if "aliases" in fields and not _is_unknown(fields["aliases"].value):
        stated = [one_line(a) for a in re.split(r"[;,\n]", fields["aliases"].value) if a.strip()]
    title_extra = [*_title_alternatives(name), *title_extra]
    own_names = [name, *title_extra, *stated]
    alias_texts = [
        plain_quotes(one_line(MARKER_RE.sub("", f.value)))
        for k, f in fields.items()
        if k not in ("references", "country", "aliases")
    ]
    aliases, claims, relations, is_own = _relations_and_aliases(analysis, own_names, alias_texts)
    operated_in = _operated_in(analysis, is_own, codes) if codes else {}
    codes += list(operated_in)
    aliases = _unique([*title_extra, *stated, *aliases], name)
    aliases = _unique([*aliases, *_names_in_use(analysis, name, aliases, is_own)], name)

    formation, termination, date_doubts = _choose_dates(
        analysis, {"formation"}, {"termination"}, True, is_own
    )
    if "termination" in unknown or "termination" not in fields:
        termination = None
    if "size_details" in fields:
        size, size_text, size_date, size_statement = _size(analysis, {"size_details"}, lenient=True)
    else:
        size, size_text, size_date, size_statement = _size(
            analysis, set(LABELS.values()) - {"references"}, lenient=False
        )
    references = []
    if "references" in fields and not _is_unknown(fields["references"].value):
        references = _reference_lines(fields["references"])
    locator = Locator(text, analysis.sentences)
    mentions, variants = _mentions(analysis, locator, relations, is_own, [name, *aliases])
    aliases = _unique([*aliases, *variants], name)
    title_evidence = locator.whole_line(title_line)
    evidence = {"kind": title_evidence}  # the guidebook lists pro-government militias only
    country_line = (
        locator.whole_line(fields["country"].line) if "country" in fields else title_evidence
    )
    for code in codes:
        evidence[f"country:{code}"] = (
            locator.of(operated_in[code])
            if code in operated_in
            else title_evidence
            if code in title_codes and "country" not in fields
            else country_line
        )
    alias_lines = {alias: title_evidence for alias in title_extra}
    if stated:
        alias_lines.update({alias: locator.whole_line(fields["aliases"].line) for alias in stated})
    evidence.update(
        _evidence(locator, formation, termination, size_statement, aliases, alias_lines, relations)
    )
    return ParsedProfile(
        format=GUIDEBOOK,
        title=title,
        name=name,
        countries=sorted(codes),
        kind="pro_government_militia",
        status="inactive" if termination else "unknown",
        formation=formation[0] if formation else None,
        termination=termination[0] if termination else None,
        size=size,
        size_text=size_text,
        size_date=size_date,
        sections=sections,
        aliases=aliases,
        match_keys=_match_keys(title, name),
        alias_claims=claims,
        events=_build_events(analysis, formation, termination),
        references=references,
        citations=[],
        relations=relations,
        evidence=evidence,
        mentions=mentions,
        doubts=_doubts(locator, date_doubts),
    )


SHORT_NAME_MIN_USES = 2


def _names_in_use(analysis, name, aliases, is_own):
    """Names the text uses for the group without introducing them: its acronym ("the
    ANG" for the Arab Nationalist Guard) and a short form used throughout ("the Lions" for
    the Macedonian Lions, "the Rakkhi Bahini")."""
    text = " ".join(s.text for s in analysis.sentences if s.section != "references")
    found = []
    longs = [own for own in [name, *aliases] if not is_acronym(own)]
    ours = {canonical_key(own) for own in [name, *aliases]} - {None}
    for token in dict.fromkeys(ACRONYM_TOKEN_RE.findall(text)):
        # Another organisation's acronym is not ours, unless the data file says it is.
        if is_own(token) or (token in known_names() and canonical_key(token) not in ours):
            continue
        if any(abbreviates(token, own) for own in longs):
            found.append(token)
    words = name.split()
    # "the Resistance" for the Bougainville Resistance Force: the name's last words, or
    # those before its head word.
    shorts = [words[start:] for start in range(1, len(words))]
    if len(words) > 2 and words[-1] in HEAD_WORDS:
        shorts.append(words[-2:-1])
    for part in shorts:
        short = " ".join(part)
        if short in found or (part == words[-1:] and short in HEAD_WORDS):
            continue  # "the Force" alone says nothing
        if not short[0].isupper() or short in NOT_NAME_WORDS:
            continue
        if f"he {short}" not in text:
            continue
        # Not inside a longer name: "the Movement for the Liberation of the Enclave of
        # Cabinda" uses no "Liberation of the Enclave of Cabinda" of ours.
        uses = re.findall(
            rf"(?<!\bfor )(?<!\bof )(?<!\bin )\b[Tt]he {re.escape(short)}\b(?!\s+[A-Z])", text
        )
        # One word must be used at least twice to be a name; two words once.
        if len(uses) >= (SHORT_NAME_MIN_USES if len(part) == 1 else 1):
            found.append(short)
            break
    short = _leading_short_form(text, words)
    if short and short not in found:
        found.append(short)
    return found


# What may follow a group's name in a clause: a verb or a linking word, not a noun
# ("the South Lebanon conflict" names a war).
CLAUSE_GOES_ON = (
    r"(?:of|and|or|in|on|to|from|with|was|were|is|are|had|has|have|would|could|did|also|"
    r"then|who|which|that|as|at|for|by|\w+ed)\b"
)


COMPASS_WORDS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                 "Upper", "Lower", "Central", "Greater"}  # fmt: skip


def _leading_short_form(text, words):
    """ "the Unión Juvenil" for the Unión Juvenil Cruceñista, "the Tigers" for the Tigers
    Militia: the name's first words used alone. One word must stand for the whole name but
    its head words ("Militia") and be used twice; two or more words once."""
    whole_uses = text.count(" ".join(words))
    for end in range(len(words) - 1, 0, -1):
        short = " ".join(words[:end])
        if words[end - 1] in CONNECTORS or not short[0].isupper() or short in NOT_NAME_WORDS:
            continue
        if end == 1 and not all(word in HEAD_WORDS for word in words[1:]):
            continue
        if text.count(short) == whole_uses or is_known_name(short):
            continue  # only ever written inside the whole name
        if words[0] in COMPASS_WORDS or countries.code_for(words[end - 1]):
            continue  # "the South Delta", "the Sudan": a place the group is named after
        # Not followed by the rest of the name nor by another capitalised word, and not
        # after a preposition of place ("in the South Lebanon" is a region).
        rest = re.escape(words[end])
        uses = re.findall(
            rf"(?<!\bin )(?<!\bto )(?<!\bof )(?<!\bfrom )(?<!\bacross )(?<!\bat )"
            rf"\b[Tt]he {re.escape(short)}\b(?!['\u2019-]|\s+[A-Z]|\s+(?:\w+\s+)?(?i:{rest})\b)"
            rf"(?=\s*[,.;:)\]]|\s*$|\s+{CLAUSE_GOES_ON})",
            text,
        )
        if len(uses) >= (SHORT_NAME_MIN_USES if end == 1 else 1):
            return short
    return None


# The lookbehind comes after the first capital (it tests the character before it all the
# same), so that the search jumps from capital to capital.
ACRONYM_TOKEN_RE = re.compile(r"[A-Z](?<![\w/-][A-Z])[A-Z]{1,7}(?![\w/-])")


# A verb of the group acting somewhere: the countries it names after "in" are where the
# group was active ("fought ... in Croatia in 1991 and in eastern Bosnia in 1992").
OPERATED_RE = re.compile(
    r"\b(?:fought|fighting|operated|operating|operates|deployed|active|involvement|intervened|"
    r"took\s+part|carried\s+out|raided|attacked|campaigned|sent|dispatched|headquarters|"
    r"headquartered|based|struck|moved|relocated|spread|expanded|"
    r"carried\s+(?:its|their)\s+(?:war|campaign|fight|struggle|attacks))\b(?<!the\sfighting)",
    re.I,
)
# One of these starts every verb of OPERATED_RE.
OPERATED_WORDS = ("fought", "fighting", "operat", "deployed", "active", "involvement",
                  "intervened", "took", "carried", "raided", "attacked", "campaigned", "sent",
                  "dispatched", "headquarter", "based", "struck", "moved", "relocated",
                  "spread", "expanded")  # fmt: skip
PLACE_AHEAD_RE = re.compile(
    r"\b(?:in|into|inside|within|across|throughout|to)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}[A-Z]"
)
# Where the verb's clause ends: what follows speaks of something else ("because members of
# their family had been murdered in North Korea").
CLAUSE_END_RE = re.compile(
    r"\b(?:because|after|before|when|while|whereas|although|since|who|which|whose|until|as)\b|[;(]"
)
# "in Algeria and in metropolitan France", "inside Israel", "in southeastern Poland".
PLACE_BEFORE_RE = re.compile(
    r"\b(?:in|into|inside|within|across|throughout|to)\s+(?:the\s+)?"
    r"(?:(?:(?:north|south)[\s-]?(?:east|west)|north|south|east|west|central|upper|lower)(?:ern)?"
    r"(?:[\s-]+(?:north|south|east|west)(?:ern)?)?\s+|(?:metropolitan|mainland)\s+)?$|"
    # "based mainly in the Qandil mountains of northern Iraq".
    r"\b(?:mountains|hills|highlands|jungles?|forests?|border\s+areas?)\s+of\s+"
    r"(?:(?:north|south|east|west)(?:ern)?\s+)?$",
    re.I,
)


PEOPLE_OF_GROUP_RE = re.compile(
    r"\b(?:members|mercenaries|fighters|veterans|recruits|leaders?|cadres|volunteers|officers|"
    r"commanders?|activists|militants)\b",
    re.I,
)


# Some of its people, not the group: "many of its members", "former fighters".
SOME_PEOPLE_RE = re.compile(
    r"\b(?:many|some|several|few|a\s+few|hundreds|thousands|dozens|former|individual|most|"
    r"other|certain|members|mercenaries|volunteers|veterans|exiles|recruits)\b",
    re.I,
)


def _operated_in(analysis, is_own, codes):
    """(code, statement) of each further country a sentence says the group was active in."""
    found = {}
    for statement in analysis.sentences:
        text = statement.text
        verb = None
        if statement.section != "references" and holds_any(text, OPERATED_WORDS):
            verb = OPERATED_RE.search(text)
        if not verb:
            continue
        clause_end = CLAUSE_END_RE.search(text, verb.end())
        limit = clause_end.start() if clause_end else len(text)
        if not PLACE_AHEAD_RE.search(text, verb.end(), limit):
            continue  # no "in <Capitalised>" after the verb: nothing to look up
        subject = clause_subject(text, verb.start())
        if not clause_speaks_of(subject, is_own) or (
            PEOPLE_OF_GROUP_RE.search(subject) and SOME_PEOPLE_RE.search(subject)
        ):
            continue  # "many of its members later fought in Spain": people, not the group
        for code, start, _end, demonym in countries.mentions(text):
            if demonym or not verb.end() <= start < limit or code in codes or code in found:
                continue
            if code in countries.HISTORIC_NAMES:
                continue  # "in Yugoslavia": the state of the day, not a further country
            if PLACE_BEFORE_RE.search(text[max(0, start - 40) : start]):
                found[code] = statement
    return found


def _doubts(locator, date_doubts):
    """The parser's doubts, each reading with the sentence it rests on."""
    doubts = []
    for field_name, readings, still in date_doubts:
        candidates, seen = [], set()
        for date, offset in readings:
            if date.edtf in seen:
                continue
            seen.add(date.edtf)
            candidates.append(
                Candidate(f"{date.edtf} ({date.text})", date, locator.statement_at(offset))
            )
        reason = f"the text gives more than one year for the {'end' if field_name == 'termination' else 'founding'}"
        if still:
            reason = f'the text says the group went on: "{still}"'
            candidates.append(Candidate("no end (still active)", None, None))
        doubts.append(ParsedDoubt(field_name, reason, candidates))
    return doubts


def _evidence(locator, formation, termination, size_statement, aliases, known, relations):
    """Evidence of the values both formats read from sentences (ties get theirs with the
    mentions)."""
    evidence = {}
    if formation:
        evidence["formation"] = locator.statement_at(formation[1])
    if termination:
        evidence["termination"] = locator.statement_at(termination[1])
        evidence["status"] = evidence["termination"]
    if size_statement:
        evidence["size"] = locator.of(size_statement)
    for alias in aliases:
        found = known.get(alias) or locator.first_naming(alias)
        if found:
            evidence[f"alias:{alias}"] = found
    return evidence


def _reference_lines(field):
    references = []
    position = field.offset
    for part in re.split(r";|\n", field.value):
        label = one_line(part).strip(" .")
        if not label:
            continue
        url = URL_RE.search(label)
        references.append(
            ParsedReference(None, label, url.group().rstrip(".") if url else "", position)
        )
        position += len(part) + 1
    return references


def _parse_encyclopedia(title, title_line, text, offset):
    body = text[offset:]
    if not body.strip():
        raise ParseError(title_line, "no profile text after the title")
    # An article's title is its name as written, "Colectivo (Venezuela)" included; a
    # parenthesis may still say where the group is, or give another name.
    short_name, title_codes, title_extra = _split_title(title)
    name = title
    # "Razakars (Hyderabad)", where the text says "the princely state of Hyderabad": a place
    # that tells namesakes apart, not another name.
    title_extra = [
        extra
        for extra in title_extra
        if not re.search(rf"\b(?:in|of|from)\s+(?:the\s+)?{re.escape(extra)}\b", body)
    ]
    title_extra = [*_title_alternatives(short_name), *title_extra]
    analysis = Analysis()
    analysis.read_section("narrative", body, offset)
    plain = analysis.text()
    first_paragraph = analysis.text(2)
    codes = (
        title_codes
        or countries.place_of(plain, first_paragraph)
        or place_of_known_groups(first_paragraph)
    )

    match_keys = _match_keys(title, name)
    if short_name not in match_keys:
        match_keys.append(short_name)
    own_keys = {name_key(n) for n in [name, *title_extra, *match_keys]}
    # "Armed Islamic Group of Algeria", opened by "The Armed Islamic Group (GIA, ...)": the
    # title's country is no part of the name the article uses.
    of_country = re.fullmatch(r"(?P<name>.+?)\s+(?:of|in)\s+(?P<place>[A-Z][\w' -]+)", short_name)
    if (
        of_country
        and countries.code_for(of_country.group("place"))
        and len(of_country.group("name").split()) >= 2
        and analysis.sentences
        # Used alone, not only as the start of the whole title.
        and re.search(
            re.escape(of_country.group("name")) + r"(?!\s+(?:of|in)\s)", analysis.sentences[0].text
        )
    ):
        title_extra.append(of_country.group("name"))
        own_keys.add(name_key(of_country.group("name")))
    if analysis.sentences:
        title_extra += opening_names(analysis.sentences[0].text, lambda n: name_key(n) in own_keys)
    own_names = [name, *title_extra, *match_keys]
    paragraphs = [
        plain_quotes(one_line(MARKER_RE.sub("", p)))
        for p in re.split(r"\n\s*\n", body)
        if p.strip()
    ]
    aliases, claims, relations, is_own = _relations_and_aliases(analysis, own_names, paragraphs)
    codes = list(codes)
    codes += list(_operated_in(analysis, is_own, codes) if codes else {})
    aliases = _unique([*title_extra, *aliases], name)
    aliases = _unique([*aliases, *_names_in_use(analysis, name, aliases, is_own)], name)
    formation, termination, date_doubts = _choose_dates(
        analysis, {"narrative"}, {"narrative"}, False, is_own
    )
    size, size_text, size_date, size_statement = _size(analysis, {"narrative"}, lenient=False)

    references, seen = [], set()
    for number, position in analysis.markers_in_order:
        if number not in seen:
            seen.add(number)
            references.append(
                ParsedReference(number, f"Note {number} of the source article", "", position)
            )
    references.sort(key=lambda r: r.marker)
    locator = Locator(text, analysis.sentences)
    mentions, variants = _mentions(analysis, locator, relations, is_own, [name, *aliases])
    # "Popular Forces" of the title "Popular Forces (Gaza)" is its name, not another one (it
    # still finds the group: it is a match key).
    aliases = [
        a for a in _unique([*aliases, *variants], name) if name_key(a) != name_key(short_name)
    ]
    title_evidence = locator.whole_line(title_line)
    evidence = {}
    for code in codes:
        found = title_evidence if code in title_codes else locator.first_placing(code)
        if found:
            evidence[f"country:{code}"] = found
    kind, kind_evidence = _encyclopedia_kind(analysis, relations, locator)
    if kind_evidence:
        evidence["kind"] = kind_evidence
    opening = analysis.sentences[0] if analysis.sentences else None
    status = "unknown"
    if termination:
        status = "inactive"
    elif opening and re.search(r"\b(?:is|are)\s+an?\b", opening.text):
        status = "active"
        evidence["status"] = locator.of(opening)
    evidence.update(
        _evidence(
            locator,
            formation,
            termination,
            size_statement,
            aliases,
            {alias: title_evidence for alias in title_extra},
            relations,
        )
    )
    return ParsedProfile(
        format=ENCYCLOPEDIA,
        title=title,
        name=name,
        countries=sorted(codes),
        kind=kind,
        status=status,
        formation=formation[0] if formation else None,
        termination=termination[0] if termination else None,
        size=size,
        size_text=size_text,
        size_date=size_date,
        sections={"narrative": body.strip("\n")},
        aliases=aliases,
        match_keys=match_keys,
        alias_claims=claims,
        events=_build_events(analysis, formation, termination),
        references=references,
        citations=analysis.citations,
        relations=relations,
        evidence=evidence,
        mentions=mentions,
        doubts=_doubts(locator, date_doubts),
    )


# The kind an encyclopedia text gives its group, tried in order: (kind, cue, opening only).
ARMED_WING_RE = re.compile(r"\b(?:militant|armed|military)\s+wing\b", re.I)
KIND_RULES = [
    ("party_militant_wing", ARMED_WING_RE, False),
    ("party_militant_wing", re.compile(r"\bparty\b", re.I), True),
    ("vigilante_group", re.compile(r"\bvigilante", re.I), True),
    ("paramilitary_organisation", re.compile(r"\bparamilitary\b", re.I), True),
    ("pro_government_militia", re.compile(r"\bmilitias?\b", re.I), True),
]


def _encyclopedia_kind(analysis, relations, locator):
    """(kind, the evidence it was read from, or None)."""
    splinter = next((r for r in relations if r.relation == "splinter_of"), None)
    if splinter:
        return "splinter_faction", locator.statement_at(splinter.position)
    statements = analysis.sentences
    for kind, cue, opening_only in KIND_RULES:
        for statement in statements[:1] if opening_only else statements:
            if cue is ARMED_WING_RE and not holds_any(statement.text, ("wing",)):
                continue  # (a cheaper test first)
            if cue.search(statement.text):
                return kind, locator.of(statement)
    return "armed_group", None


def _match_keys(title, name):
    """Names that find this group without being shown as aliases: "MQM" for "MQM militancy"."""
    keys = [name]
    stem = TITLE_SUFFIX_RE.match(name)
    if stem:
        found = name_at(stem.group("name"), 0)
        if found and found[0] == stem.group("name"):
            keys.append(found[0])
    if title != name:
        keys.append(title)
    return keys


def _unique(names, own):
    seen = {name_key(own)}
    unique = []
    for name in names:
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            unique.append(name)
    return unique
