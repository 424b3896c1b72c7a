"""The API layer: HTTP to StepFun (or the local stand-in), error mapping and rate limits. No Qt.

Importing this package is cheap: the openai SDK is imported only when a client is first used.
"""
