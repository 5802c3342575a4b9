from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def facet_url(context, facet):
    """This list's address with the facet's values set, back on the first page."""
    query = context["request"].GET.copy()
    for name, value in facet.params.items():
        query[name] = value
    query.pop("page", None)
    query.pop("format", None)
    return f"?{query.urlencode()}"
