"""The archive's data: groups, what the texts say about them, and where each fact came from.

Dates are uncertain: each is kept as its EDTF string (the Library of Congress Extended
Date/Time Format: "1994", "1994-11", "198X", "1997/2006", "1990~") together with the
earliest and latest day it can mean, so that lists sort and filter on real bounds.
"""

import threading
import time
from contextlib import contextmanager
from types import SimpleNamespace

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from profiles.rendering import render_markdown

# The profile's sections, in the order of the Militias Guidebook.
SECTION_FIELDS = [
    ("formation", "Details of formation"),
    ("termination", "Details of termination"),
    ("purpose", "Purpose"),
    ("organisation", "Organisation"),
    ("weapons_and_training", "Weapons and training"),
    ("size_details", "Size"),
    ("reason_for_membership", "Reason for membership"),
    ("treatment_of_civilians", "Treatment of civilians"),
    ("other_information", "Other information"),
    ("narrative", "Narrative"),
]
SECTION_KEYS = [key for key, _ in SECTION_FIELDS]


class GroupKind(models.TextChoices):
    PRO_GOVERNMENT_MILITIA = "pro_government_militia", "Pro-government militia"
    PARTY_MILITANT_WING = "party_militant_wing", "Party militant wing"
    SPLINTER_FACTION = "splinter_faction", "Splinter faction"
    VIGILANTE_GROUP = "vigilante_group", "Vigilante group"
    PARAMILITARY_ORGANISATION = "paramilitary_organisation", "Paramilitary organisation"
    ARMED_GROUP = "armed_group", "Armed group"


class GroupStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    INACTIVE = "inactive", "Inactive"
    UNKNOWN = "unknown", "Unknown"


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    DECADE = "decade", "Decade"


class GroupQuerySet(models.QuerySet):
    def in_countries(self, codes):
        """Groups in any of these countries, each once (EXISTS rather than a join)."""
        return self.filter(
            models.Exists(GroupCountry.objects.filter(group=models.OuterRef("pk"), code__in=codes))
        )

    def active_between(self, first_year=None, last_year=None):
        """Groups whose possible active span overlaps the given years.

        A bound the texts leave open (no formation or no end known) never excludes a
        group; a fuzzy bound counts with its widest reading, so a group formed "in the
        1980s" is active in 1985.
        """
        queryset = self
        if last_year is not None:
            queryset = queryset.filter(
                Q(active_start__isnull=True) | Q(active_start__year__lte=last_year)
            )
        if first_year is not None:
            queryset = queryset.filter(
                Q(active_end__isnull=True) | Q(active_end__year__gte=first_year)
            )
        return queryset


class Group(models.Model):
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=300, unique=True, allow_unicode=True)
    kind = models.CharField(max_length=40, choices=GroupKind.choices, default=GroupKind.ARMED_GROUP)
    status = models.CharField(
        max_length=20, choices=GroupStatus.choices, default=GroupStatus.UNKNOWN
    )

    # Formation and termination as the texts state them (EDTF and the days they span).
    formation_date = models.CharField("formation (EDTF)", max_length=40, blank=True)
    formation_earliest = models.DateField(null=True, blank=True)
    formation_latest = models.DateField(null=True, blank=True)
    formation_precision = models.CharField(max_length=10, choices=Precision.choices, blank=True)
    termination_date = models.CharField("termination (EDTF)", max_length=40, blank=True)
    termination_earliest = models.DateField(null=True, blank=True)
    termination_latest = models.DateField(null=True, blank=True)
    termination_precision = models.CharField(max_length=10, choices=Precision.choices, blank=True)
    # The widest span the group may have been active in, used by the period filter:
    # formation's earliest day (else the earliest dated event), termination's latest day
    # (else open).
    active_start = models.DateField(null=True, blank=True, db_index=True)
    active_end = models.DateField(null=True, blank=True, db_index=True)

    size = models.PositiveBigIntegerField(null=True, blank=True)
    size_text = models.TextField(blank=True, help_text="The phrase the size was read from.")
    size_date = models.CharField("size date (EDTF)", max_length=40, blank=True)

    formation = models.TextField(blank=True)
    termination = models.TextField(blank=True)
    purpose = models.TextField(blank=True)
    organisation = models.TextField(blank=True)
    weapons_and_training = models.TextField(blank=True)
    size_details = models.TextField(blank=True)
    reason_for_membership = models.TextField(blank=True)
    treatment_of_civilians = models.TextField(blank=True)
    other_information = models.TextField(blank=True)
    narrative = models.TextField(blank=True)
    # Sanitized HTML of each section, rendered once on save (section key -> HTML).
    sections_html = models.JSONField(default=dict, blank=True, editable=False)

    needs_review = models.BooleanField(default=False)
    review_notes = models.TextField(blank=True)
    # What the importer was unsure of when it last read this group's files (one per line);
    # new doubts set needs_review, which only a curator clears.
    import_warnings = models.TextField(blank=True, editable=False, default="", db_default="")
    # Name and aliases (weight A) and the sections' text (weight D), for full-text search
    # on PostgreSQL (profiles.search keeps it current); stays empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # Name and aliases alone: ranking reads this small vector, not the long one above.
    name_vector = SearchVectorField(null=True, editable=False)
    # Name and public aliases folded (lower case, no accents, no apostrophes), for finding
    # a name by another spelling with trigrams on PostgreSQL (profiles.name_search, which
    # keeps it current with the vectors); stays empty on SQLite.
    search_names = models.TextField(editable=False, default="", db_default="")
    # What imports last wrote to each of the values a file sets (profiles.reimport): a value
    # that differs from it now was changed since by a curator (or a merge). Empty for a
    # group imported before this was kept.
    imported_values = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = GroupQuerySet.as_manager()
    # Derived columns are left out: they are rebuilt from the others on every save.
    # History tables keep only the indexes something reads them by: the row's id (its
    # History page, restoring it) and its group (profiles.history.row_history). The
    # others simple-history copies from the row (no_db_index here and on each model
    # below) cost every import's history rows for no query.
    history = HistoricalRecords(
        excluded_fields=[
            "sections_html",
            "search_vector",
            "name_vector",
            "search_names",
            "imported_values",
        ],
        no_db_index=["slug", "active_start", "active_end", "updated_at"],
    )

    class Meta:
        ordering = ["name", "slug"]
        indexes = [
            # The list's default order: pages without sorting every group.
            models.Index(fields=["name", "slug"], name="group_name_slug"),
            # The facets of the whole list (selectors.lists.list_facets): groups per kind,
            # the span of years, groups per decade, read from this index alone (an
            # index-only scan on PostgreSQL, 10x less than reading the wide rows).
            models.Index(
                fields=["kind", "active_start", "active_end"], include=["id"], name="group_facets"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="group_active_start_before_end",
                condition=Q(active_start__isnull=True)
                | Q(active_end__isnull=True)
                | Q(active_start__lte=F("active_end")),
            ),
            models.CheckConstraint(
                name="group_formation_before_termination",
                condition=Q(formation_earliest__isnull=True)
                | Q(termination_latest__isnull=True)
                | Q(formation_earliest__lte=F("termination_latest")),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.render_sections()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("group-detail", args=[self.slug])

    @property
    def formation_year(self):
        """The year of formation, when the text gives one (not for a decade alone)."""
        if self.formation_earliest and self.formation_precision != Precision.DECADE:
            return self.formation_earliest.year
        return None

    @property
    def termination_year(self):
        if self.termination_earliest and self.termination_precision != Precision.DECADE:
            return self.termination_earliest.year
        return None

    def sections(self):
        """(key, label, markdown, html) of each section that has text."""
        return [
            (key, label, getattr(self, key), self.sections_html.get(key, ""))
            for key, label in SECTION_FIELDS
            if getattr(self, key)
        ]

    def render_sections(self):
        self.sections_html = {
            key: render_markdown(getattr(self, key)) for key in SECTION_KEYS if getattr(self, key)
        }


class GroupCountry(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="countries")
    code = models.CharField("ISO 3166-1 alpha-2", max_length=2)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "group's country"
        verbose_name_plural = "groups' countries"
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["group", "code"], name="unique_group_country")
        ]
        # The country filter: WHERE code IN (...) joined to the group.
        indexes = [models.Index(fields=["code", "group"], name="groupcountry_code_group")]

    def __str__(self):
        return self.code


class SourceDocument(models.Model):
    class Format(models.TextChoices):
        GUIDEBOOK = "guidebook", "Militias Guidebook description"
        ENCYCLOPEDIA = "encyclopedia", "Encyclopedia extract"

    # The file's name is its stable identity: a new version of a file replaces the old one.
    filename = models.CharField(max_length=255, unique=True)
    sha256 = models.CharField(max_length=64)
    format = models.CharField(max_length=20, choices=Format.choices)
    encoding = models.CharField(max_length=20, default="utf-8")
    raw_text = models.TextField(help_text="The file's text exactly as received (decoded).")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="sources")
    # The countries this file names, so that a group described by several files gets them all.
    countries = models.JSONField(default=list, blank=True)
    imported_at = models.DateTimeField()
    # The rows this file gave at its last import, model by model, as [position, signature]
    # pairs (profiles.reimport): an imported row missing now was edited or deleted by a
    # curator. Empty for a file imported before this was kept.
    imported_rows = models.JSONField(null=True, blank=True, editable=False)
    # The group's values as this file gave them at its last import (profiles.reimport).
    imported_values = models.JSONField(null=True, blank=True, editable=False)

    history = HistoricalRecords(
        excluded_fields=["imported_rows", "imported_values"], no_db_index=["filename"]
    )

    class Meta:
        ordering = ["filename"]

    def __str__(self):
        return self.filename


class Alias(models.Model):
    class Kind(models.TextChoices):
        STATED = "stated", "Stated in the group's own text"
        CLAIM = "claim", "Stated in another text"
        MATCH_KEY = "match_key", "Used only to link names to this group"

    # Empty while the claim names a group that has no profile yet; a claim made in another
    # group's text outlives the group it was linked to.
    group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, related_name="aliases", null=True, blank=True
    )
    subject_name = models.CharField(max_length=300, blank=True)
    subject_key = models.CharField(max_length=300, blank=True, db_index=True)
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATED)
    document = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, null=True, blank=True, related_name="aliases"
    )
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords(no_db_index=["subject_key", "document"])

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["kind", "position", "name"]

    def __str__(self):
        return self.name


class NameKey(models.Model):
    """A normalised name or alias, how a name in any text finds its group."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="name_keys")
    key = models.CharField(max_length=300)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "key"], name="unique_name_key")]
        # Linking: WHERE key = ... (relationship targets, alias claims).
        indexes = [models.Index(fields=["key"], name="namekey_key")]

    def __str__(self):
        return self.key


class Reference(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="references")
    document = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, null=True, blank=True, related_name="references"
    )
    # The number of a marker such as [20]; empty for a reference line of a guidebook text.
    marker = models.PositiveIntegerField(null=True, blank=True)
    label = models.TextField(blank=True)
    url = models.URLField(max_length=1000, blank=True)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords(no_db_index=["document"])

    class Meta:
        ordering = ["marker", "position"]

    def __str__(self):
        return f"[{self.marker}]" if self.marker is not None else self.label


class Event(models.Model):
    class Kind(models.TextChoices):
        FORMATION = "formation", "Formation"
        TERMINATION = "termination", "Termination"
        SPLIT = "split", "Split"
        ALLIANCE = "alliance", "Alliance"
        CRACKDOWN = "crackdown", "Crackdown"
        ABUSE = "abuse", "Abuse of civilians"
        SIZE_REPORT = "size_report", "Size report"
        CONTEXT = "context", "Context"
        PUBLICATION = "publication", "Source published"
        OTHER = "other", "Other"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="events")
    document = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    date = models.CharField("date (EDTF)", max_length=40)
    date_text = models.CharField(max_length=200, blank=True, help_text="The date as written.")
    earliest = models.DateField()
    latest = models.DateField()
    precision = models.CharField(max_length=10, choices=Precision.choices)
    text = models.TextField()
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    section = models.CharField(max_length=40, blank=True)
    position = models.PositiveIntegerField(default=0)

    history = HistoricalRecords(no_db_index=["document"])

    class Meta:
        ordering = ["earliest", "latest", "position"]
        constraints = [
            models.CheckConstraint(
                name="event_earliest_before_latest", condition=Q(earliest__lte=F("latest"))
            )
        ]
        # The timeline across groups and the period filter: ORDER BY / WHERE earliest.
        indexes = [models.Index(fields=["earliest", "latest"], name="event_dates")]

    def __str__(self):
        return f"{self.date}: {self.text[:60]}"


class Citation(models.Model):
    """A marker in the text: which statement (in which section, or which event) cites what."""

    reference = models.ForeignKey(Reference, on_delete=models.CASCADE, related_name="citations")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="citations")
    document = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, null=True, blank=True, related_name="citations"
    )
    section = models.CharField(max_length=40, blank=True)
    # The sentence the marker closes; empty when that sentence was left out of the extract.
    statement = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0, help_text="Offset of the marker.")

    history = HistoricalRecords(no_db_index=["reference", "document", "event"])

    class Meta:
        ordering = ["section", "position"]

    def __str__(self):
        return f"{self.reference} in {self.section or 'profile'}"


class Relation(models.TextChoices):
    SPLINTER_OF = "splinter_of", "splinter of"
    HAS_SPLINTER = "has_splinter", "has splinter"
    MERGED_INTO = "merged_into", "merged into"
    ABSORBED = "absorbed", "absorbed"
    PART_OF = "part_of", "part of"
    HAS_PART = "has_part", "has part"
    SUCCESSOR_OF = "successor_of", "successor of"
    PREDECESSOR_OF = "predecessor_of", "predecessor of"
    ALLY_OF = "ally_of", "ally of"
    RIVAL_OF = "rival_of", "rival of"
    SPONSORED_BY = "sponsored_by", "sponsored by"
    SPONSOR_OF = "sponsor_of", "sponsor of"
    MENTIONED_WITH = "mentioned_with", "mentioned with"


INVERSE_RELATION = {
    Relation.SPLINTER_OF: Relation.HAS_SPLINTER,
    Relation.MERGED_INTO: Relation.ABSORBED,
    Relation.PART_OF: Relation.HAS_PART,
    Relation.SUCCESSOR_OF: Relation.PREDECESSOR_OF,
    Relation.SPONSORED_BY: Relation.SPONSOR_OF,
    Relation.ALLY_OF: Relation.ALLY_OF,
    Relation.RIVAL_OF: Relation.RIVAL_OF,
    Relation.MENTIONED_WITH: Relation.MENTIONED_WITH,
}
INVERSE_RELATION.update({inverse: relation for relation, inverse in list(INVERSE_RELATION.items())})


class Relationship(models.Model):
    """A tie stated in a text, read from the source group's side."""

    source = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="relationships")
    # Empty while the named group has no profile; filled when one arrives.
    target = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inverse_relationships",
    )
    target_name = models.CharField(
        max_length=300, help_text="The other group as the text names it."
    )
    target_key = models.CharField(max_length=300, db_index=True)
    relation = models.CharField(max_length=20, choices=Relation.choices)
    sentence = models.TextField(blank=True)
    document = models.ForeignKey(
        SourceDocument,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="relationships",
    )
    position = models.PositiveIntegerField(default=0)
    # Where the tie was read: the 1-based line of its file and the sentence as written
    # there (0 and empty for a tie a curator added, or one imported before this was kept).
    # (Database defaults too: bench/page_corpus.py COPYs ties without them.)
    line = models.PositiveIntegerField(default=0, db_default=0)
    quote = models.TextField(blank=True, default="", db_default="")

    history = HistoricalRecords(no_db_index=["target", "target_key", "document"])

    class Meta:
        ordering = ["relation", "target_name"]
        constraints = [
            models.CheckConstraint(
                name="relationship_not_to_itself",
                condition=Q(target__isnull=True) | ~Q(target=F("source")),
            )
        ]

    def __str__(self):
        return f"{self.source} {self.get_relation_display()} {self.target_name}"


class Evidence(models.Model):
    """Where a coded value of a group was read: the file, the line and the exact sentence.

    Written by the importer for each file (replaced as a whole when the file is imported
    again); a value a curator set has none that matches it, and shows as the curator's.
    """

    class Field(models.TextChoices):
        FORMATION = "formation", "Formation"
        TERMINATION = "termination", "Termination"
        SIZE = "size", "Size"
        KIND = "kind", "Kind"
        STATUS = "status", "Status"
        COUNTRY = "country", "Country"
        ALIAS = "alias", "Alias"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="evidence")
    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="evidence")
    field = models.CharField(max_length=20, choices=Field.choices)
    # The country code or the alias's name; empty for the group's single values.
    key = models.CharField(max_length=300, blank=True)
    # The value as the file gave it (EDTF, number, code, name), to tell it from a curator's.
    value = models.CharField(max_length=300, blank=True)
    line = models.PositiveIntegerField()
    quote = models.TextField()

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["field", "key", "document", "line"]
        # The profile's prefetch: WHERE group_id IN (...); a re-import: WHERE document_id = ...
        indexes = [models.Index(fields=["group", "field"], name="evidence_group_field")]

    def __str__(self):
        return f"{self.field}{':' + self.key if self.key else ''} ({self.document_id}:{self.line})"


class Mention(models.Model):
    """An organisation a group's text names, with the sentence; linked to its profile
    (`target`) when the archive has one answering to the name, whenever it arrives."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="mentions")
    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="mentions")
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300)  # profiles.parsing.names.name_key(name)
    quote = models.TextField()
    line = models.PositiveIntegerField()
    # The tie the sentence states (a Relation), or empty.
    relation = models.CharField(max_length=20, blank=True)
    target = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="mentioned_in"
    )

    class Meta:
        ordering = ["document", "line", "name"]
        # Linking after an import: WHERE key IN (...).
        indexes = [models.Index(fields=["key"], name="mention_key")]

    def __str__(self):
        return f"{self.name} in {self.group}"


class CuratorDecision(models.Model):
    """Something an import leaves for a curator to decide: when it arose, who decided it."""

    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True


class Doubt(CuratorDecision):
    """A value the text supports two readings of: the importer wrote neither, and a curator
    chooses one of the candidates (each with the line and sentence it was read from)."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a curator"
        DECIDED = "decided", "Decided by a curator"

    class Field(models.TextChoices):
        FORMATION = "formation", "Formation"
        TERMINATION = "termination", "Termination"
        SIZE = "size", "Size"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="doubts")
    document = models.ForeignKey(
        SourceDocument, on_delete=models.SET_NULL, null=True, blank=True, related_name="doubts"
    )
    field = models.CharField(max_length=20, choices=Field.choices)
    reason = models.TextField()
    # [{"label", "value", "line", "quote"}]: value is a date ({"edtf", "earliest", "latest",
    # "precision", "text"}), a number, or null for "no value".
    candidates = models.JSONField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    chosen = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["field", "pk"]
        # The group's admin page and the review flags: WHERE group_id = ... AND status = ...
        indexes = [models.Index(fields=["group", "status"], name="doubt_group_status")]

    def __str__(self):
        return f"{self.group}: {self.get_field_display()} ({self.reason})"


class SlugRedirect(models.Model):
    """The address of a group merged into another, so that links and citations to it
    still arrive: its profile answers with a permanent redirect to the survivor."""

    old_slug = models.SlugField(max_length=300, unique=True, allow_unicode=True)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    def __str__(self):
        return f"{self.old_slug} → {self.group.slug}"


class HeldChange(CuratorDecision):
    """A change a re-imported file would have made to a value a curator had changed since
    the last import. The curator's value stays until a curator accepts the file's."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        ACCEPTED = "accepted", "Accepted: the file's value replaced the curator's"
        REJECTED = "rejected", "Rejected: the curator's value stays"
        SUPERSEDED = "superseded", "Superseded by a later import"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="held_changes")
    document = models.ForeignKey(
        SourceDocument, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Target(models.TextChoices):
        FIELD = "field", "A value of the group"
        ALIAS = "alias", "Alias"
        EVENT = "event", "Event"
        REFERENCE = "reference", "Reference"
        CITATION = "citation", "Citation"
        RELATIONSHIP = "relationship", "Relationship"

    # One of the group's values, or a row (profiles.reimport.SIGNATURES names the models).
    target = models.CharField(max_length=20, choices=Target.choices)
    # The value's name (profiles.reimport.VALUE_FIELDS), or the row's position in the file.
    key = models.CharField(max_length=60)
    label = models.CharField(max_length=200)
    # Readable forms of the three versions: what the last import wrote, what the archive
    # holds (the curator's), and what the new file says.
    was_imported = models.TextField("what the last import wrote", blank=True)
    curator_value = models.TextField("what the archive holds (kept)", blank=True)
    file_value = models.TextField("what the file now says", blank=True)
    # What accepting writes: the fields of the value, or of the row to create.
    proposed = models.JSONField()
    # The curator's edited row that accepting replaces, if it still exists.
    row_id = models.PositiveBigIntegerField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)

    class Meta:
        ordering = ["-created_at", "pk"]
        indexes = [models.Index(fields=["group", "status"], name="heldchange_group_status")]

    def __str__(self):
        return f"{self.group}: {self.label}"


class ProfileSnapshot(models.Model):
    """A profile as its page and JSON twin show it, rendered once when the group (or a
    group it shows) changes, and read by every request after (profiles.snapshots).

    Only what is the same for every reader is kept: the page's citation carries today's
    date and the reader's host, so it is rendered per request around `body_html`.
    """

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, primary_key=True, related_name="snapshot"
    )
    # The page's <main> from its header to its sources (profiles/_profile_body.html).
    body_html = models.TextField()
    # The meta description, escaped as the template escapes it.
    description = models.TextField()
    # schema.org JSON-LD without its "url" (the reader's host), as text: jsonb would
    # reorder its keys.
    organization = models.TextField()
    # The JSON twin's bytes (profiles.selectors.dump_json).
    profile_json = models.TextField()
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"snapshot of group {self.group_id}"


class ArchiveSummary(models.Model):
    """A value derived from the whole archive that a cold page would otherwise compute
    (the facets of the unfiltered list), stored with the archive version it was computed
    for: profiles.summaries computes it again once each change commits."""

    key = models.CharField(max_length=40, primary_key=True)
    computed_for = models.DateTimeField()  # ArchiveState.changed_at when it was computed
    data = models.JSONField()

    def __str__(self):
        return f"{self.key} as of {self.computed_for:%Y-%m-%d %H:%M:%S}"


# Sent when ArchiveState moves: what is derived from the whole archive is stale.
archive_touched = Signal()

# ArchiveState.recently_changed()'s copy, shared by the threads of this process.
_last_changed = SimpleNamespace(value=None, read_at=0.0)


class ArchiveState(models.Model):
    """One row: when anything in the archive last changed, for HTTP conditional requests.

    Public pages answer If-None-Match / If-Modified-Since from this row alone, without
    rendering. Every save or delete of the archive's models moves it (see profiles.signals);
    the importer, which writes in bulk, moves it once per run.
    """

    SINGLETON_ID = 1
    changed_at = models.DateTimeField()

    def __str__(self):
        return f"Archive last changed {self.changed_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def last_changed(cls):
        changed_at = cls.objects.filter(pk=cls.SINGLETON_ID).values_list("changed_at", flat=True)
        return changed_at.first() or cls.touch()

    @classmethod
    def recently_changed(cls):
        """last_changed(), read from the database at most once a second per process.

        Revalidations are most of a busy archive's requests and this read was most of
        their cost. A change made in this process is seen at once (touch() forgets the
        copy); one made by another process within a second.
        """
        now = time.monotonic()
        stale = now - _last_changed.read_at >= settings.ARCHIVE_STATE_REREAD_SECONDS
        if _last_changed.value is None or stale:
            _last_changed.value, _last_changed.read_at = cls.last_changed(), now
        return _last_changed.value

    @classmethod
    def touch(cls):
        _last_changed.value = None
        now = timezone.now()
        if not cls.objects.filter(pk=cls.SINGLETON_ID).update(changed_at=now):
            cls.objects.get_or_create(pk=cls.SINGLETON_ID, defaults={"changed_at": now})
        archive_touched.send(sender=cls)
        return now


_bulk_changes = threading.local()


@contextmanager
def bulk_changes():
    """Within this block, saves and deletes neither move ArchiveState nor refresh search
    vectors one row at a time; the caller does both once at the end (the importer)."""
    previous = getattr(_bulk_changes, "active", False)
    _bulk_changes.active = True
    try:
        yield
    finally:
        _bulk_changes.active = previous


def in_bulk_changes():
    return getattr(_bulk_changes, "active", False)


class Release(models.Model):
    """A numbered, frozen copy of the dataset (profiles.dataset.releases): its files lie
    under RELEASES_DIR/<version>/ and never change once written."""

    version = models.CharField(max_length=40, unique=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # [{"name", "bytes", "sha256"}] of the files written, in the order /data/ lists them.
    files = models.JSONField(default=list, editable=False)
    group_count = models.PositiveIntegerField(default=0)
    # The changelog against the previous release (the whole of it is changelog.json).
    groups_added = models.PositiveIntegerField(default=0)
    groups_removed = models.PositiveIntegerField(default=0)
    groups_changed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.version

    def get_absolute_url(self):
        return reverse("data-release", args=[self.version])


class ReleasedGroup(models.Model):
    """A group a release holds: "Cite this profile" names the latest release holding it."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="groups")
    # The group's id, not a foreign key: a release outlives the groups it holds.
    group_id = models.BigIntegerField()

    class Meta:
        # Also the index of a profile's citation: WHERE group_id = ... (latest release).
        constraints = [
            models.UniqueConstraint(fields=["group_id", "release"], name="unique_released_group")
        ]

    def __str__(self):
        return f"group {self.group_id} in {self.release_id}"
