"""The stylesheets parse as CSS: every rule closed, every declaration well formed.

A brace lost in a merge makes the browser read the rules after it as part of one block,
and they silently stop applying (the filter fold of the lists once stayed shut on wide
screens that way); the tests of the pages would not notice.
"""

from pathlib import Path

import pytest
import tinycss2

STATIC = Path(__file__).resolve().parent.parent / "static"


def errors_in(rules):
    for rule in rules:
        if rule.type == "error":
            yield rule.message
        elif rule.type == "qualified-rule":
            for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True):
                if item.type == "error":
                    yield f"{tinycss2.serialize(rule.prelude).strip()}: {item.message}"
                elif item.type == "qualified-rule":  # a rule inside a rule: a lost brace
                    yield f"{tinycss2.serialize(rule.prelude).strip()} holds a rule"
        elif (
            rule.type == "at-rule"
            and rule.content is not None
            and rule.lower_at_keyword
            in {
                "media",
                "supports",
            }
        ):
            yield from errors_in(tinycss2.parse_rule_list(rule.content, skip_whitespace=True))


@pytest.mark.parametrize("path", sorted(STATIC.rglob("*.css")), ids=lambda p: p.name)
def test_stylesheet_parses(path):
    rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_whitespace=True)
    assert list(errors_in(rules)) == []


def test_a_lost_brace_is_caught():
    rules = tinycss2.parse_stylesheet("a { color: red;\nb { color: blue; }", skip_whitespace=True)
    assert list(errors_in(rules))
