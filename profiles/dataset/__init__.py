"""The archive as a dataset: one CSV per table, one JSON file, a Frictionless Data Package
describing them, its codebook, and numbered releases frozen on disk.

tables.py   what each table holds: its columns, types, keys and meanings (the one source
            of the Data Package, the codebook page and the files' headers)
files.py    the rows of each table, written as CSV, JSON and datapackage.json, streamed
releases.py cutting a release: frozen files with their SHA-256, a changelog, citations
views.py    /data/, its files, the codebook and the releases
"""
