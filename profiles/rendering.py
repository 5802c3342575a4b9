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


# A tag of sanitized HTML; nh3 writes every attribute value in double quotes, and a value
# may hold a ">".
TAG_RE = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:[^>"]|"[^"]*")*>')
# Text inside these elements is never turned into a link: no link in a link, and code
# stays as written.
NO_LINK_ELEMENTS = {"a", "code", "pre"}
CITE_MARKUP = '<sup class="cite"><a href="#ref-{0}" aria-label="reference {0}">[{0}]</a></sup>'


def map_text(safe_html, replace):
    """Apply `replace` to each text run of sanitized HTML that is outside a link or code.

    `replace` receives the run as it stands in the HTML (escaped) and returns HTML. Tags
    and attribute values are never touched, so a "[1]" in a URL stays a URL.
    """
    pieces = []
    depth = 0  # how many of NO_LINK_ELEMENTS we are inside
    position = 0
    for tag in TAG_RE.finditer(safe_html):
        text = safe_html[position : tag.start()]
        if text:
            pieces.append(replace(text) if depth == 0 else text)
        if tag.group(2).lower() in NO_LINK_ELEMENTS:
            depth += -1 if tag.group(1) else 1
            depth = max(depth, 0)
        pieces.append(tag.group())
        position = tag.end()
    text = safe_html[position:]
    if text:
        pieces.append(replace(text) if depth == 0 else text)
    return "".join(pieces)


def link_markers(safe_html):
    if "[" not in safe_html:
        return safe_html  # no marker anywhere (most imported sections): nothing to link
    # Added after sanitizing: this markup is ours, not the curator's.
    return map_text(
        safe_html, lambda text: MARKER_RE.sub(lambda m: CITE_MARKUP.format(int(m.group(1))), text)
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
