"""The founding and the end of a whole profile, or the doubt between two readings."""

import re

from profiles.parsing.dates import interval_part, is_context
from profiles.parsing.periods.anchoring import (
    AFTER_EVENT_BEFORE_DATE_RE,
    UNPROVEN_BEFORE_RE,
    anchor_negated,
    anchored_dates,
    another_subject,
    clause_of,
)
from profiles.parsing.periods.cues import (
    AT_THAT_DATE_RE,
    BAN_RE,
    COARSE_PRECISIONS,
    CODED_END_RE,
    END_BEGUN_RE,
    FORMATION_ANCHOR_RE,
    NO_FORMAL_END_RE,
    NOT_CONFUSED_RE,
    PGM_STATUS_END_RE,
    STILL_ACTIVE_RE,
    STILL_ACTIVE_WORDS,
    TERMINATION_ANCHOR_RE,
)
from profiles.parsing.text import CLAUSE_END_RE, holds_any


def choose_dates(analysis, formation_sections, termination_sections, fallback, is_own):
    """Formation and termination, each (date, statement offset) or None, and the doubts.

    Precision before recall: where the text gives two readings of an end (two different
    years, or an end and a later sign of life), neither is asserted; both become a doubt
    for a curator to settle.
    """
    formation_pool, termination_pool = [], []
    spans_described = []  # "an organisation active from 1977 to 1981": an end, if no other
    termination_texts = []
    dates_of = {}  # termination sentence -> its dates
    coded_ends, ends_begun, bans = set(), set(), set()  # offsets of statements
    definite = set()  # (date, offset) of the ends a DEFINITE_END_RE verb dates
    sections = {}  # offset of a statement -> its section
    # "In April 2013 al-Baghdadi declared that al-Nusra and the ISI were being merged ...
    # Al-Julani rejected the merger": offsets of the statements whose merger did not happen.
    unmerged, previous_offset = set(), None
    for statement in analysis.sentences:
        key, sentence, offset, mentions = (
            statement.section,
            statement.text,
            statement.offset,
            statement.dates,
        )
        if "merg" in sentence and REJECTED_MERGER_RE.search(sentence):
            unmerged.update({offset, previous_offset})
        previous_offset = offset
        if key in termination_sections:
            termination_texts.append(sentence)
            dates_of[sentence] = mentions
        if not mentions or NOT_CONFUSED_RE.search(sentence):
            continue  # (no date; or a namesake's: "not to be confused with the party ...")
        # "was active in the First Austrian Republic from 1920 to 1936": its whole span.
        # ("was active in Dublin between 1881 and 1883": a span too, from 1881 to 1883)
        for span in _active_spans(sentence, mentions, is_own, ACTIVE_RE):
            if key in formation_sections:
                formation_pool.append((interval_part(span, 0, between_is_span=True), offset))
            if key in termination_sections:
                termination_pool.append((interval_part(span, -1, between_is_span=True), offset))
        # "an organisation active from 1977 to 1981": where it began, and where it ended
        # unless the text says more of its end (the lead's span is often only where the
        # article's facts stop).
        if key in formation_sections or key in termination_sections:
            described = _active_spans(sentence, mentions, is_own, ACTIVE_PARTICIPLE_RE)
            if key in formation_sections:
                formation_pool += [(span, offset) for span in described]
            if key in termination_sections:
                spans_described += [
                    (interval_part(span, -1, between_is_span=True), offset) for span in described
                ]
        if key in formation_sections:
            formation_pool += [
                # The founder is often the subject: "The army created the militia in 1991".
                (m, offset)
                for m in anchored_dates(
                    sentence, mentions, FORMATION_ANCHOR_RE, own_founding=is_own
                )
                # "emerged after the demobilisation of the AUC between 2003 and 2006": the
                # date of what came before it.
                if not AFTER_EVENT_BEFORE_DATE_RE.search(sentence, max(0, m.start - 100), m.start)
            ]
        if key in termination_sections:
            definite_ends = []
            ends = anchored_dates(
                sentence, mentions, TERMINATION_ANCHOR_RE, is_own, definite=definite_ends
            )
            termination_pool += [(m, offset) for m in ends]
            definite.update((m, offset) for m in definite_ends)
            sections[offset] = key
            # (a denied end is none: "banned it the same year, but neither measure ended it")
            anchors = [
                a.group()
                for a in (TERMINATION_ANCHOR_RE.finditer(sentence) if ends else ())
                if not anchor_negated(sentence, a)
            ]
            if anchors and all(BAN_RE.fullmatch(anchor) for anchor in anchors):
                bans.add(offset)
            coded = CODED_END_RE.search(sentence)
            stated = [m for m in mentions if coded and m.start >= coded.end()]
            if coded and AT_THAT_DATE_RE.match(sentence, coded.end()):
                stated = [m for m in mentions if m.end <= coded.start()][-1:]
            if stated:
                coded_ends.add(offset)
                if not any(o == offset and m in stated for m, o in termination_pool):
                    termination_pool.append((stated[0], offset))
            elif END_BEGUN_RE.search(sentence):
                ends_begun.add(offset)
    termination_pool = [item for item in termination_pool if item[1] not in unmerged]
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
    if not termination_pool and not doubts:
        termination_pool = spans_described
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
    # "It came into being in October 1993, when A and B merged into a single organisation":
    # the founding's own date and sentence are no end.
    # (A span's one date, "active from 1920 to 1936", gives both.)
    if formation and termination and formation == termination and not formation[0].end_edtf:
        termination_pool = [item for item in termination_pool if item != formation]
        termination = min(termination_pool, key=lambda item: (item[1], item[0].start), default=None)
    # An interval ends in its last year ("from 1920 to 1936" and "October 1936" agree).
    years = {interval_part(m, -1).year for m, _ in termination_pool if m.year}
    if formation and termination and termination[0].latest < formation[0].earliest:
        termination = None
    # (Only read where there is an end to doubt.) An end of its time as a pro-government
    # militia is not undone by the group living on ("Its pro-government period ended ...
    # The Shibir itself is still active").
    last_end = max((interval_part(m, -1).year for m, _ in termination_pool if m.year), default=0)
    ended_dates = {m for m, _ in termination_pool}
    still = (
        termination
        and not any(PGM_STATUS_END_RE.search(t) for t in termination_texts)
        and next(
            (
                t
                for t in termination_texts
                if holds_any(t, STILL_ACTIVE_WORDS)
                and (sign := STILL_ACTIVE_RE.search(t))
                and not _lived_on_before(t, sign, dates_of.get(t, ()), last_end)
                # "disappeared after the coup of 15 August 1975; no formal dissolution is
                # recorded": an informal end with its date, not a doubt of it (but "No formal
                # end has been announced, although its activity declined in the 2000s").
                and not (
                    NO_FORMAL_END_RE.fullmatch(sign.group())
                    and any(m in ended_dates for m in dates_of.get(t, ()))
                )
            ),
            None,
        )
    )
    if termination and len(years) > 1 and not still:
        settled = _definite_after_the_rest(termination_pool, definite)
        if settled:
            termination, years = settled, {interval_part(settled[0], -1).year}
    if termination and (len(years) > 1 or still):
        readings = sorted(termination_pool or [termination], key=lambda item: item[0].earliest)
        doubts.append(("termination", readings, still))
        termination = None
    return _finish_dates(formation, termination, doubts)


REJECTED_MERGER_RE = re.compile(
    r"\b(?:rejected|refused)\s+the\s+(?:planned\s+|proposed\s+|announced\s+)?merger\b", re.I
)
ACTIVE_RE = re.compile(
    r"\b(?:was|were|had\s+been|remained)\s+(?:active|(?:a\s+)?PGMs?|pro-government)\b", re.I
)
ACTIVE_PARTICIPLE_RE = re.compile(
    r"\b(?:organi[sz]ation|group|militia|movement|army|front|party|force|guerrillas?)"
    # "a guerrilla group in Ecuador, active from 1983 to 1991".
    r"(?:\s+(?:in|of)\s+(?:the\s+)?(?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*){0,3})?"
    r",?\s+active\b",
    re.I,
)


def _active_spans(sentence, mentions, is_own, active_re):
    """The interval right after "was active" ("from 1920 to 1936") in a clause about us."""
    spans = []
    if "active" not in sentence and "PGM" not in sentence and "pro-gov" not in sentence:
        return spans
    for active in active_re.finditer(sentence):
        if another_subject(sentence, active.start(), is_own):
            continue
        clause_end = CLAUSE_END_RE.search(sentence, active.end())
        limit = min(active.end() + 80, clause_end.start() if clause_end else len(sentence))
        span = next((m for m in mentions if active.end() <= m.start < limit), None)
        if span and "/" in span.edtf and not is_context(sentence, span):
            spans.append(span)
    return spans


def _lived_on_before(sentence, sign, dates, last_end):
    """Whether a sign of life is dated before the last end the text gives ("it was re-formed
    in 1925", of a group dissolved in 1945): it tells of an earlier comeback, not of life
    after the end."""
    clause_start, clause_end = clause_of(sentence, sign.start())
    dated = [m for m in dates if clause_start <= m.start and m.end <= clause_end and m.year]
    # "It was revived in the Kingdom of Yugoslavia after the war and was finally dissolved
    # ... in 1941": the comeback is told before the end the same clause dates.
    ended_after = [
        m
        for m in dated
        if m.start > sign.end()
        and interval_part(m, -1).year == last_end
        and THEN_ENDED_RE.search(sentence, sign.end(), m.start)
    ]
    earlier = [m for m in dated if m not in ended_after]
    if ended_after and not earlier:
        return True
    return bool(earlier) and all(interval_part(m, -1).year < last_end for m in earlier)


# Between a comeback and the date of the end (which must be the end's year): "... and was
# finally dissolved ... in 1941", "later", "until".
THEN_ENDED_RE = re.compile(
    r"\b(?:finally|eventually|ultimately|later|until)\b|\band\s+(?:was|were)\s+(?:\w+\s+)?"
    r"(?:dissolved|disbanded|banned|absorbed|crushed|destroyed)\b"
)


def _definite_after_the_rest(termination_pool, definite):
    """The one end a definite verb dates, when every other reading is earlier ("gradually
    stood down" after April 1974, "the last units were disbanded" in June 1975): the group
    ended then, the rest was its decline. None when the readings say otherwise."""
    definite_items = [item for item in termination_pool if item in definite]
    definite_years = {interval_part(m, -1).year for m, _ in definite_items}
    if len(definite_years) != 1:
        return None
    (year,) = definite_years
    others = [item for item in termination_pool if item not in definite]
    if any(interval_part(m, -1).year >= year for m, _ in others):
        return None
    return min(definite_items, key=lambda item: (item[1], item[0].start))


def _finish_dates(formation, termination, doubts):
    # "existed from 1917 to 1944": it began at the interval's start and ended at its end.
    if formation:
        formation = (interval_part(formation[0], 0), formation[1])
    if termination:
        termination = (interval_part(termination[0], -1), termination[1])
    return formation, termination, doubts


def _denies_end(sentence):
    """ "The group was not disbanded", "never formally dissolved": the sentence, quoted."""
    for anchor in TERMINATION_ANCHOR_RE.finditer(sentence):
        if anchor_negated(sentence, anchor) or UNPROVEN_BEFORE_RE.search(
            sentence, 0, anchor.start()
        ):
            return sentence  # also "called for it to be disbanded": asked for, not done
    return None


def _formation_of(pool, first_sentence_wins):
    """The earliest anchored date; in an article, where years differ, the earliest
    sentence's (the lead states the founding; later ones speak of forerunners). A finer
    date inside the one chosen says more ("in the mid-1990s ... around 1994")."""
    if not pool:
        return None
    whole = pool
    if not first_sentence_wins and len({m.year for m, _ in pool}) > 1:
        first = min(offset for _m, offset in pool)
        pool = [item for item in pool if item[1] == first]
    chosen = min(pool, key=lambda item: (item[0].earliest, item[1]))
    if chosen[0].precision in COARSE_PRECISIONS:
        # (from any sentence: "appeared in the early 1960s" in the lead, "founded in 1961")
        inside = [
            item
            for item in whole
            if item[0].precision not in COARSE_PRECISIONS
            and chosen[0].earliest <= item[0].earliest <= item[0].latest <= chosen[0].latest
        ]
        if len({item[0].year for item in inside}) == 1:
            return min(inside, key=lambda item: item[0].earliest)
    return chosen


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
