import pytest
from django.core.cache import cache

from profiles import models, snapshots


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with nothing cached, so pinned query counts are the cold path
    (and with no snapshot waiting for another test's commit)."""
    cache.clear()
    snapshots.forget_waiting()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def archive_state_read_every_time(settings):
    """Tests read the archive's last change on every request, as the pinned query counts
    say; tests/test_list_features.py checks the per-process copy on its own."""
    settings.ARCHIVE_STATE_REREAD_SECONDS = 0
    models._last_changed.value = None
