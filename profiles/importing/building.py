"""Building many unsaved rows quickly.

An import builds tens of thousands of rows per batch. Django's keyword arguments look up,
pop and default every field of every row, and assign each related object through its
descriptor. Model.__init__ given its values in field order still sets each one through
its descriptor (a foreign key's checks whether a cached object must be forgotten, which a
new row has none of). A row here is made as __init__ leaves it: its values in the
instance's __dict__, where the descriptors read them, and a fresh ModelState. No signal
is lost: the project connects nothing to pre_init or post_init (a test checks it).
"""

from functools import cache

from django.db.models.base import ModelState


@cache
def _layout(model):
    """(each field's attname by attname and by relation name, the constant defaults by
    attname, the fields whose default is made anew for each row, the names of the
    relations)."""
    fields = model._meta.concrete_fields
    attnames, relations = {}, set()
    for field in fields:
        attnames[field.attname] = field.attname
        if field.is_relation:
            attnames[field.name] = field.attname
            relations.add(field.name)
    made = [field for field in fields if field.has_default() and callable(field.default)]
    defaults = {field.attname: field.get_default() for field in fields if field not in made}
    return attnames, defaults, made, frozenset(relations)


def new_row(model, **values):
    """An unsaved `model(**values)`. A related object (group=...) gives its id and is
    cached on the row, as with keyword arguments; one saved later gives its id on insert
    (profiles.importing.inserting, or bulk_create)."""
    attnames, defaults, made, relations = _layout(model)
    row = model.__new__(model)
    state = row.__dict__
    state.update(defaults)
    for field in made:  # a dict or a list of its own
        state[field.attname] = field.get_default()
    state["_state"] = ModelState()
    for name, value in values.items():
        if name in relations:
            if value is not None:
                state["_state"].fields_cache[name] = value
                value = value.pk
        state[attnames[name]] = value
    return row
