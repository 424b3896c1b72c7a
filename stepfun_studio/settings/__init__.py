"""The user's settings, the log file, and how the app reaches the API (QtCore only, no widgets).

- `values.StudioSettings`: the settings as one value, with their rules; per provider a region and
  server address, and the models declared for an OpenAI-compatible server
  (`values.effective_model_table` gives the model table with those in it).
- `store.AppSettings`: the versioned settings file (QSettings, INI) in the config dir.
- `connection.resolve_connection(provider_id, …)`: one provider's key, base URL and demo mode.
- `connection_check.check_connection`: "Test connection" at no cost (models, balance).
- `logs.setup_logging`: the rotating log file, with secrets redacted.
"""
