"""URL converters for the public pages' path values."""


class PathTextConverter:
    """A slug, country code or file name: any text up to a slash, but no control character.

    A NUL (%00) reached PostgreSQL, which refuses it in a string (a 500); no slug, code or
    file name holds a control character, so such an address simply matches no page (404).
    """

    regex = r"[^/\x00-\x1f\x7f]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
