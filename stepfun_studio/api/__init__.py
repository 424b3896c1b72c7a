"""The API layer: HTTP to the image providers (or the local stand-in), errors, limits. No Qt.

`api.providers` holds one adapter per protocol around one shared client; `api.client` keeps
`StepFunClient` for StepFun. Importing this package is cheap: httpx2 is imported only when a
client first sends something, and the openai SDK not at all.
"""
