"""The paginators of the public lists, and the static export's way of paging them.

A page N of a list read with OFFSET sorts and skips the N-1 pages before it: exporting
every page of the timeline's million events that way costs seconds a page at its end.
The static export (profiles.export) therefore reads a list's primary keys once, in the
list's order, and hands each page its own keys (`request.list_keys`, a ListKeys): the
view's queryset then reads the page's rows by key. The rows, their order and so the
page's bytes are the same as OFFSET gives; a reader's request never carries ListKeys.
"""

from array import array
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from profiles.caching import KnownCountPaginator


@dataclass
class ListKeys:
    """What the export knows of a list: with `keys` None, nothing yet (the paginator reads
    every key of the list into `all_keys`); otherwise the list's `count` and the
    requested page's keys, in order."""

    count: int | None = None
    keys: list | None = None
    # Filled in by the paginator when the export asks for them (keys None).
    all_keys: array | None = None
    per_page: int | None = None


def list_paginator(request, object_list, per_page, count=None):
    """The paginator of a public list; `count` when it is already known (cached)."""
    list_keys = getattr(request, "list_keys", None)
    if list_keys is not None:
        return KeyedPaginator(object_list, per_page, list_keys)
    if count is not None:
        return KnownCountPaginator(object_list, per_page, count)
    return Paginator(object_list, per_page)


class KeyedPaginator(Paginator):
    """Pages read by primary key, from keys the export read once for the whole list."""

    def __init__(self, object_list, per_page, list_keys):
        super().__init__(object_list, per_page)
        self.list_keys = list_keys
        if list_keys.keys is None:
            # One query for the whole list, in its order (values_list keeps the order).
            list_keys.all_keys = array("q", object_list.values_list("pk", flat=True))
            list_keys.per_page = per_page
            list_keys.count = len(list_keys.all_keys)

    @cached_property
    def count(self):
        return self.list_keys.count

    def page(self, number):
        number = self.validate_number(number)
        if self.list_keys.keys is None:
            bottom = (number - 1) * self.per_page
            keys = list(self.list_keys.all_keys[bottom : bottom + self.per_page])
        else:
            keys = self.list_keys.keys
        by_key = {row.pk: row for row in self.object_list.filter(pk__in=keys)}
        return self._get_page([by_key[key] for key in keys], number, self)
