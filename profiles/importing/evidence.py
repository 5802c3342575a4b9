"""Where each coded value was read (Evidence) and which organisations a text names
(Mention): rewritten for each file on every import of it, in bulk, inside the file's
transaction. Mentions are linked to their profiles by profiles.importing.linking."""

from profiles.importing.building import new_row
from profiles.importing.inserting import insert_rows
from profiles.models import Evidence, Mention
from profiles.parsing.names import name_key

# The parser's evidence keys ("formation", "country:PK", "alias:MQM-H") -> (field, key).
SINGLE_FIELDS = {"formation", "termination", "size", "kind", "status"}
KEYED_FIELDS = {"country": Evidence.Field.COUNTRY, "alias": Evidence.Field.ALIAS}


def _value_of(profile, field, key):
    """The value the file gives the field, as Evidence.value keeps it."""
    if field in ("formation", "termination"):
        date = getattr(profile, field)
        return date.edtf if date else ""
    if field == "size":
        return "" if profile.size is None else str(profile.size)
    if field in ("kind", "status"):
        return getattr(profile, field) or ""
    return key


def evidence_rows(profile, group, doc):
    """The file's Evidence rows, unsaved, in the order the parser gives them."""
    rows = []
    for name, evidence in profile.evidence.items():
        if evidence is None:
            continue
        field, _, key = name.partition(":")
        if field in SINGLE_FIELDS and not key:
            key = ""
        elif field in KEYED_FIELDS and key:
            field = KEYED_FIELDS[field]
        else:
            continue  # a key this version of the importer does not know
        rows.append(
            new_row(
                Evidence,
                group=group,
                document=doc,
                field=field,
                key=key[:300],
                value=_value_of(profile, field, key)[:300],
                line=evidence.line,
                quote=evidence.quote,
            )
        )
    return rows


def mention_rows(profile, group, doc):
    """The file's Mention rows, unsaved and unlinked; a name the text repeats in one
    sentence is one mention."""
    rows, seen = [], set()
    for mention in profile.mentions:
        key = name_key(mention.name)
        # A mention read from a tie the parser found no sentence for has no line: it is
        # still a name the text gives (as the tie itself is kept, with line 0).
        line, quote = (
            (mention.evidence.line, mention.evidence.quote) if mention.evidence else (0, "")
        )
        if not key or (key, line, quote) in seen:
            continue
        seen.add((key, line, quote))
        rows.append(
            new_row(
                Mention,
                group=group,
                document=doc,
                name=mention.name[:300],
                key=key[:300],
                quote=quote,
                line=line,
                relation=mention.relation or "",
            )
        )
    return rows


def write_evidence(items, groups, docs):
    """Replace what the files' earlier versions said with what they say now: a file's
    rows belong to it alone, so they are deleted and written again (one statement each).
    Returns the names the mentions give, to be linked."""
    replaced = [doc.pk for item, doc in zip(items, docs, strict=True) if item.existing]
    if replaced:
        Evidence.objects.filter(document_id__in=replaced).delete()
        Mention.objects.filter(document_id__in=replaced).delete()
    evidence, mentions = [], []
    for item, group, doc in zip(items, groups, docs, strict=True):
        evidence += evidence_rows(item.profile, group, doc)
        mentions += mention_rows(item.profile, group, doc)
    insert_rows(Evidence, evidence)
    insert_rows(Mention, mentions)
    return {mention.key for mention in mentions}
