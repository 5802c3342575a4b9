"""Bytes to text, and text to paragraphs and sentences with their offsets."""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from re import _constants, _parser

import ahocorasick

from profiles.parsing.types import ParseError

MARKER_RE = re.compile(r"\[(\d{1,4})\]")
MARKER_RUN_RE = re.compile(r"(?:\s*\[\d{1,4}\])+")
# Control characters that never occur in a text file (tab, newline, CR and FF do).
CONTROL_RE = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was read with.

    UTF-8 (with or without BOM) first; UTF-16 when it has a BOM; else Windows-1252,
    which is what "Latin-1" files from Windows really are, and Latin-1 for the bytes
    Windows-1252 leaves undefined.
    """
    if not data.strip():
        raise ParseError(1, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise ParseError(1, f"unreadable UTF-16 text ({error.reason})") from None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ParseError(line, "binary file: contains NUL bytes, not text")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    controls = CONTROL_RE.findall(text)
    if len(controls) > max(2, len(text) // 200):
        match = CONTROL_RE.search(text)
        line = text[: match.start()].count("\n") + 1
        raise ParseError(line, "binary file: control characters, not text")
    return text, encoding


def normalise(text: str) -> str:
    """Unix line ends, composed Unicode, no stray control characters or BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = CONTROL_RE.sub("", text)
    return unicodedata.normalize("NFC", text)


def plain_quotes(text: str) -> str:
    return (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u00a0", " ")
    )


@dataclass
class Sentence:
    text: str  # without citation markers
    start: int  # offset in the section text
    end: int
    markers: list[tuple[int, int]]  # (number, offset) of the markers that close it
    paragraph: int


# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "capt", "maj", "sgt", "st", "no", "vs",
    "etc", "jr", "sr", "prof", "gov", "pres", "rep", "sen", "rev", "c", "ca", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "inc", "ltd", "co", "corp", "dept", "fig", "mt",
    "lit", "transl", "est", "pop", "a.k.a", "aka", "cf", "esp",
}  # fmt: skip
SENTENCE_END_RE = re.compile(r"[.!?]+[\"'\u201d\u2019)]*(?:\s*\[\d{1,4}\])*(?=\s|$)")


# A run of lines with no blank line between them; `[^\n]+` takes a line's characters at
# once (the same matches as one character at a time, much faster).
PARAGRAPH_RE = re.compile(r"(?:[^\n]+|\n(?!\s*\n))+")
LEADING_MARKERS_RE = re.compile(r"\s*((?:\[\d{1,4}\]\s*)+)")


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) for each block separated by blank lines."""
    paragraphs = []
    for match in PARAGRAPH_RE.finditer(text):
        if match.group().strip():
            paragraphs.append((match.start(), match.group()))
    return paragraphs


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a section, each with the markers that close it.

    Markers at the very start of a paragraph closed a sentence the extract left out;
    they come back as a Sentence with empty text.
    """
    sentences = []
    for number, (offset, paragraph) in enumerate(split_paragraphs(text)):
        position = 0
        leading = LEADING_MARKERS_RE.match(paragraph)
        if leading:
            markers = [
                (int(m.group(1)), offset + m.start())
                for m in MARKER_RE.finditer(paragraph, 0, leading.end())
            ]
            sentences.append(Sentence("", offset, offset + leading.end(), markers, number))
            position = leading.end()
        for start, end in _sentence_spans(paragraph, position):
            raw = paragraph[start:end]
            markers = []
            if "[" in raw:  # most sentences have no marker
                markers = [
                    (int(m.group(1)), offset + start + m.start()) for m in MARKER_RE.finditer(raw)
                ]
                raw = MARKER_RE.sub(" ", raw)
            clean = " ".join(raw.split())
            if clean or markers:
                sentences.append(Sentence(clean, offset + start, offset + end, markers, number))
    return sentences


def _sentence_spans(paragraph: str, position: int):
    length = len(paragraph)
    while position < length and paragraph[position].isspace():
        position += 1
    start = position
    for match in SENTENCE_END_RE.finditer(paragraph, position):
        if match.start() < start:
            continue
        word = _last_word(paragraph, start, match.start())
        if word and match.group().startswith(".") and "[" not in match.group():
            token = word.lower()
            # "Gen." or an initial ("A.") does not end a sentence.
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        following = _next_visible(paragraph, match.end())
        if following and not (
            following.isupper() or following in "[\"'\u201c(" or following.isdigit()
        ):
            continue
        yield start, match.end()
        start = match.end()
        while start < length and paragraph[start].isspace():
            start += 1
    if start < length and paragraph[start:].strip():
        yield start, length


def _last_word(text, start, end):
    r"""What re.search(r"([\w.]+)$", text[start:end]) captures, or "": the word before a
    full stop, read backwards rather than by a search that retries at every offset."""
    if end > start and text[end - 1] == "\n":
        end -= 1  # `$` also matches before a final newline
    first = end
    while first > start and (text[first - 1].isalnum() or text[first - 1] in "._"):
        first -= 1
    return text[first:end]


def _next_visible(text, position):
    """The first character at or after `position` that str.lstrip() keeps, or ""."""
    length = len(text)
    while position < length and text[position].isspace():
        position += 1
    return text[position] if position < length else ""


# Besides the two cases of an ASCII letter, re.IGNORECASE matches these to one: "İ" and
# "ı" to i, "ſ" to s, the Kelvin sign to k.
ODD_CASE_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` (lower-case ASCII) in any case. Where it does
    not, a case-insensitive pattern that needs one of them cannot match: a cheap test
    before an expensive search."""
    return _holds(_words_automaton(words), text)


def _holds(automaton, text):
    for _found in automaton.iter(text.lower()):
        return True
    return not text.isascii() and ODD_CASE_RE.search(text) is not None


@cache
def _words_automaton(words):
    """All of `words` found in one pass (Aho-Corasick): twice as fast as a test per word."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


# What the pattern parser calls the parts of a pattern (the re module's own parser: the
# words a pattern needs are read from what it says, so that editing it keeps them true).
_LITERAL, _IN = _constants.LITERAL, _constants.IN
_SUBPATTERN, _BRANCH = _constants.SUBPATTERN, _constants.BRANCH
_REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT}
_ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}
_MOST_WAYS = 512  # beyond this, a part of a pattern is left out of its ways (fewer words)


def may_match(pattern: re.Pattern, text: str) -> bool:
    """False where `pattern` cannot match `text`, because the text lacks a word that every
    way of writing a match holds: a cheap test (a pass of an automaton) before a search
    that would try every alternative of a long pattern at every word."""
    gate = _gate(pattern.pattern, pattern.flags)
    if gate is None:
        return True
    automaton, single, ways_of_word = gate
    found = set()
    for _end, word in automaton.iter(text.lower()):
        if word in single:
            return True  # a way of writing a match that needs this word alone
        found.add(word)
    for word in found:
        if any(found.issuperset(way) for way in ways_of_word[word]):
            return True
    return not text.isascii() and ODD_CASE_RE.search(text) is not None


# (Keyed by the pattern's source, not the compiled pattern: hashing that hashes its code.)
@lru_cache(maxsize=64)
def _gate(source, flags):
    """(automaton of the words, the words that are a way alone, word -> the ways that hold
    it) for the ways of writing a match of the pattern, each the lower-case ASCII words it
    holds: `\\b(?:formed|set\\s+up|took\\s+shape)` is written with "formed", with "set"
    and "up" or with "took" and "shape". None when some way holds no word we know of."""
    # Words of fewer than three letters are left out: too common to tell texts apart.
    ways = {
        frozenset(w for w in way if len(w) >= 3) for way in _ways(_parser.parse(source, flags).data)
    }
    if not ways or frozenset() in ways:
        return None
    ways = [way for way in ways if not any(other < way for other in ways)]  # the fewest words
    ways_of_word = {}
    for way in ways:
        for word in way:
            ways_of_word.setdefault(word, []).append(way)
    single = frozenset(word for way in ways if len(way) == 1 for word in way)
    return _words_automaton(tuple(sorted(ways_of_word))), single, ways_of_word


def _ways(items):
    """The ways of writing a match of the sequence `items`, each a tuple of the literal
    words it holds (lower-cased; a way need not hold every word of the match).

    A run of literal characters is a word (zero-width tests such as \\b may stand between
    them; a class of a few letters, "organi[sz]ed", gives a word for each); a group
    gives its ways, a set of alternatives the ways of all of them, and a sequence every
    combination of its items' ways. What is not read (a class, an optional part) adds
    nothing."""
    ways = [()]
    spellings = [""]  # the literal run being read, each way it can be spelled

    def end_run():
        nonlocal ways, spellings
        if spellings != [""]:
            ways = _combined(ways, [(spelling,) for spelling in spellings])
        spellings = [""]

    for op, value in items:
        if op is _LITERAL and chr(value).isascii():
            spellings = [spelling + chr(value).lower() for spelling in spellings]
            continue
        if (
            op is _IN
            and len(value) * len(spellings) <= 8
            and all(kind is _LITERAL and chr(code).isascii() for kind, code in value)
        ):
            letters = [chr(code).lower() for _kind, code in value]
            spellings = list(dict.fromkeys(s + letter for s in spellings for letter in letters))
            continue
        if op in _ZERO_WIDTH:
            continue  # takes no character: the literals around it stay side by side
        end_run()
        if op is _SUBPATTERN:
            ways = _combined(ways, _ways(value[-1].data))
        elif op is _BRANCH:
            ways = _combined(ways, [way for branch in value[1] for way in _ways(branch.data)])
        elif op in _REPEATS and value[0] >= 1:
            ways = _combined(ways, _ways(value[2].data))  # at least once
    end_run()
    return ways


def _combined(ways, more):
    """Each of `ways` followed by each of `more`; `ways` alone when they are too many."""
    combined = list(dict.fromkeys(way + other for way in ways for other in more))
    return combined if len(combined) <= _MOST_WAYS else ways


def gated_alternatives(branches, flags=0):
    """(pattern, words) for branches given as (words, pattern) pairs: the patterns joined as
    alternatives of one word-bounded pattern, and every word they need, to test cheaply
    before searching (a branch brings its words with it, so no gate can hide it)."""
    pattern = re.compile(r"\b(?:" + "|".join(p for _words, p in branches) + r")\b", flags)
    return pattern, tuple(dict.fromkeys(w for words, _p in branches for w in words))


def words_in(lowered: str, words: tuple[str, ...]) -> set[str]:
    """Which of `words` (lower-case) a lower-cased text holds, overlapping ones included:
    the cue words that decide which patterns are worth trying on it."""
    return {word for _end, word in _words_automaton(words).iter(lowered)}


def one_line(text: str) -> str:
    return " ".join(text.split())


# Where a verb's clause ends: what follows speaks of something else ("because members of
# their family had been murdered in North Korea"). Both the dates a group was active and
# the countries it was active in are read up to there.
CLAUSE_END_RE = re.compile(
    r"\b(?:because|after|before|when|while|whereas|although|since|who|which|whose|until|as)\b|[;(]"
)
