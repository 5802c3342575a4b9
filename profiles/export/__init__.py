"""The static export of the public site (manage.py export_site): addresses.py maps the
site's addresses to files, site.py renders and writes them."""
