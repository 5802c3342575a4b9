"""Keep what is derived from the archive's rows current when a curator saves or deletes one.

The importer writes in bulk, inside `bulk_changes()`, and does the same once per run.
"""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from profiles.models import (
    Alias,
    ArchiveState,
    Citation,
    Event,
    Group,
    GroupCountry,
    NameKey,
    Reference,
    Relationship,
    SourceDocument,
    in_bulk_changes,
)
from profiles.search import refresh_search_vectors

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
