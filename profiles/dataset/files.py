"""The dataset's files, produced a chunk of text at a time: one CSV per table, the whole
archive as one JSON file, and the Frictionless Data Package (datapackage.json) that
describes the CSVs.

Everything is a generator of strings, read from the database in chunks: a view streams
it, a release writes it to disk, and memory does not grow with the archive.
"""

import csv
import hashlib
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

from profiles.dataset.tables import TABLES

PACKAGE_NAME = "armed-group-profiles"
PACKAGE_TITLE = "Armed Group Profiles"
PACKAGE_DESCRIPTION = (
    "Profiles of armed groups (pro-government militias, party militant wings, splinter "
    "factions) read from plain-text source files: the groups, their names, countries, dated "
    "events, ties to other groups, the organisations their texts mention, references, "
    "citations and where each coded value was read. Dates are EDTF strings with the earliest "
    "and latest day they can mean."
)
JSON_FILENAME = "archive.json"
PACKAGE_FILENAME = "datapackage.json"
DATED = {"date", "datetime"}
# Text is handed on in pieces of about this many characters: few enough writes to be
# fast, small enough to keep memory flat.
PIECE_SIZE = 64 * 1024


def csv_value(value):
    """A database value as CSV text: empty for null, ISO 8601 for dates and times."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def json_value(value):
    if isinstance(value, date):  # datetimes too
        return csv_value(value)
    return value


def in_pieces(texts):
    """Joins many small strings into pieces of about PIECE_SIZE characters."""
    pending, size = [], 0
    for text in texts:
        pending.append(text)
        size += len(text)
        if size >= PIECE_SIZE:
            yield "".join(pending)
            pending, size = [], 0
    if pending:
        yield "".join(pending)


def row_converter(table):
    """A function giving a row's CSV values: only dates and times need writing out (the
    csv module writes None as an empty field). None when no column needs it."""
    dated = [index for index, column in enumerate(table.columns) if column.type in DATED]
    if not dated:
        return None

    def convert(row):
        values = list(row)
        for index in dated:
            values[index] = csv_value(values[index])
        return values

    return convert


def csv_text(table):
    """The table's header and rows as CSV (RFC 4180: CRLF line ends, quoted as needed), in
    pieces of about PIECE_SIZE characters."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.column_names)
    convert = row_converter(table)
    for row in table.rows():
        writer.writerow(convert(row) if convert else row)
        if buffer.tell() >= PIECE_SIZE:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_lines():
    """The whole archive as one JSON object: {"name", "tables": {table: [row objects]}}."""
    yield f'{{"name": {json.dumps(PACKAGE_NAME)}, "tables": {{'
    for table_index, table in enumerate(TABLES):
        yield f"{',' if table_index else ''}\n{json.dumps(table.name)}: ["
        names = table.column_names
        for row_index, row in enumerate(table.rows()):
            values = {name: json_value(value) for name, value in zip(names, row, strict=True)}
            yield ("," if row_index else "") + "\n" + json.dumps(values, ensure_ascii=False)
        yield "\n]"
    yield "}}\n"


def json_text():
    return in_pieces(json_lines())


def field_descriptor(column):
    descriptor = {
        "name": column.name,
        "type": column.type,
        "description": column.full_description,
    }
    if column.type == "datetime":
        descriptor["format"] = "%Y-%m-%dT%H:%M:%SZ"
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.terms:
        constraints["enum"] = [str(term.key) for term in column.terms]
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def resource_descriptor(table, stats=None):
    """A tabular data resource: the CSV's path and its Table Schema; `stats` is
    {"bytes", "sha256"} of a file already written (a release's)."""
    descriptor = {
        "name": table.name,
        "path": table.filename,
        "title": table.title,
        "description": table.description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [field_descriptor(column) for column in table.columns],
            "missingValues": [""],
            "primaryKey": list(table.primary_key),
            "foreignKeys": [
                {
                    "fields": key.column,
                    "reference": {"resource": key.table, "fields": key.table_column},
                }
                for key in table.foreign_keys
            ],
        },
    }
    if stats:
        descriptor["bytes"] = stats["bytes"]
        descriptor["hash"] = f"sha256:{stats['sha256']}"
    return descriptor


def package_descriptor(created, version=None, stats=None):
    """datapackage.json as a dict. `created` is a datetime; a release gives its version and
    the {filename: {"bytes", "sha256"}} of the files it wrote."""
    descriptor = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": PACKAGE_DESCRIPTION,
    }
    if version:
        descriptor["version"] = version
    descriptor["created"] = csv_value(created)
    descriptor["resources"] = [
        resource_descriptor(table, (stats or {}).get(table.filename)) for table in TABLES
    ]
    return descriptor


def package_text(created, version=None, stats=None):
    return json.dumps(package_descriptor(created, version, stats), ensure_ascii=False, indent=2)


def data_files():
    """(filename, function giving its text in pieces) of every data file but the package."""
    files = [(table.filename, lambda table=table: csv_text(table)) for table in TABLES]
    files.append((JSON_FILENAME, json_text))
    return files


def write_file(path, pieces):
    """Writes the pieces to `path` as UTF-8; returns {"bytes", "sha256"} of what was written."""
    digest = hashlib.sha256()
    size = 0
    with Path(path).open("wb") as file:
        for piece in pieces:
            data = piece.encode("utf-8")
            digest.update(data)
            size += len(data)
            file.write(data)
    return {"bytes": size, "sha256": digest.hexdigest()}


def write_dataset(directory, created, version=None):
    """Writes every data file and datapackage.json (with each CSV's size and SHA-256) into
    `directory`; returns {filename: {"bytes", "sha256"}} of all of them."""
    directory = Path(directory)
    stats = {}
    for filename, pieces in data_files():
        stats[filename] = write_file(directory / filename, pieces())
    stats[PACKAGE_FILENAME] = write_file(
        directory / PACKAGE_FILENAME, [package_text(created, version, stats) + "\n"]
    )
    return stats
