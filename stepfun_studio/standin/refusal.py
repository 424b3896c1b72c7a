"""What a protocol's checks raise when the server turns a request down.

The checks say what is wrong in neutral terms (status, message, the field, a code); each
protocol then writes it in its own error shape: StepFun `{error: {message, type}}`, OpenAI
`{error: {message, type, param, code}}`, Ark `{error: {code, message, param, type}}` with a
request id, SiliconFlow `{code, message, data}`.
"""

from __future__ import annotations


class RefusalError(Exception):
    """A request the server turns down.

    `code` is a string for OpenAI and Ark, an integer (as text) for SiliconFlow; `error_type` is
    the envelope's `type` where the protocol has one. `headers` go out with the answer
    (Retry-After on a 429).
    """

    def __init__(
        self,
        status: int,
        message: str,
        *,
        param: str | None = None,
        code: str | None = None,
        error_type: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param
        self.code = code
        self.error_type = error_type
        self.headers = dict(headers or {})


class BadInputError(Exception):
    """A field that cannot be read (a picture that does not decode, a number that is text).

    Raised by the shared readers in `inputs.py`; the protocol turns it into its own `RefusalError`.
    """

    def __init__(self, param: str, reason: str) -> None:
        super().__init__(f"{param}: {reason}")
        self.param = param
        self.reason = reason
