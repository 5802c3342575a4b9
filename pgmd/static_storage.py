"""Static files that can never take a page down."""

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class ForgivingManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed files; a file the manifest lacks keeps its plain name.

    Django's manifest storage raises ValueError for a file missing from the manifest (or
    for no manifest at all: collectstatic run with debug on), and every page linking a
    stylesheet would answer 500, the error pages included. Here the page links the plain
    name, which collectstatic copies too, and the log says what to run.
    """

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:
            logger.warning(
                "static file %r is not in the manifest: run `manage.py collectstatic` "
                "with DJANGO_DEBUG=0",
                name,
            )
            return name
