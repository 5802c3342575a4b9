"""The dates one sentence ties to a verb of founding or of ending, and whose they are."""

import re

from profiles.parsing import countries
from profiles.parsing.aliases import SELF_SUBJECT_RE, clause_subject, name_before, strip_opening
from profiles.parsing.dates import is_context
from profiles.parsing.names import NOT_NAME_WORDS, name_at
from profiles.parsing.periods.cues import (
    AFTER_WHICH_RE,
    COARSE_PRECISIONS,
    DEFINITE_END_RE,
    MERGED_OURS_RE,
)
from profiles.parsing.relations import shaped_like_group
from profiles.parsing.text import may_match

CLAUSE_BREAK_RE = re.compile(
    r",\s+(?:yet|but|and|although|while|whereas|though|then)\b|;|:\s|\s\u2013\s|\s-\s"
)


def clause_of(sentence, position):
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
    # "unclear when the group stopped existing" (not past a comma: "unclear when it was
    # founded, but it was disbanded in 2004")
    r"\b(?:unclear|uncertain|not\s+clear|not\s+known|unknown)\s+when\b[^.;,]*$|"
    # "senators called for it to be disarmed and disbanded": a demand, not an end.
    # ("called on all freedom fighters to hand in their arms")
    r"\b(?:called\s+(?:for|on|upon)|demanded|urged|proposed|threatened|vowed|promised|sought|"
    r"wanted)\b"
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
    # "after the Soviet withdrawal from Afghanistan the group ... faded away": an undated event.
    r"\bafter\s+the\s+(?:[\w-]+\s+)?(?:withdrawal|collapse|fall|defeat|death|end|war|"
    r"ceasefire|agreement|accords?|elections?|invasion|revolution|coup)\b|"
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


RELATIVE_CLAUSE_RE = re.compile(
    r",?\s+(?:who|which|that|whose|whom)\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+|is\s+|"
    r"are\s+)?(?:been\s+)?(?:[a-z]+ly\s+)?"
    # ("which George Habash had founded in December 1967": a named subject of its own)
    r"(?=[a-z]|(?:[A-Z][\w'.-]*\s+){1,4}(?:had\s+|has\s+|have\s+)?[a-z])"
)


def _in_relative_clause(sentence, start, position, is_own):
    """Whether `position` lies in a relative clause ("who ...", "that had ...") opened
    between `start` and it, not closed before it, about another than the group ("the
    Karuna faction, which broke away ...": ours)."""
    opened = max(
        (m for m in RELATIVE_CLAUSE_RE.finditer(sentence, start) if m.end() <= position),
        key=re.Match.start,
        default=None,
    )
    if opened is None:
        return False
    if re.search(r"[;:()]|,\s+(?:and|but)\s", sentence[opened.end() : position]):
        return False
    antecedent = name_before(sentence, opened.start())
    return not (antecedent and is_own(antecedent))


# "the Jewish Defense League (JDL), which Rabbi Meir Kahane had founded": a relative clause
# with a named subject of its own, right before its verb.
NAMED_SUBJECT_RELATIVE_RE = re.compile(
    r",\s+(?:which|that)\s+(?:[A-Z][\w'.-]*\s+){1,5}(?:had\s+|has\s+|have\s+)?(?:[a-z]+ly\s+)?$"
)


def _founded_by_a_named_subject_of_another(sentence, anchor, is_own):
    relative = NAMED_SUBJECT_RELATIVE_RE.search(sentence, 0, anchor.start())
    if not relative:
        return False
    antecedent = name_before(sentence, relative.start())
    return bool(antecedent) and not is_own(antecedent)


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


# What may stand before a date that opens a sentence ("[3] In October 1996 ...").
OPENING_DATE_BEFORE_RE = re.compile(
    r"(?:\[\d+\]\s*)*(?:In|On|By|During|Early\s+in|Late\s+in)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-])?"
)


def anchored_dates(sentence, mentions, anchor_re, is_own=None, own_founding=None, definite=None):
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
    # Most sentences hold none of the words an anchor verb needs: no search for them.
    anchors = list(anchor_re.finditer(sentence)) if may_match(anchor_re, sentence) else []
    if own_founding:
        # Another group's founding claims its date first, before an earlier verb of the
        # sentence could take it ("traces its origins to the KNDO, an armed body that the
        # KNU set up in 1947").
        for anchor in anchors:
            if _founding_of_another(sentence, anchor, own_founding):
                others.add(anchor.start())
                claimed = [m for m in usable if m.start >= anchor.end()][:1]
                usable = [m for m in usable if m not in claimed]
    dated_end = None  # where the last anchor that dated something ends
    for anchor in anchors:
        if own_founding and (
            (
                dated_end is not None
                and _in_relative_clause(sentence, dated_end, anchor.start(), own_founding)
            )
            or _founded_by_a_named_subject_of_another(sentence, anchor, own_founding)
        ):
            # "founded on 12 January 1992 by members of the PSLP who broke away from it in
            # protest at its 1991 ceasefire", "out of the units that had been formed in
            # 1917": a relative clause's founding is its antecedent's.
            continue
        if (
            own_founding
            and anchor.group().lower().startswith("to ")
            and not _own_named_after(sentence, anchor.end(), own_founding)
        ):
            continue  # "a minority left to form the Union of Fighting Communists": another's
        ended = _object_of_end(sentence, anchor, is_own) if is_own else ""
        if ended == "another's":
            continue  # "the army disbanded the Hill Front in 1995": the Hill Front's end
        if is_own and ended != "ours" and another_subject(sentence, anchor.start(), is_own):
            continue
        if is_own and _other_body_subject(clause_subject(sentence, anchor.start())):
            continue  # "Its successor, the Hill Front, was dissolved in 2009": another's end
        if (
            is_own
            and not ended
            and THING_SUBJECT_RE.search(sentence, max(0, anchor.start() - 90), anchor.start())
            and not OBJECT_AFTER_RE.match(sentence, anchor.end())
            # ("After the peace accords of January 1992 the ERP demobilised": ours)
            and not is_own(name_before(sentence, anchor.start()) or "")
        ):
            continue  # "a peace agreement signed in 2015 collapsed in July 2016"
        if anchor_negated(sentence, anchor):
            continue  # "it was never formally dissolved" (but "not disbanded until 2015" was)
        if is_own and PLANNED_END_BEFORE_RE.search(
            sentence, max(0, anchor.start() - 40), anchor.start()
        ):
            continue  # "is scheduled to be disbanded in 2026", "were to be demobilised": a plan
        if UNPROVEN_BEFORE_RE.search(sentence, 0, anchor.start()):
            continue  # "no clear evidence that the group itself was dissolved"
        if is_own and (
            _relative_of_another(sentence, anchor.start(), is_own)
            or _participle_of_another(sentence, anchor, is_own)
        ):
            continue  # "the ALiR, which merged into the FDLR in 2000": the ALiR's end
        if is_own and _merged_into_us(sentence, anchor, is_own):
            continue  # "the RCCI merged into the MCC": another group's end, absorbed by us
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
        clause_start, clause_end = clause_of(sentence, anchor.start())
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
            # (not "grew out of the JDL, which Meir Kahane had founded in 1968": the JDL's)
            after = [
                m
                for m in usable
                if 0 <= m.start - anchor.end() <= 160
                and not _in_relative_of_another(sentence, anchor.end(), m.start)
            ]
            before = [
                m
                for m in usable
                if 0 <= anchor.start() - m.end <= 120
                and not _in_closed_relative(sentence, m, anchor.start())
            ]
            # "In October 1996 Kabila brought the PRP into the (long name), and the party was
            # absorbed into the alliance": a date that opens the sentence dates all of it.
            if (
                not after
                and not before
                and usable
                and OPENING_DATE_BEFORE_RE.fullmatch(sentence, 0, usable[0].start)
            ):
                earlier = [m for m in usable if m.end <= anchor.start()]
                before = earlier if len(earlier) == 1 else []  # (no other date in between)
        if after:
            first = min(after, key=lambda m: m.start - anchor.end())
            nearest = _last_of_list(first, after, sentence) if is_own else first
            found.append(_refined(nearest, usable, sentence))
        elif before:
            first = max(before, key=lambda m: m.end)
            found.append(first)
        else:
            continue
        dated_end = anchor.end()
        # A definite end only where its own clause dates it plainly: the date next to the
        # verb, not one of a list or of an event it followed ("in 1940 its wing founded a
        # party, after which the Samiti gradually ceased to exist").
        if (
            definite is not None
            and in_clause
            and found[-1] == first
            and DEFINITE_END_RE.fullmatch(anchor.group())
            and not AFTER_WHICH_RE.search(
                sentence, min(first.end, anchor.end()), max(first.start, anchor.start())
            )
        ):
            definite.append(first)
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
# "Unlike the Ordine Nuovo, dissolved by decree in November 1973, AN survived": a participle
# set after another group's name (see _participle_of_another).
PARTICIPLE_BEFORE_RE = re.compile(r",\s*(?:(?:later|itself|also|finally|eventually)\s+)?$")
PARTICIPLE_AFTER_RE = re.compile(r"\s+(?:by|in|on|at)\b")


def _participle_of_another(sentence, anchor, is_own):
    """ "the Ordine Nuovo, dissolved by decree in November 1973, ...": the end of the
    organisation the participle is set after."""
    before = PARTICIPLE_BEFORE_RE.search(sentence, 0, anchor.start())
    if not before or not PARTICIPLE_AFTER_RE.match(sentence, anchor.end()):
        return False
    other = name_before(sentence, before.start())
    return bool(other) and not is_own(other) and shaped_like_group(other)


def _relative_of_another(sentence, position, is_own):
    """ "the Army for the Liberation of Rwanda (ALiR), which merged into ...": the verb of a
    relative clause about another group."""
    relative = RELATIVE_BEFORE_RE.search(sentence, 0, position)
    if not relative:
        return False
    antecedent = name_before(sentence, relative.start())
    return bool(antecedent) and not is_own(antecedent)


# "a truth commission set up under President Correa", "a disarmament programme launched in
# 2024", "the Challe offensives that began in 1959": the founding or start of a body or an
# undertaking that no armed group is.
# (Told by the verb's own form, a participle or a relative clause followed by when or how:
# "the law established the Home Guard" is a founding of ours.)
THING_BEFORE_START_RE = re.compile(
    r"\b(?:commissions?|programmes?|programs?|courts?|tribunals?|agreements?|accords?|treaty|"
    r"treaties|funds?|process|plans?|schemes?|initiatives?|operations?|campaigns?|offensives?|"
    r"policy|policies|inquiry|inquiries|investigations?|elections?|"
    # "Its dissolution was announced in 2005": an end announced, not a founding.
    r"dissolution|disbandment|ban|merger|ceasefire|truce|surrender|demobili[sz]ation|"
    r"disarmament|withdrawal)\s+(?:(?:that|which)\s+)?"
    r"(?:(?:was|were|had|has|have|been)\s+)*(?:first\s+|later\s+|then\s+)?$"
)
WHEN_OR_HOW_AFTER_RE = re.compile(r"\s+(?:in|on|under|by|at|after|during|around|between|\d)\b")


def _founding_of_another(sentence, anchor, is_own):
    """ "SCIRI, founded in 1982, ..." or "the army set up the Home Guard in 1962": the
    founding of another group, named right before a passive verb or right after an active one."""
    before = sentence[: anchor.start()]
    if THING_BEFORE_START_RE.search(
        before, max(0, len(before) - 60)
    ) and WHEN_OR_HOW_AFTER_RE.match(sentence, anchor.end()):
        return True
    if _in_appositive_of_another(before, is_own) or _in_subject_of_another(before, is_own):
        return True
    # "After the founding of Israel": a state's founding; "the creation of the autonomous
    # Puntland State", "one of the founding members of the Syrian Democratic Forces": another
    # body's.
    founded = FOUNDING_OF_RE.match(sentence, anchor.end())
    if founded and countries.code_for(founded.group(1)):
        return True
    founded = FOUNDING_OF_ANOTHER_RE.match(sentence, anchor.end())
    if founded and NOUN_OF_FOUNDING_RE.fullmatch(anchor.group()):
        named = name_at(sentence, founded.end())
        if named and not is_own(named[0]):
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
    if antecedent and ATTRIBUTION_BEFORE_RE.search(
        before, 0, before.rfind(antecedent, 0, opened.start())
    ):
        return False  # "According to the ICG, the group was organised in 2013": a source
    return bool(antecedent) and not is_own(antecedent)


def _own_named_after(sentence, position, is_own):
    """Whether the name right after `position` (past an article) is one of the group's."""
    start = re.compile(r"\s*(?:the\s+)?").match(sentence, position).end()
    named = CAPITALISED_RUN_RE.match(sentence, start)
    return bool(named) and is_own(named.group())


# "According to the International Crisis Group, ...", "In the words of X, ...".
ATTRIBUTION_BEFORE_RE = re.compile(
    r"(?:^|[.;]\s*)(?:\[\d+\]\s*)*(?:[Aa]ccording\s+to|[Ii]n\s+the\s+(?:words|view)\s+of|[Pp]er)\s+(?:the\s+)?$"
)


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
FOUNDING_OF_ANOTHER_RE = re.compile(
    r"\s+(?:(?:members?|partners?|groups?)\s+)?of\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}"
    r"(?=(?-i:[A-Z]))",
    re.I,
)
NOUN_OF_FOUNDING_RE = re.compile(r"founding|foundation|establishment|creation|formation", re.I)
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
PLANNED_END_BEFORE_RE = re.compile(
    r"\b(?:(?:scheduled|expected|due|set|planned|supposed)\s+to\s+be|(?:is|are|was|were)\s+to\s+be|"
    r"will\s+be|would\s+be)\s+$",
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
    # "a civil conflict that ended only with the Plaka agreement": its relative clause.
    r"(?:(?:that|which)\s+)?"
    # "The insurgency was largely crushed by 1993": an adverb may come between.
    r"(?:had\s+been\s+|has\s+been\s+|was\s+|were\s+|had\s+|has\s+)?(?:[a-z]+ly\s+)?$",
    re.I,
)
BANNED_THING_RE = re.compile(
    r"\s+(?:all\s+)?(?:political\s+|private\s+|paramilitary\s+|party\s+|public\s+)?"
    r"(?:uniforms|marches|rallies|demonstrations|parades|meetings|gatherings|the\s+wearing)\b",
    re.I,
)
AGREEMENT_OF_RE = re.compile(r"\b(?:Agreement|Accords?|Treaty|Decree|Law)\s+of\s+(?:the\s+)?$")
SUBJECT_ASIDE_RE = re.compile(r",\s+[^,;]{3,120},\s*(?:had\s+been|has\s+been|was|were)\s+$")


# "The Federal Assembly dissolved the organisation in December 1989": another subject ends
# the group, its object.
OWN_OBJECT_RE = re.compile(
    r"\s+(?:the|its|this|that)\s+(?:[\w-]+\s+){0,2}?(?:organi[sz]ation|group|militia|"
    r"militias|movement|force|corps|guards?|units|squads|brigades?|battalions?)\b(?!\s+of\b)|"
    # "a decree of the Interior Ministry dissolved it in June 1976"
    r"\s+it\b(?!\s+(?:to|from|into|as)\b)",
    re.I,
)
TRANSITIVE_END_RE = re.compile(
    r"disbanded|dissolved|abolished|dismantled|banned|outlawed|proscribed|disarmed|crushed|"
    r"destroyed",
    re.I,
)


OTHER_BODY_OBJECT_RE = re.compile(
    r"\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:parliament|assembly|government|cabinet|"
    r"legislature|congress|senate)\b"
    # "it destroyed an Ethiopian army corps at Afabet": a unit of the other side.
    # ("the unit" is ours: only a unit told as one of many is another's.)
    r"|\s+(?:an?|two|three|four|five|several|many)\s+(?:[\w-]+\s+){0,2}(?:army\s+)?(?:corps|divisions?|"
    r"battalions?|brigades?|regiments?|garrisons?|convoys?|columns?|outposts?|bases?|"
    r"posts?|units?)\b",
    re.I,
)


def _merged_into_us(sentence, anchor, is_own):
    """Whether an end's "merged into", "absorbed into" ... names the profiled group as what
    took the other in."""
    if not anchor.group().lower().endswith(" into"):
        return False
    found = name_at(sentence, anchor.end() + 1)
    return bool(found) and is_own(found[0])


def _object_of_end(sentence, anchor, is_own):
    """What a verb of an end does to whom: "ours" ("the council dissolved the force",
    "Mashriqi disbanded the Khaksar Tehrik"), "another's" ("the army disbanded the Hill
    Front", "dissolved the parliament"), or "" when its object says nothing."""
    if MERGED_OURS_RE.fullmatch(anchor.group()):
        return "ours"  # "merged the party with the Carlists into a single state party"
    if not TRANSITIVE_END_RE.fullmatch(anchor.group()):
        return ""
    if OWN_OBJECT_RE.match(sentence, anchor.end()):
        return "ours"
    if OTHER_BODY_OBJECT_RE.match(sentence, anchor.end()):
        return "another's"
    if sentence[anchor.end() : anchor.end() + 1] != " ":
        return ""
    found = name_at(sentence, anchor.end() + 1)
    if not found:
        return ""
    return "ours" if is_own(found[0]) else "another's"


# "A peace agreement signed in August 2015 collapsed in July 2016", "after the protests of
# March 1919 had been crushed": a thing's end, whatever the sentence says of us (but "the
# peace accords formally disbanded the patrols": what a thing does to its object). (Not a
# government: a pro-government militia's end is often its government's.)
OBJECT_AFTER_RE = re.compile(r"\s+(?:the|its|their|all|most|an?|(?-i:[A-Z]))\b", re.I)
THING_SUBJECT_RE = re.compile(
    r"\b(?:agreements?|accords?|ceasefires?|cease-fires?|truces?|talks|negotiations|treaty|"
    r"protests?|demonstrations?|strikes?|uprisings?|revolts?|rebellions?|offensives?|"
    r"campaigns?|operations?|sieges?|elections?|peace process)\b(?:\s+(?:of|in|on|signed|reached|held|launched|begun|started)\b"
    r"[^,;]{0,50}?)?\s+(?:had\s+|has\s+|have\s+)?(?:(?:also\s+|soon\s+|quickly\s+)?"
    r"(?:been|was|were)\s+)?$",
    re.I,
)


# A subject that is another body tied to ours: "Its successor", "Their rival".
OTHER_BODY_SUBJECT_RE = re.compile(
    r"(?:[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+)?(?:successor|predecessor|rival|offshoot|splinter|"
    r"parent|ally|allies|sister|patron|sponsor)s?\b"
)


def _other_body_subject(subject):
    """Whether a clause's subject is another body tied to ours ("Its successor, the Hill
    Front, was"), not a clause that only opens with one ("Its patron fled in 1995, and after
    the coup the Reed Guard ...")."""
    subject = strip_opening(subject)
    body = OTHER_BODY_SUBJECT_RE.match(subject)
    return bool(body) and not CLAUSE_JOINER_RE.search(subject, body.end())


CLAUSE_JOINER_RE = re.compile(r",\s+(?:and|but|while|after|when|until)\b|\b(?:after|when|while)\b")


def another_subject(sentence, position, is_own):
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


def anchor_negated(sentence, anchor):
    """ "never formally dissolved", "was not disbanded"; but "not disbanded until 1995" was,
    in 1995."""
    return bool(
        NEGATION_BEFORE_RE.search(sentence[max(0, anchor.start() - 30) : anchor.start()])
    ) and not NOT_UNTIL_RE.match(sentence, anchor.end())
