"""Structured logs: one JSON object per line (LOG_FORMAT=json, the default without DEBUG).

Log collectors (journald, Docker, Loki, CloudWatch) read one object per line and
keep the fields searchable; a traceback stays inside its record instead of
spreading over many lines.
"""

import datetime
import json
import logging

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = request.get_full_path()
        if (status := getattr(record, "status_code", None)) is not None:
            entry["status"] = status
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in ("request", "status_code") and key not in entry:
                try:
                    json.dumps(value)
                except (TypeError, ValueError):
                    value = repr(value)
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
