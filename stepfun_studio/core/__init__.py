"""Plain-Python heart of the app: the model table, requests, validation, presets, errors.

Nothing here imports Qt, does I/O beyond reading the package's own model table, or imports any
other layer of ours.
"""
