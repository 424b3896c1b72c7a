"""The user's settings, the log file, and how the app reaches the API (QtCore only, no widgets).

- `values.StudioSettings`: the settings as one value, with their rules.
- `store.AppSettings`: the versioned settings file (QSettings, INI) in the config dir.
- `connection.resolve_connection`: the key, base URL and demo mode for this run.
- `logs.setup_logging`: the rotating log file, with secrets redacted.
"""
