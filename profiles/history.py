"""What the curators' history pages read: a group's versions field by field, readable diffs
of its long texts, the timeline of its rows' changes, and restoring a deleted row.

The records themselves are django-simple-history's; this module only reads them (and
restoring writes a row back, which records itself like any save).
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import IntegrityError, models, transaction
from django.db.models import CharField, Max, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from profiles.models import (
    Alias,
    Citation,
    Event,
    GroupCountry,
    Reference,
    Relationship,
    SourceDocument,
)
from profiles.selectors import country_name

# The rows a profile is made of, each with the field that ties it to its group.
ROW_MODELS = {
    "alias": (Alias, "group"),
    "event": (Event, "group"),
    "reference": (Reference, "group"),
    "citation": (Citation, "group"),
    "relationship": (Relationship, "source"),
    "groupcountry": (GroupCountry, "group"),
    "sourcedocument": (SourceDocument, "group"),
}
# Rows a curator can bring back after deleting them. A citation comes back once its
# reference has (its event, if still gone, is left empty); source files belong to imports.
RESTORABLE_MODELS = {"alias", "event", "reference", "citation", "relationship", "groupcountry"}

# Unchanged words shown on each side of a change within a paragraph; the rest is "…".
CONTEXT_WORDS = 12


def who(record):
    """The author of a historical record as a curator reads it."""
    if record.history_user_id:
        return record.history_user.get_username()
    if "import" in (record.history_change_reason or ""):
        return "import"
    return "—"


@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str
    # Long text (the Markdown sections, notes): shown as a diff, not side by side.
    is_text: bool
    # False for what only imports write (their doubts): a revert leaves it as it is.
    editable: bool = True

    def text_diff(self):
        return text_diff(self.old, self.new)


def field_changes(newer, older):
    """The fields that differ between two historical records of one object, in the order
    the model declares them (diff_against sorts them by name)."""
    model = newer.instance_type
    changed = set(newer.diff_against(older).changed_fields)
    # diff_against() compares only the fields forms edit; what an import noted (a group's
    # import_warnings) is worth seeing too. Timestamps change on every save: left out.
    tracked = {field.name for field in newer.tracked_fields}
    for field in model._meta.concrete_fields:
        if field.editable or field.name not in tracked or is_timestamp(field):
            continue
        if getattr(newer, field.attname) != getattr(older, field.attname):
            changed.add(field.name)
    return [
        FieldChange(
            name=field.name,
            label=field.verbose_name.capitalize(),
            old=display_value(field, getattr(older, field.attname)),
            new=display_value(field, getattr(newer, field.attname)),
            is_text=isinstance(field, models.TextField),
            editable=field.editable,
        )
        for field in model._meta.concrete_fields
        if field.name in changed
    ]


def is_timestamp(field):
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def display_value(field, value):
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def text_diff(old, new):
    """HTML of the changed paragraphs of a long text, deleted words in <del> and inserted
    words in <ins>, with the end of the paragraph before and the start of the one after
    each change for context. Everything from the texts is escaped."""
    old_paragraphs, new_paragraphs = _paragraphs(old), _paragraphs(new)
    matcher = SequenceMatcher(None, old_paragraphs, new_paragraphs, autojunk=False)
    hunks = []
    for opcodes in matcher.get_grouped_opcodes(1):
        html = []
        for index, (tag, old_start, old_end, new_start, new_end) in enumerate(opcodes):
            removed = old_paragraphs[old_start:old_end]
            added = new_paragraphs[new_start:new_end]
            if tag == "equal":
                # Before the first change its end matters, after the last its start.
                keep_head, keep_tail = index > 0, index < len(opcodes) - 1
                for paragraph in removed:
                    context = _shorten(_words(paragraph), keep_head, keep_tail)
                    html.append(format_html('<p class="same">{}</p>', context))
            elif tag == "delete":
                html += [format_html("<p><del>{}</del></p>", paragraph) for paragraph in removed]
            elif tag == "insert":
                html += [format_html("<p><ins>{}</ins></p>", paragraph) for paragraph in added]
            else:
                html.append(
                    format_html("<p>{}</p>", _word_diff("\n\n".join(removed), "\n\n".join(added)))
                )
        hunks.append("".join(html))
    return mark_safe('<p class="gap">…</p>'.join(hunks))


def _paragraphs(text):
    """Markdown paragraphs (split at blank lines); a list's lines stay together."""
    return [paragraph.strip() for paragraph in re.split(r"\n\s*\n", text) if paragraph.strip()]


def _words(text):
    """Words and the spaces between them, so that joining gives the text back."""
    return re.findall(r"\s+|\S+", text)


def _word_diff(old, new):
    old_words, new_words = _words(old), _words(new)
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    opcodes = matcher.get_opcodes()
    parts = []
    for index, (tag, old_start, old_end, new_start, new_end) in enumerate(opcodes):
        if tag == "equal":
            keep_head, keep_tail = index > 0, index < len(opcodes) - 1
            parts.append(
                conditional_escape(_shorten(old_words[old_start:old_end], keep_head, keep_tail))
            )
            continue
        removed = "".join(old_words[old_start:old_end])
        added = "".join(new_words[new_start:new_end])
        if removed:
            parts.append(format_html("<del>{}</del>", removed))
        if added:
            parts.append(format_html("<ins>{}</ins>", added))
    return mark_safe("".join(parts))


def _shorten(tokens, keep_head, keep_tail):
    """Unchanged words around a change, the rest of a long stretch left out as "…"."""
    keep = 2 * CONTEXT_WORDS  # a word and the space after it
    if len(tokens) <= keep * (keep_head + keep_tail) + keep:
        return "".join(tokens)
    pieces = ["…"]
    if keep_head:
        pieces.insert(0, "".join(tokens[:keep]).rstrip())
    if keep_tail:
        pieces.append("".join(tokens[-keep:]).lstrip())
    return " ".join(pieces)


# The timeline of a profile's rows.


@dataclass
class RowChange:
    model_name: str
    record: object
    description: str
    # A deletion that is still the row's last record, and the curator may add such rows.
    restorable: bool = False

    @property
    def verbose_name(self):
        return ROW_MODELS[self.model_name][0]._meta.verbose_name

    @property
    def author(self):
        return who(self.record)

    @property
    def history_url(self):
        """The row's own History page (which also shows a deleted row's last version)."""
        return reverse(f"admin:profiles_{self.model_name}_history", args=[self.record.id])


def row_history(group_id):
    """Every historical record of the group's rows, newest first, as one queryset of
    dicts (a UNION over the rows' history tables), for a paginator to slice."""
    parts = []
    for model_name, (model, group_field) in ROW_MODELS.items():
        records = model.history.filter(**{f"{group_field}_id": group_id}).order_by()
        parts.append(
            records.annotate(model_name=Value(model_name, output_field=CharField())).values(
                "history_id", "history_date", "model_name"
            )
        )
    first, *others = parts
    return first.union(*others, all=True).order_by("-history_date", "-history_id")


def describe_row_changes(entries, user):
    """RowChanges for one page of row_history(): a query per model on the page for the
    records, and one per restorable model to tell a row's last record."""
    wanted = {}
    for entry in entries:
        wanted.setdefault(entry["model_name"], []).append(entry["history_id"])
    records = {}
    for model_name, history_ids in wanted.items():
        model = ROW_MODELS[model_name][0]
        for record in model.history.filter(history_id__in=history_ids).select_related(
            "history_user"
        ):
            records[model_name, record.history_id] = record
    changes = []
    for entry in entries:
        model_name = entry["model_name"]
        record = records[model_name, entry["history_id"]]
        changes.append(RowChange(model_name, record, describe_row(model_name, record)))
    _mark_restorable(changes, user)
    return changes


def _mark_restorable(changes, user):
    deleted = {}
    for change in changes:
        if change.record.history_type == "-" and change.model_name in RESTORABLE_MODELS:
            deleted.setdefault(change.model_name, []).append(change)
    for model_name, model_changes in deleted.items():
        model = ROW_MODELS[model_name][0]
        if not user.has_perm(f"profiles.add_{model_name}"):
            continue
        row_ids = {change.record.id for change in model_changes}
        last_record = dict(
            model.history.filter(id__in=row_ids)
            .values("id")
            .annotate(last=Max("history_id"))
            .values_list("id", "last")
        )
        for change in model_changes:
            change.restorable = last_record[change.record.id] == change.record.history_id


def describe_row(model_name, record):
    """A line saying which row this was, from the record's own fields alone (str() of some
    models would read their related rows, one query each)."""
    if model_name == "alias":
        return record.name
    if model_name == "event":
        return f"{record.date}: {_clip(record.text)}"
    if model_name == "reference":
        marker = f"[{record.marker}] " if record.marker is not None else ""
        return marker + _clip(record.label or record.url)
    if model_name == "citation":
        where = "an event" if record.event_id else record.section or "the profile"
        return f"in {where}: {_clip(record.statement) or '(no sentence)'}"
    if model_name == "relationship":
        return f"{record.get_relation_display()} {record.target_name}"
    if model_name == "groupcountry":
        return f"{country_name(record.code)} ({record.code})"
    return record.filename


def _clip(text, length=80):
    return Truncator(" ".join(text.split())).chars(length)


class RestoreError(Exception):
    pass


def restore_row(record, user):
    """Recreate a deleted row, with its id, from its last historical record (the one its
    deletion wrote). Returns the row and notes on what could not come back with it."""
    model = record.instance_type
    last = model.history.filter(id=record.id).order_by("-history_id").first()
    if last.history_type != "-" or model.objects.filter(pk=record.id).exists():
        raise RestoreError("it exists again (it was restored since)")
    row = last.history_object
    notes = []
    for field in model._meta.concrete_fields:
        if not field.many_to_one:
            continue
        target_id = getattr(row, field.attname)
        if target_id is None or field.related_model.objects.filter(pk=target_id).exists():
            continue
        if not field.null:
            raise RestoreError(f"its {field.verbose_name} no longer exists")
        setattr(row, field.attname, None)
        notes.append(f"its {field.verbose_name} no longer exists and was left empty")
    row._history_user = user
    deleted_at = timezone.localtime(last.history_date)
    row._change_reason = f"restored as deleted on {deleted_at:%Y-%m-%d %H:%M}"
    try:
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError as error:
        raise RestoreError(f"the archive refused it ({error})") from error
    return row, notes
