"""Static files that can never take a page down."""

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class ForgivingManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed files; a file the manifest lacks keeps its plain name.

    Django's manifest storage raises ValueError for a file missing from the manifest (or
    for no manifest at all: collectstatic run with debug on), and every page linking a
    stylesheet would answer 500, the error pages included. Here the page links the plain
    name, which collectstatic copies too.
    """

    manifest_missing_reported = False

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:
            # WhiteNoise also asks for names that are not files at all (to tell hashed
            # names apart): only a missing manifest is worth a warning, once.
            if not self.hashed_files and not self.manifest_missing_reported:
                self.manifest_missing_reported = True
                logger.warning(
                    "no static files manifest in STATIC_ROOT: pages link the files by "
                    "their plain names; run `manage.py collectstatic` with DJANGO_DEBUG=0"
                )
            return name
