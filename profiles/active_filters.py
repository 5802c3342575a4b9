"""The filters a list was given, as removable chips above its results: each says what it
keeps ("Country: Pakistan", "Active from: 1990") and links to the same page without it."""

from dataclasses import dataclass

from django import forms

from profiles.selectors import COUNTRY_NAMES

# Parameters that are not filters: the page, the format and the order keep no chip.
NOT_FILTERS = {"page", "format", "sort"}


@dataclass(frozen=True)
class Chip:
    label: str
    url: str  # this page without the filter, from its first page


def active_filters(form, query):
    """[Chip] for each value of a valid filter form, in the form's order.

    `query`: the request's QueryDict. A country filter gets a chip per country.
    """
    chips = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if name in NOT_FILTERS or value in (None, "", []):
            continue
        label = str(field.label or name).replace(" (year)", "")
        if isinstance(value, list):
            for item in value:
                shown = COUNTRY_NAMES.get(item, item) if name == "country" else item
                chips.append(Chip(f"{label}: {shown}", without(query, name, item)))
        elif isinstance(field, forms.ChoiceField):
            shown = dict(field.choices).get(value, value)
            chips.append(Chip(f"{label}: {shown}", without(query, name)))
        elif isinstance(field, forms.CharField):
            chips.append(Chip(f"{label}: “{value}”", without(query, name)))
        else:
            chips.append(Chip(f"{label}: {value}", without(query, name)))
    return chips


def without(query, name, value=None):
    """The query string without parameter `name` (or only its `value`), the page or the
    empty fields."""
    remaining = query.copy()
    remaining.pop("page", None)
    if value is None:
        remaining.pop(name, None)
    else:
        kept = [item for item in remaining.getlist(name) if item.strip().upper() != value]
        remaining.setlist(name, kept)
    # The empty fields a submitted form sends say nothing: left out.
    for key in list(remaining):
        remaining.setlist(key, [item for item in remaining.getlist(key) if item.strip()])
    encoded = remaining.urlencode()
    return f"?{encoded}" if encoded else "?"
