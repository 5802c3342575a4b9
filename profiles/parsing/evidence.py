"""Where each coded value was read: the file's line and the exact sentence."""

import bisect
import re

from profiles.parsing import countries
from profiles.parsing.names import name_key
from profiles.parsing.types import Evidence

NEWLINE_RE = re.compile("\n")


class Locator:
    """Finds the sentence of a text around an offset, or the first one naming something."""

    def __init__(self, text, statements):
        self.text = text
        self.statements = sorted(statements, key=lambda s: s.offset)
        self.starts = [s.offset for s in self.statements]
        self.line_starts = [0] + [match.end() for match in NEWLINE_RE.finditer(text)]
        self.evidence_of = {}  # (start, end) -> its Evidence: every name in a sentence asks

    def line(self, offset):
        return bisect.bisect_right(self.line_starts, offset)

    def span(self, start, end):
        quote = self.text[start:end]
        stripped = quote.lstrip()
        start += len(quote) - len(stripped)
        return Evidence(self.line(start), stripped.rstrip(), start)

    def whole_line(self, number):
        start = self.line_starts[number - 1]
        end = self.text.find("\n", start)
        return self.span(start, len(self.text) if end < 0 else end)

    def statement_at(self, offset):
        """The sentence holding `offset` (the nearest before it when none holds it)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return None
        return self.of(self.statements[index])

    def of(self, statement):
        key = (statement.offset, statement.end)
        if key not in self.evidence_of:
            self.evidence_of[key] = self.span(statement.offset, statement.end)
        return self.evidence_of[key]

    def first_naming(self, name, sections=None):
        """The first sentence that writes `name` (ignoring case and accents)."""
        wanted = f" {name_key(name)} "
        if not wanted.strip():
            return None
        for statement in self.statements:
            if sections and statement.section not in sections:
                continue
            if wanted in f" {name_key(statement.text)} ":
                return self.of(statement)
        return None

    def first_placing(self, code):
        """The first sentence that names country `code` (by name, demonym or province)."""
        # "Congo" is the Democratic Republic in a text set there (countries.which_congo).
        named = ("CD", "CG") if code == "CD" and countries.means_dr_congo(self.text) else (code,)
        for statement in self.statements:
            if statement.section == "references":
                continue
            found = {c for c, *_ in countries.mentions(statement.text)}
            if not found.isdisjoint(named) or code in countries.subdivision_mentions(
                statement.text
            ):
                return self.of(statement)
        return None
