"""Markdown to safe HTML, done once when a profile is saved, never per request."""

import html
import re
import threading

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "em",
    "strong",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "sup",
    "sub",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
MARKER_RE = re.compile(r"\[(\d{1,4})\]")
MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_])")
LINE_START_SYMBOL_RE = re.compile(r"^(\s*)([#+\-=>])(?=\s|$)", re.MULTILINE)
LINE_START_NUMBER_RE = re.compile(r"^(\s*\d+)\.(?=\s|$)", re.MULTILINE)


_local = threading.local()


def _converter():
    # Building a Markdown instance costs far more than converting a section: keep one per thread.
    if not hasattr(_local, "converter"):
        _local.converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return _local.converter


def link_markers(safe_html):
    # Added after sanitizing: this markup is ours, not the curator's.
    return MARKER_RE.sub(
        r'<sup class="cite"><a href="#ref-\1" aria-label="reference \1">[\1]</a></sup>', safe_html
    )


def render_plain(text):
    """HTML for imported plain text, the same as Markdown gives for plain_to_markdown(text).

    Imports render thousands of sections; escaping and paragraphs need no Markdown parser.
    """
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return link_markers("\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs))


def render_markdown(text):
    """Sanitized HTML for curated Markdown; citation markers become links to the references."""
    if not text:
        return ""
    html = _converter().reset().convert(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    return link_markers(clean)


def plain_to_markdown(text):
    """Escape imported plain text so that Markdown shows it exactly as written."""
    escaped = MARKDOWN_SPECIAL_RE.sub(r"\\\1", text).replace("<", "&lt;")
    escaped = LINE_START_SYMBOL_RE.sub(r"\1\\\2", escaped)
    return LINE_START_NUMBER_RE.sub(r"\1\\.", escaped)
