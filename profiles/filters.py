"""The group list's filters. Every query parameter is validated: a bad value is a form error
(HTTP 400), never ignored and never a 500."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from profiles.models import Alias, GroupCountry, Reference, SourceDocument
from profiles.selectors import PUBLIC_ALIAS_KINDS, country_choices


class CountrySelect(forms.SelectMultiple):
    def format_value(self, value):
        # Re-shows "pk" as the selected option "PK".
        return [code.strip().upper() for code in super().format_value(value)]


class CountryCodesField(forms.MultipleChoiceField):
    """ISO 3166-1 alpha-2 codes, in any case; empty values are ignored, repeats dropped."""

    widget = CountrySelect(attrs={"size": 8})
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


class GroupFilterForm(forms.Form):
    # Checked with the filters so that every bad parameter is reported the same way; the
    # view reads them, the FilterSet does not filter on them.
    page = forms.IntegerField(
        min_value=1,
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "Page must be a positive whole number.",
            "min_value": "Page must be a positive whole number.",
        },
    )
    format = forms.ChoiceField(
        choices=[("html", "HTML"), ("json", "JSON")],
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Format must be “json” or “html”."},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        first_year = cleaned_data.get("active_from")
        last_year = cleaned_data.get("active_to")
        if first_year is not None and last_year is not None and first_year > last_year:
            self.add_error("active_to", "The last year must not be before the first year.")
        return cleaned_data


class GroupFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Name or alias contains", method="filter_text", max_length=200
    )
    country = CountryFilter(label="Country", method="filter_country", choices=country_choices)
    active_from = YearFilter(
        label="Active from (year)", method="filter_active_from", min_value=1, max_value=9999
    )
    active_to = YearFilter(
        label="Active until (year)", method="filter_active_to", min_value=1, max_value=9999
    )

    class Meta:
        form = GroupFilterForm

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:  # page and format are the view's
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_text(self, queryset, name, value):
        # icontains is UPPER(..) LIKE UPPER(..) on PostgreSQL and LIKE on SQLite: both
        # case-insensitive (SQLite folds ASCII letters only), with % and _ escaped.
        aliases = Alias.objects.filter(
            group=OuterRef("pk"), kind__in=PUBLIC_ALIAS_KINDS, name__icontains=value
        )
        return queryset.filter(Q(name__icontains=value) | Q(Exists(aliases)))

    def filter_country(self, queryset, name, value):
        # EXISTS rather than a join: a group with two of the codes is listed once.
        countries = GroupCountry.objects.filter(group=OuterRef("pk"), code__in=value)
        return queryset.filter(Exists(countries))

    def filter_active_from(self, queryset, name, value):
        return queryset.active_between(first_year=value)

    def filter_active_to(self, queryset, name, value):
        return queryset.active_between(last_year=value)


# The Sources list.


class SourceFilterForm(forms.Form):
    page = forms.IntegerField(
        min_value=1,
        required=False,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "Page must be a positive whole number.",
            "min_value": "Page must be a positive whole number.",
        },
    )
    # The list has no JSON twin: ?format=json must not quietly answer with HTML.
    format = forms.ChoiceField(
        label="Page format",
        choices=[("html", "HTML")],
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Format must be “html”: this list has no JSON form."},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SourceFilterSet(django_filters.FilterSet):
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

    def filter_queryset(self, queryset):
        for name, value in self.form.cleaned_data.items():
            if name in self.filters:  # page and format are the view's
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def filter_text(self, queryset, name, value):
        references = Reference.objects.filter(document=OuterRef("pk")).filter(
            Q(label__icontains=value) | Q(url__icontains=value)
        )
        return queryset.filter(Q(filename__icontains=value) | Q(Exists(references)))
