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
    AliasReader,
    abbreviates,
    clause_speaks_of,
    clause_subject,
    is_acronym,
    name_before,
    opening_names,
    strip_opening,
)
from profiles.parsing.dates import find_dates, is_context
from profiles.parsing.evidence import Locator
from profiles.parsing.known_names import (
    canonical_key,
    is_known_name,
    known_names,
    place_of_known_groups,
)
from profiles.parsing.mention_model import drop_unlikely_mentions
from profiles.parsing.mentions import MentionReader
from profiles.parsing.names import CONNECTORS, HEAD_WORDS, NOT_NAME_WORDS, name_at, name_key
from profiles.parsing.periods.choosing import choose_dates
from profiles.parsing.relations import RelationReader, shaped_like_group
from profiles.parsing.sizes import strength_figures
from profiles.parsing.text import (
    CLAUSE_END_RE,
    MARKER_RE,
    holds_any,
    may_match,
    normalise,
    one_line,
    plain_quotes,
    split_sentences,
)
from profiles.parsing.ties import FeatureReader, add_learned_ties
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


YEARS_RE = re.compile(r"(?:c\.\s*)?\d{4}s?(?:\s*[-\u2013\u2014]\s*(?:\d{4}|present))?")


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
        elif (
            inner
            and not inner.islower()
            and not DISAMBIGUATOR_RE.search(inner)
            and not YEARS_RE.fullmatch(inner)
        ):
            # "Grey Wolves (organization)", "Minutemen (anti-Communist organization)",
            # "Saor Éire (1967–1975)": a disambiguator, no name.
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
        if may_match(cue, sentence) and cue.search(sentence):  # (a cheap test first)
            return kind
    return "other"


# "the Mong Tai Army (MTA), which had claimed some 20,000 men", "the Red Guard numbered some
# 3,000": a verb of having or counting whose subject is another group.
COUNTED_BEFORE_RE = re.compile(
    r"\b(?:had|has|have|claimed|claims|numbered|numbers|counted|fielded|mustered|boasted)\s+"
    r"(?:(?:some|about|around|roughly|nearly|almost|over|up\s+to|more\s+than|at\s+least|"
    r"perhaps|an\s+estimated|as\s+many\s+as|well\s+over|close\s+to)\s+)?$"
)
CONTRAST_BEFORE_RE = re.compile(r"\b(?:whereas|while|unlike)\s+(?:the\s+)?$", re.I)
RELATIVE_OPENING_RE = re.compile(r"(?:\s*\([^()]*\))?,\s*(?:which|who)\s+(?:had\s+)?$")


def _figure_of_another(sentence, position, is_own):
    """Whether the figure at `position` is counted of another group than ours."""
    counted = COUNTED_BEFORE_RE.search(sentence, max(0, position - 60), position)
    if not counted:
        return False
    verb_at = counted.start()
    relative = RELATIVE_OPENING_RE.search(sentence, 0, verb_at)
    subject_end = relative.start() if relative else verb_at
    subject = name_before(sentence, subject_end)
    if not subject or is_own(subject) or not shaped_like_group(subject):
        return False
    if relative or not counted.group().startswith("claim"):
        return True
    # "Officials claimed some 2,200,000 members", "the FSLN claimed 500,000 members [of its
    # committees]": a claim of our strength; "whereas the EZLN claimed some 3,000": its own.
    return bool(CONTRAST_BEFORE_RE.search(sentence, 0, sentence.rfind(subject, 0, subject_end)))


def _size(analysis, sections, lenient, is_own):
    best = None
    for statement in analysis.sentences:
        if statement.section not in sections:
            continue
        for figure in strength_figures(statement.text, lenient=lenient):
            if _figure_of_another(statement.text, figure.start, is_own):
                continue
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
    return aliases, claims, relation_reader


def _mentions(analysis, locator, relation_reader, own_names):
    """Every other organisation the text names, with the sentence it is named in."""
    relations, is_own = relation_reader.relations, relation_reader.is_own
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
    features = FeatureReader(mentions, own_names)
    add_learned_ties(mentions, relations, own_names, relation_reader.declined, features)
    mentions = drop_unlikely_mentions(mentions, relations, features)
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
        codes = countries.which_congo(codes, body)

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
    aliases, claims, relation_reader = _relations_and_aliases(analysis, own_names, alias_texts)
    relations, is_own = relation_reader.relations, relation_reader.is_own
    operated_in = _operated_in(analysis, is_own, codes) if codes else {}
    codes += list(operated_in)
    aliases = _unique([*title_extra, *stated, *aliases], name)
    aliases = _unique([*aliases, *_names_in_use(analysis, name, aliases, is_own)], name)

    formation, termination, date_doubts = choose_dates(
        analysis, {"formation"}, {"termination"}, True, is_own
    )
    if "termination" in unknown or "termination" not in fields:
        termination = None
    if "size_details" in fields:
        size, size_text, size_date, size_statement = _size(
            analysis, {"size_details"}, lenient=True, is_own=is_own
        )
    else:
        size, size_text, size_date, size_statement = _size(
            analysis, set(LABELS.values()) - {"references"}, lenient=False, is_own=is_own
        )
    references = []
    if "references" in fields and not _is_unknown(fields["references"].value):
        references = _reference_lines(fields["references"])
    locator = Locator(text, analysis.sentences)
    mentions, variants = _mentions(analysis, locator, relation_reader, [name, *aliases])
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
        if f"he {short}" not in text:
            continue  # never "the <short>": no pattern to build and search for it
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
OWN_BASES = (
    r"(?:its|their)\s+(?:(?:rear|forward|main|own|new|remaining)\s+)?(?:bases?|camps?|"
    r"sanctuar(?:y|ies)|hideouts?|strongholds?)|(?:rear|forward)\s+bases"
)
OPERATED_RE = re.compile(
    r"\b(?:fought|fighting|operated|operating|operates|deployed|active|involvement|intervened|"
    r"took\s+part|carried\s+out|raided|attacked|campaigned|sent|dispatched|headquarters|"
    r"headquartered|based|struck|moved|relocated|spread|expanded|"
    r"carried\s+(?:its|their)\s+(?:war|campaign|fight|struggle|attacks)|"
    # "Its camps lay across the border in Bangladesh", "it relied on rear bases in Liberia":
    # where its own bases are, it is active (not "training camps": hosts of its training).
    rf"{OWN_BASES})\b(?<!the\sfighting)",
    re.I,
)
OWN_BASES_RE = re.compile(OWN_BASES, re.I)
# Every match of OPERATED_RE holds one of these ("base" also finds "based" and "bases").
OPERATED_WORDS = ("fought", "fighting", "operat", "deployed", "active", "involvement",
                  "intervened", "took", "carried", "raided", "attacked", "campaigned", "sent",
                  "dispatched", "headquarter", "base", "struck", "moved", "relocated",
                  "spread", "expanded", "camp", "sanctuar", "hideout", "stronghold")  # fmt: skip
ACTIVE_IN_LIST_RE = re.compile(
    r"fought|fighting|operat|active|raided|attacked|campaigned|struck|spread|expanded|carried",
    re.I,
)
# The part of a country a place names ("northern", "south-east", "central"), as a pattern.
COMPASS_PART = r"(?:north|south)[\s-]?(?:east|west)|north|south|east|west|central"
# (an item may carry its part of the country: "in Chad, Niger and northern Cameroon")
LIST_JOINER_RE = re.compile(rf"\s*(?:,\s*and|,\s*or|,|and|or)\s+(?:(?:{COMPASS_PART})(?:ern)?\s+)?")
PLACE_AHEAD_RE = re.compile(
    r"\b(?:in|into|inside|within|across|throughout|to)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}[A-Z]"
)
# "in Algeria and in metropolitan France", "inside Israel", "in southeastern Poland".
PLACE_BEFORE_RE = re.compile(
    r"\b(?:in|into|inside|within|across|throughout|to)\s+(?:the\s+)?"
    rf"(?:(?:{COMPASS_PART}|upper|lower)(?:ern)?"
    r"(?:[\s-]+(?:north|south|east|west)(?:ern)?)?\s+|(?:metropolitan|mainland)\s+)?$|"
    # "based mainly in the Qandil mountains of northern Iraq".
    r"\b(?:mountains|hills|highlands|jungles?|forests?|(?:border\s+)?(?:areas?|regions?))\s+of\s+"
    r"(?:(?:north|south|east|west)(?:ern)?\s+)?$",
    re.I,
)


# What a group went abroad for, when the country only hosted it.
HOSTED_FOR_RE = re.compile(
    r"\s+(?:for|to\s+(?:receive|get|seek|obtain|buy))\s+(?:military\s+|guerrilla\s+)?"
    r"(?:training|arms|weapons|refuge|shelter|sanctuary|talks|negotiations|treatment|supplies|"
    r"exile)\b",
    re.I,
)
PERSON_PRONOUN_BEFORE_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+|later\s+)?$")


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
    congo = None  # which Congo the text means, asked once it names one
    for statement in analysis.sentences:
        text = statement.text
        if statement.section == "references" or not holds_any(text, OPERATED_WORDS):
            continue
        named_countries = None  # (read once, for the first verb that needs them)
        # Each verb in turn: "based in Nigeria that is also active in Chad, Niger and ...".
        for verb in OPERATED_RE.finditer(text):
            clause_end = CLAUSE_END_RE.search(text, verb.end())
            limit = clause_end.start() if clause_end else len(text)
            if not PLACE_AHEAD_RE.search(text, verb.end(), limit):
                continue  # no "in <Capitalised>" after the verb: nothing to look up
            if PERSON_PRONOUN_BEFORE_RE.search(text, max(0, verb.start() - 20), verb.start()):
                continue  # "until he moved to Israel": a person, not the group
            subject = clause_subject(text, verb.start())
            # ("Its camps lay across the border": the possessive opens the clause and is ours)
            opens_with_its = OWN_BASES_RE.fullmatch(verb.group()) and not strip_opening(
                subject
            ).strip(" ,")
            if not opens_with_its and (
                not clause_speaks_of(subject, is_own)
                or (PEOPLE_OF_GROUP_RE.search(subject) and SOME_PEOPLE_RE.search(subject))
            ):
                continue  # "many of its members later fought in Spain": people, not the group
            placed_end = None  # where the last country read as a place ends
            if named_countries is None:
                named_countries = countries.mentions(text)
            for code, start, end, demonym in named_countries:
                if code == "CG":
                    if congo is None:
                        congo = "CD" if countries.means_dr_congo(analysis.text()) else "CG"
                    code = congo
                if demonym or not verb.end() <= start < limit:
                    continue
                # "in Niger and Chad", "into Burkina Faso, Niger and Benin": the list goes
                # on. (Only after a verb of fighting or spreading: a list after
                # "headquarters in" or "deployed in" names hosts and postings more often
                # than theatres.)
                listed = (
                    placed_end is not None
                    and ACTIVE_IN_LIST_RE.match(verb.group())
                    and LIST_JOINER_RE.fullmatch(text, placed_end, start)
                )
                if listed or PLACE_BEFORE_RE.search(text[max(0, start - 40) : start]):
                    placed_end = end
                else:
                    continue
                if HOSTED_FOR_RE.match(text, end):
                    continue  # "marched to China for training and weapons": a host
                if code in codes or code in found or code in countries.HISTORIC_NAMES:
                    continue  # ("in Yugoslavia": the state of the day, not a further country)
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
    codes = title_codes or countries.which_congo(
        countries.place_of(plain, first_paragraph) or place_of_known_groups(first_paragraph),
        plain,
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
    aliases, claims, relation_reader = _relations_and_aliases(analysis, own_names, paragraphs)
    relations, is_own = relation_reader.relations, relation_reader.is_own
    codes = list(codes)
    codes += list(_operated_in(analysis, is_own, codes) if codes else {})
    aliases = _unique([*title_extra, *aliases], name)
    aliases = _unique([*aliases, *_names_in_use(analysis, name, aliases, is_own)], name)
    formation, termination, date_doubts = choose_dates(
        analysis, {"narrative"}, {"narrative"}, False, is_own
    )
    size, size_text, size_date, size_statement = _size(
        analysis, {"narrative"}, lenient=False, is_own=is_own
    )

    references, seen = [], set()
    for number, position in analysis.markers_in_order:
        if number not in seen:
            seen.add(number)
            references.append(
                ParsedReference(number, f"Note {number} of the source article", "", position)
            )
    references.sort(key=lambda r: r.marker)
    locator = Locator(text, analysis.sentences)
    mentions, variants = _mentions(analysis, locator, relation_reader, [name, *aliases])
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
    """The names in order, each once, without `own` (and without a single letter, which is
    a piece of a name, never one: the "S" of "UIC(S)")."""
    seen = {name_key(own)}
    unique = []
    for name in names:
        key = name_key(name)
        if len(key) > 1 and key not in seen:
            seen.add(key)
            unique.append(name)
    return unique
