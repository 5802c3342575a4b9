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


# What the pattern parser calls the parts of a pattern (the re module's own parser: a
# pattern's needed words are read from what it says, so that editing it keeps them true).
_LITERAL, _SUBPATTERN, _BRANCH = _constants.LITERAL, _constants.SUBPATTERN, _constants.BRANCH
_ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}


def may_match(pattern: re.Pattern, text: str) -> bool:
    """False where `pattern` cannot match `text`, because the text holds none of the words
    every match needs: a cheap test (a pass of an automaton) before a search that would
    try every alternative of a long pattern at every word."""
    automaton = _needed_automaton(pattern.pattern, pattern.flags)
    return automaton is None or _holds(automaton, text)


# (Keyed by the pattern's source, not the compiled pattern: hashing that hashes its code.)
@lru_cache(maxsize=64)
def _needed_automaton(source, flags):
    """An automaton of the words one of which every match of the pattern holds (lower-case
    ASCII: `\\b(?:formed|founded|set\\s+up)` needs "formed", "founded" or "set"), or None
    when they cannot be told."""
    words = _needed_in(_parser.parse(source, flags).data)
    return _words_automaton(tuple(sorted(words))) if words else None


def _needed_in(items):
    """A set of words one of which every match of the sequence `items` holds, or None.

    Every item of a sequence must match, so any one of them can give the words: a run of
    literal characters (zero-width tests such as \\b may stand between them) gives itself,
    a group or a set of alternatives gives the words of each of its alternatives. Of
    those, the one whose shortest word is longest (the rarest, roughly) is kept."""
    best = None

    def consider(words):
        nonlocal best
        if words and (best is None or min(map(len, words)) > min(map(len, best))):
            best = words

    run = ""
    for op, value in items:
        if op is _LITERAL and chr(value).isascii():
            run += chr(value).lower()
            continue
        if op in _ZERO_WIDTH:
            continue  # takes no character: the literals around it stay side by side
        consider({run} if run else None)
        run = ""
        if op is _SUBPATTERN:
            consider(_needed_in(value[-1].data))
        elif op is _BRANCH:
            alternatives = [_needed_in(branch.data) for branch in value[1]]
            if all(alternatives):
                consider(set().union(*alternatives))
    consider({run} if run else None)
    return best


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
