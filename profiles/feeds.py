"""An Atom feed of new and changed profiles, for readers who follow the archive."""

import html
import re

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator

from profiles.models import Group, GroupCountry
from profiles.rendering import render_markdown
from profiles.selectors import active_period, country_name

FEED_LENGTH = 50
# Enough of a section for a summary's first lines, without loading whole narratives.
OPENING_CHARACTERS = 600
SUMMARY_WORDS = 45
# A citation marker with the space before it: "formed in 1990 [3]." reads "formed in 1990."
MARKER_RE = re.compile(r"\s*\[\d{1,4}\]")


def opening_text(markdown_text):
    """The first words of a section as plain text: no Markdown, no tags, no [n] markers."""
    if not markdown_text:
        return ""
    text = html.unescape(strip_tags(render_markdown(markdown_text)))
    text = re.sub(r"\s+", " ", MARKER_RE.sub("", text)).strip()
    return Truncator(text).words(SUMMARY_WORDS, truncate="…")


class LatestProfilesFeed(Feed):
    feed_type = Atom1Feed
    title = "Armed Group Profiles: new and changed profiles"
    subtitle = f"The {FEED_LENGTH} most recently imported or corrected group profiles."
    author_name = "Armed Group Profiles"

    def link(self):
        return reverse("home")

    def items(self):
        # Two queries: the groups, then their countries.
        return (
            Group.objects.only(
                "name", "slug", "formation_date", "termination_date", "created_at", "updated_at"
            )
            .annotate(
                purpose_opening=Substr("purpose", 1, OPENING_CHARACTERS),
                narrative_opening=Substr("narrative", 1, OPENING_CHARACTERS),
            )
            .prefetch_related(Prefetch("countries", queryset=GroupCountry.objects.order_by("code")))
            .order_by("-updated_at", "name", "slug")[:FEED_LENGTH]
        )

    def item_title(self, group):
        return group.name

    def item_description(self, group):
        # Atom1Feed marks the summary as HTML: the plain text is escaped once for that.
        facts = [
            ", ".join(country_name(country.code) for country in group.countries.all()),
            active_period(group),
        ]
        lines = [" · ".join(fact for fact in facts if fact)]
        lines.append(opening_text(group.purpose_opening or group.narrative_opening))
        return escape(" — ".join(line for line in lines if line))

    def item_pubdate(self, group):
        return group.created_at

    def item_updateddate(self, group):
        return group.updated_at
