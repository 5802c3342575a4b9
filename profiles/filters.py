"""The group list's filters. Every query parameter is validated: a bad value is a form error
(HTTP 400), never ignored and never a 500."""

from datetime import date

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from profiles.models import Group, GroupCountry, GroupKind, GroupStatus, Reference, SourceDocument
from profiles.search import search_groups, uses_postgres_search
from profiles.selectors import COUNTRY_NAMES, country_choices

# ?sort= values: (label, ordering). "relevance" needs a search on PostgreSQL.
SORTS = {
    "name": ("Name", ["name", "slug"]),
    "formation": (
        "Formation, earliest first",
        [F("formation_earliest").asc(nulls_last=True), "name", "slug"],
    ),
    "-formation": (
        "Formation, latest first",
        [F("formation_earliest").desc(nulls_last=True), "name", "slug"],
    ),
    "-updated": ("Last update, newest first", ["-updated_at", "name", "slug"]),
    "relevance": ("Relevance to the search", ["-rank", "name", "slug"]),
}


class CountryCheckboxes(forms.Widget):
    """A checkbox per country that has groups, with its count of groups, in a box that
    scrolls: several are chosen without Ctrl or ⌘.

    The view gives the countries (`countries`: [CountryCount]) for each request, from
    selectors.countries_with_groups(); a chosen country with no group keeps its box, so
    that it can be unchosen. Written in Python from strings escaped once: the countries
    can be many.
    """

    allow_multiple_selected = True
    countries = ()

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False  # an empty selection is a value: no country

    def format_value(self, value):
        # Re-shows "pk" as the chosen "PK".
        if value is None:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(code).strip().upper() for code in values if str(code).strip()]

    def id_for_label(self, id_):
        return ""  # a group of boxes: its fieldset's legend names it

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        offered = [(c.code, c.name, c.groups) for c in self.countries if c.filterable]
        known = {code for code, _, _ in offered}
        # Chosen, but not offered (no group there, or the page has no counts): no count.
        offered += [
            (code, COUNTRY_NAMES.get(code, code), None) for code in chosen if code not in known
        ]
        # Plain formatting of escaped strings: format_html() per box took 5 ms for the
        # 188 countries of the benchmark archive, on every list page.
        field = escape(name)
        boxes = "\n".join(
            f'<li><label><input type="checkbox" name="{field}" value="{escape(code)}"'
            f"{' checked' if code in chosen else ''}> {escape(label)}"
            f"{count_html(groups)}</label></li>"
            for code, label, groups in offered
        )
        return mark_safe(f'<ul class="country-options">\n{boxes}\n</ul>')


def count_html(groups):
    return "" if groups is None else f' <span class="count">{int(groups)}</span>'


class CountryCodesField(forms.MultipleChoiceField):
    """ISO 3166-1 alpha-2 codes, in any case; empty values are ignored, repeats dropped."""

    widget = CountryCheckboxes
    default_error_messages = {
        "invalid_choice": "“%(value)s” is not an ISO 3166-1 alpha-2 country code.",
    }

    def to_python(self, value):
        codes = []
        for raw in super().to_python(value):
            code = raw.strip().upper()
            if code and code not in codes:
                codes.append(code)
        return codes


class CountryFilter(django_filters.Filter):
    field_class = CountryCodesField


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class ListParametersForm(forms.Form):
    """The form of a paged list's filters. Parameters the view reads (page, format, sort)
    are fields too, checked with the filters so that every bad parameter is reported the
    same way; ListFilterSet does not filter on them."""

    page = forms.IntegerField(
        min_value=1,
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "Page must be a positive whole number.",
            "min_value": "Page must be a positive whole number.",
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def check_year_order(self, first_field, last_field):
        first_year = self.cleaned_data.get(first_field)
        last_year = self.cleaned_data.get(last_field)
        if first_year is not None and last_year is not None and first_year > last_year:
            self.add_error(last_field, "The last year must not be before the first year.")


class ListFilterSet(django_filters.FilterSet):
    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:  # the others (page, format, sort) are the view's
                queryset = self.filters[name].filter(queryset, value)
        return queryset


class GroupFilterForm(ListParametersForm):
    format = forms.ChoiceField(
        choices=[("html", "HTML"), ("json", "JSON"), ("csv", "CSV")],
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Format must be “html”, “json” or “csv”."},
    )
    sort = forms.ChoiceField(
        label="Sort by",
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        required=False,
        error_messages={"invalid_choice": "“%(value)s” is not a way to sort this list."},
    )

    def clean(self):
        cleaned_data = super().clean()
        self.check_year_order("active_from", "active_to")
        if cleaned_data.get("sort") == "relevance" and not (
            cleaned_data.get("q") and uses_postgres_search()
        ):
            # Without a ranked search there is no relevance: fall back to the name.
            cleaned_data["sort"] = "name"
        return cleaned_data

    def ordering(self):
        """The list's ORDER BY: the chosen sort, else relevance when searching."""
        sort = self.cleaned_data.get("sort")
        if not sort:
            ranked = self.cleaned_data.get("q") and uses_postgres_search()
            sort = "relevance" if ranked else "name"
        return SORTS[sort][1]


class GroupFilterSet(ListFilterSet):
    q = django_filters.CharFilter(label="Search", method="filter_text", max_length=200)
    country = CountryFilter(label="Country", method="filter_country", choices=country_choices)
    active_from = YearFilter(
        label="Active from (year)", method="filter_active_from", min_value=1, max_value=9999
    )
    active_to = YearFilter(
        label="Active until (year)", method="filter_active_to", min_value=1, max_value=9999
    )
    kind = django_filters.ChoiceFilter(label="Kind", choices=GroupKind.choices, empty_label="Any")
    status = django_filters.ChoiceFilter(
        label="Status", choices=GroupStatus.choices, empty_label="Any"
    )

    class Meta:
        form = GroupFilterForm

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by(*self.form.ordering())

    def filter_text(self, queryset, name, value):
        if not value.strip():
            return queryset
        return search_groups(queryset, value.strip())

    def filter_country(self, queryset, name, value):
        return queryset.in_countries(value)

    def filter_active_from(self, queryset, name, value):
        return queryset.active_between(first_year=value)

    def filter_active_to(self, queryset, name, value):
        return queryset.active_between(last_year=value)


# The drawing of the ties (/network/): the group list's country and period filters.


class NetworkFilterForm(ListParametersForm):
    def clean(self):
        cleaned_data = super().clean()
        self.check_year_order("active_from", "active_to")
        return cleaned_data


class NetworkFilterSet(ListFilterSet):
    country = CountryFilter(label="Country", method="filter_country", choices=country_choices)
    active_from = YearFilter(
        label="Active from (year)", method="filter_active_from", min_value=1, max_value=9999
    )
    active_to = YearFilter(
        label="Active until (year)", method="filter_active_to", min_value=1, max_value=9999
    )

    class Meta:
        form = NetworkFilterForm

    filter_country = GroupFilterSet.filter_country
    filter_active_from = GroupFilterSet.filter_active_from
    filter_active_to = GroupFilterSet.filter_active_to


# The timeline across groups.


class TimelineFilterForm(ListParametersForm):
    def clean(self):
        cleaned_data = super().clean()
        self.check_year_order("from", "to")
        return cleaned_data


class TimelineFilterSet(ListFilterSet):
    """Events by their group's countries and by period.

    An event matches a period when the days its date may mean overlap it, so an event
    dated "the 1990s" is in 1995. Both bounds compare the indexed earliest/latest columns.
    """

    country = CountryFilter(label="Country", method="filter_country", choices=country_choices)
    # The parameters are "from" and "to"; "from" cannot be a class attribute (a keyword),
    # so both are added to base_filters below the class.

    class Meta:
        form = TimelineFilterForm

    def filter_country(self, queryset, name, value):
        countries = GroupCountry.objects.filter(group=OuterRef("group_id"), code__in=value)
        return queryset.filter(Exists(countries))

    def filter_from(self, queryset, name, value):
        return queryset.filter(latest__gte=date(value, 1, 1))

    def filter_to(self, queryset, name, value):
        return queryset.filter(earliest__lte=date(value, 12, 31))


TimelineFilterSet.base_filters["from"] = YearFilter(
    label="From (year)", method="filter_from", min_value=1, max_value=9999
)
TimelineFilterSet.base_filters["to"] = YearFilter(
    label="To (year)", method="filter_to", min_value=1, max_value=9999
)


def groups_matching(cleaned_data):
    """The groups a filtered timeline is about: in one of its countries and active in its
    period (the group list's own tests), for the chart above the events."""
    groups = Group.objects.active_between(cleaned_data.get("from"), cleaned_data.get("to"))
    if cleaned_data.get("country"):
        groups = groups.in_countries(cleaned_data["country"])
    return groups


# The Sources list.


class SourceFilterForm(ListParametersForm):
    # The view answers an unknown format with 400 first; this keeps it out of the filters.
    format = forms.ChoiceField(
        label="Page format",
        choices=[("html", "HTML"), ("json", "JSON")],
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Format must be “html” or “json”."},
    )


class SourceFilterSet(ListFilterSet):
    q = django_filters.CharFilter(
        label="File name or reference contains", method="filter_text", max_length=200
    )
    file_format = django_filters.ChoiceFilter(
        label="File format",
        field_name="format",
        choices=SourceDocument.Format.choices,
        empty_label="Any format",
        error_messages={
            "invalid_choice": "“%(value)s” is not a source format: use guidebook or encyclopedia."
        },
    )

    class Meta:
        form = SourceFilterForm

    def filter_text(self, queryset, name, value):
        references = Reference.objects.filter(document=OuterRef("pk")).filter(
            Q(label__icontains=value) | Q(url__icontains=value)
        )
        return queryset.filter(Q(filename__icontains=value) | Q(Exists(references)))
