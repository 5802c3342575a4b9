"""gunicorn's settings for `make serve` (https://docs.gunicorn.org/en/stable/settings.html).

GUNICORN_BIND     address to listen on (default 127.0.0.1:8000; 0.0.0.0:8000 behind a proxy)
GUNICORN_WORKERS  worker processes (default: 2 per CPU core, plus one)
"""

import multiprocessing
import os

from pgmd.logs import stdout_json_logging

wsgi_app = "pgmd.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# The pages are short, CPU-bound requests: the usual two workers per core, plus one.
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
# Each worker loads the app before forking its copy: a broken setting fails at start.
preload_app = True
# A CSV export of the whole archive streams for a while; nothing else takes a second.
timeout = 60
graceful_timeout = 30
# Recycle workers now and then so that no slow leak grows without bound.
max_requests = 10_000
max_requests_jitter = 1_000

# The access log and gunicorn's own messages go to stdout as one JSON object per line,
# in the same format as the application's log (pgmd.logs).
accesslog = "-"
errorlog = "-"
logconfig_dict = stdout_json_logging(
    "WARNING",
    {
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
)
