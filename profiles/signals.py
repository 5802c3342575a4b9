"""Keep what is derived from the archive's rows current when a curator saves or deletes one:
the archive's version, search vectors, last changes, the profiles' snapshots and the
whole-archive summaries (profiles.summaries).

The importer writes in bulk, inside `bulk_changes()`, and does the same once per run.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from profiles import summaries
from profiles.models import (
    Alias,
    ArchiveState,
    Citation,
    Event,
    Evidence,
    Group,
    GroupCountry,
    Mention,
    NameKey,
    Reference,
    Relationship,
    SourceDocument,
    archive_touched,
    in_bulk_changes,
)
from profiles.search import refresh_search_vectors
from profiles.snapshots import groups_changed

ARCHIVE_MODELS = [
    Group,
    GroupCountry,
    SourceDocument,
    Alias,
    NameKey,
    Reference,
    Event,
    Citation,
    Relationship,
]


def archive_changed(sender, instance, **kwargs):
    if in_bulk_changes():
        return
    ArchiveState.touch()
    if sender is Group:
        if kwargs.get("signal") is post_save:
            refresh_search_vectors([instance.pk])
        return
    if sender is Alias and instance.group_id is not None:
        refresh_search_vectors([instance.group_id])
    # An edited event, alias or citation changes the profile: its "last changed" moves.
    group_id = instance.source_id if sender is Relationship else instance.group_id
    if group_id is not None:
        Group.objects.filter(pk=group_id).update(updated_at=timezone.now())


for model in ARCHIVE_MODELS:
    post_save.connect(archive_changed, sender=model, dispatch_uid=f"archive-save-{model.__name__}")
    post_delete.connect(
        archive_changed, sender=model, dispatch_uid=f"archive-delete-{model.__name__}"
    )


archive_touched.connect(summaries.archive_touched, dispatch_uid="archive-summaries")


# The fields naming the groups whose profiles show a row.
SHOWN_BY = {model: ["group"] for model in ARCHIVE_MODELS if model is not Group}
SHOWN_BY.update(
    {
        Group: ["id"],
        Relationship: ["source", "target"],
        Evidence: ["group"],
        Mention: ["group", "target"],
    }
)


def groups_showing(sender, instance):
    return [getattr(instance, f"{name}_id" if name != "id" else "pk") for name in SHOWN_BY[sender]]


def before_change(sender, instance, **kwargs):
    """A row about to change or go: the profiles it shows in now, found before the change
    takes a tie, a name or the row itself away (a renamed group's old name, a moved tie's
    old target)."""
    if in_bulk_changes() or instance.pk is None:
        return
    if kwargs.get("signal") is pre_save:
        columns = [f"{name}_id" if name != "id" else "pk" for name in SHOWN_BY[sender]]
        stored = sender.objects.filter(pk=instance.pk).values_list(*columns).first()
        groups_changed(stored or [])
    else:
        groups_changed(groups_showing(sender, instance))


def after_change(sender, instance, **kwargs):
    if not in_bulk_changes():
        groups_changed(groups_showing(sender, instance))


for model in SHOWN_BY:
    name = model.__name__
    pre_save.connect(before_change, sender=model, dispatch_uid=f"snapshot-pre-save-{name}")
    pre_delete.connect(before_change, sender=model, dispatch_uid=f"snapshot-pre-delete-{name}")
    post_save.connect(after_change, sender=model, dispatch_uid=f"snapshot-save-{name}")
    post_delete.connect(after_change, sender=model, dispatch_uid=f"snapshot-delete-{name}")
