"""Keep what is derived from the archive's rows current when a curator saves or deletes one.

The importer writes in bulk, inside `bulk_changes()`, and does the same once per run.
"""

from django.db.models.signals import post_delete, post_save

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
    if sender is Group and kwargs.get("signal") is post_save:
        refresh_search_vectors([instance.pk])
    elif sender is Alias and instance.group_id is not None:
        refresh_search_vectors([instance.group_id])


for model in ARCHIVE_MODELS:
    post_save.connect(archive_changed, sender=model, dispatch_uid=f"archive-save-{model.__name__}")
    post_delete.connect(
        archive_changed, sender=model, dispatch_uid=f"archive-delete-{model.__name__}"
    )
