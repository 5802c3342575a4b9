import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with nothing cached, so pinned query counts are the cold path."""
    cache.clear()
    yield
    cache.clear()
