"""Markdown to safe HTML, done once when a profile is saved, never per request."""

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h3", "h4", "h5", "sup", "sub", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
MARKER_RE = re.compile(r"\[(\d{1,4})\]")
MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_])")
LINE_START_SYMBOL_RE = re.compile(r"^(\s*)([#+\-=>])(?=\s|$)", re.MULTILINE)
LINE_START_NUMBER_RE = re.compile(r"^(\s*\d+)\.(?=\s|$)", re.MULTILINE)


def render_markdown(text):
    """Sanitized HTML for curated Markdown; citation markers become links to the references."""
    if not text:
        return ""
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    # Added after sanitizing: this markup is ours, not the curator's.
    return MARKER_RE.sub(
        r'<sup class="cite"><a href="#ref-\1" aria-label="reference \1">[\1]</a></sup>', clean
    )


def plain_to_markdown(text):
    """Escape imported plain text so that Markdown shows it exactly as written."""
    escaped = MARKDOWN_SPECIAL_RE.sub(r"\\\1", text).replace("<", "&lt;")
    escaped = LINE_START_SYMBOL_RE.sub(r"\1\\\2", escaped)
    return LINE_START_NUMBER_RE.sub(r"\1\\.", escaped)
