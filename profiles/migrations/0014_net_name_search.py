# Finding a group by another spelling of its name (profiles.name_search): the pg_trgm and
# unaccent extensions, the folded names of each group, and their trigram index. On SQLite
# only the (empty) column is added: the extensions and the index are PostgreSQL's.

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

# The same folding as profiles.name_search.search_names_sql(), for the groups already here.
FILL = r"""
UPDATE profiles_group g SET search_names = regexp_replace(lower(unaccent(
    g.name || ' ; ' || coalesce((
        SELECT string_agg(a.name, ' ; ') FROM profiles_alias a
        WHERE a.group_id = g.id AND a.kind IN ('stated', 'claim')), '')
)), '[''’‘ʿʾʻʼ`´]', '', 'g')
"""


def fill_search_names(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FILL)
    # The search's `search_names %> query` (word similarity) reads this index.
    schema_editor.execute(
        "CREATE INDEX group_search_names_trgm ON profiles_group "
        "USING gin (search_names gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS group_search_names_trgm")


class Migration(migrations.Migration):

    dependencies = [
        ('profiles', '0013_data_releases'),
    ]

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        migrations.AddField(
            model_name='group',
            name='search_names',
            field=models.TextField(db_default='', default='', editable=False),
        ),
        migrations.RunPython(fill_search_names, drop_index),
    ]
