"""`AssistantClient`: the prompt assistant's calls to a provider's chat models.

One `/chat/completions` request per task, through the provider's `ImageClient` so the same
rules hold as for pictures: the key only in the Authorization header, a whole-call deadline, a
byte cap, the provider's error shapes mapped to words, and no call that may have been billed sent
again (a chat call is billed by its tokens: it is never retried, not even after a 429, which the
user can retry by hand). Streaming hands each piece of text to `on_text` as it arrives; the cost
comes from the usage the provider returns and the table's token prices.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from stepfun_studio.api.providers import open_image_client
from stepfun_studio.api.providers.client import ImageClient
from stepfun_studio.api.reference_image import ReferencePurpose, prepare_reference
from stepfun_studio.core.assistant import (
    CAPTION_TOKENS,
    MAX_ANSWER_TOKENS,
    AssistantAnswer,
    AssistTask,
    fit_limit,
    language_of,
    picture_messages,
    polish_messages,
    polish_style,
    translate_messages,
)
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import AssistantSpec, ModelTable, model_table
from stepfun_studio.core.plain_text import plain_text
from stepfun_studio.core.text import tr

CHAT_PATH = "/chat/completions"
# A chat answer is text: far below the picture caps.
ANSWER_CAP_BYTES = 4 * 1024 * 1024
CALL_DEADLINE_S = 120.0

TextSink = Callable[[str], None]


def no_assistant(label: str) -> AppError:
    return AppError(
        ErrorKind.CONFIG,
        tr(
            "Assistant",
            "{provider} has no chat model Studio can use for the prompt assistant. Use a "
            "StepFun or OpenAI key for it.",
        ).format(provider=label),
        retry_safe=True,
    )


class AssistantClient:
    """Describe, Polish, Translate and Caption over one provider's chat API."""

    def __init__(self, client: ImageClient, spec: AssistantSpec, *, deadline_s: float) -> None:
        self._client = client
        self.spec = spec
        self.deadline_s = deadline_s

    @property
    def provider_id(self) -> str:
        return self._client.provider_id

    async def aclose(self) -> None:
        await self._client.aclose()

    # -- the four tasks ------------------------------------------------------------------------

    async def describe(
        self, picture: bytes, name: str, language: str = "both", on_text: TextSink | None = None
    ) -> AssistantAnswer:
        """A prompt for a picture like this one: both languages ("中文：… / English: …")."""
        data_uri = await _data_uri(picture, name)
        messages = picture_messages(AssistTask.DESCRIBE, data_uri, language)
        return await self.chat(self.spec.vision_model, messages, MAX_ANSWER_TOKENS, on_text)

    async def caption(self, picture: bytes, name: str) -> AssistantAnswer:
        data_uri = await _data_uri(picture, name)
        messages = picture_messages(AssistTask.CAPTION, data_uri)
        return await self.chat(self.spec.vision_model, messages, CAPTION_TOKENS)

    async def polish(
        self, prompt: str, style: str, limit: int, on_text: TextSink | None = None
    ) -> AssistantAnswer:
        messages = polish_messages(prompt, polish_style(style), limit)
        answer = await self.chat(self.spec.text_model, messages, MAX_ANSWER_TOKENS, on_text)
        return _fitted(answer, limit)

    async def translate(
        self, prompt: str, limit: int, target: str | None = None, on_text: TextSink | None = None
    ) -> AssistantAnswer:
        """Chinese to English or back (`target` None: the other language than the prompt's)."""
        target = target or ("en" if language_of(prompt) == "zh" else "zh")
        messages = translate_messages(prompt, target, limit)
        answer = await self.chat(self.spec.text_model, messages, MAX_ANSWER_TOKENS, on_text)
        return _fitted(answer, limit)

    # -- one call ------------------------------------------------------------------------------

    async def chat(
        self,
        model: str,
        messages: list[Any],
        max_tokens: int,
        on_text: TextSink | None = None,
    ) -> AssistantAnswer:
        body: dict[str, Any] = {
            "model": model,
            "messages": messages,
            self.spec.token_field: max_tokens,
        }
        try:
            async with asyncio.timeout(self.deadline_s):
                if on_text is None:
                    data = await self._client.post_json(CHAT_PATH, body)
                    text, usage = _message_text(data), _usage(data)
                else:
                    text, usage = await self._stream(body, on_text)
        except TimeoutError:
            raise AppError(
                ErrorKind.TIMEOUT,
                tr(
                    "Assistant",
                    "No answer within {seconds:g} s; the call was given up. It may still be "
                    "billed. Try again when the service answers faster.",
                ).format(seconds=self.deadline_s),
            ) from None
        text = plain_text(text).strip()
        if not text:
            raise AppError(
                ErrorKind.BAD_RESPONSE,
                tr("Assistant", "The chat model answered with no text. Try again."),
            )
        tokens_in, tokens_out = usage
        cost = self.spec.cost(model, tokens_in, tokens_out) if tokens_in or tokens_out else None
        return AssistantAnswer(
            text,
            model,
            tokens_in,
            tokens_out,
            cost,
            self.spec.currency if cost is not None else None,
        )

    async def _stream(self, body: dict[str, Any], on_text: TextSink) -> tuple[str, tuple[int, int]]:
        body = {**body, "stream": True}
        if self.spec.token_field == "max_completion_tokens":
            # OpenAI sends usage in a stream only when asked; StepFun puts it in the last chunk.
            body["stream_options"] = {"include_usage": True}
        pieces: list[str] = []
        usage = (0, 0)
        async for event in self._client.post_events(CHAT_PATH, body):
            piece = _delta_text(event)
            if piece:
                pieces.append(piece)
                on_text(piece)
            if isinstance(event, dict) and isinstance(event.get("usage"), dict):
                usage = _usage(event)
        return "".join(pieces), usage


def _fitted(answer: AssistantAnswer, limit: int) -> AssistantAnswer:
    return replace(answer, text=fit_limit(answer.text, limit))


async def _data_uri(picture: bytes, name: str) -> str:
    prepared = await asyncio.to_thread(prepare_reference, picture, name, ReferencePurpose.VISION)
    return prepared.image.data_uri


def _first_choice(data: object) -> dict[str, Any]:
    if isinstance(data, dict):
        choices = data.get("choices")
        if isinstance(choices, list) and choices and isinstance(choices[0], dict):
            return choices[0]
    return {}


def _content_text(content: object) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content parts
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return ""


def _message_text(data: object) -> str:
    message = _first_choice(data).get("message")
    return _content_text(message.get("content")) if isinstance(message, dict) else ""


def _delta_text(event: object) -> str:
    choice = _first_choice(event)
    delta = choice.get("delta")
    if isinstance(delta, dict):
        return _content_text(delta.get("content"))
    message = choice.get("message")  # a server that answered plain JSON to a stream request
    return _content_text(message.get("content")) if isinstance(message, dict) else ""


def _usage(data: object) -> tuple[int, int]:
    usage = data.get("usage") if isinstance(data, dict) else None
    if not isinstance(usage, dict):
        return 0, 0

    def count(name: str) -> int:
        value = usage.get(name)
        return value if isinstance(value, int) and value >= 0 else 0

    return count("prompt_tokens"), count("completion_tokens")


def open_assistant_client(
    provider_id: str,
    *,
    api_key: str,
    base_url: str,
    table: ModelTable | None = None,
    demo: bool = False,
    deadline_s: float = CALL_DEADLINE_S,
) -> AssistantClient:
    """The assistant for `provider_id`; AppError(CONFIG) where the provider has none."""
    table = table or model_table()
    provider = table.provider(provider_id)
    if provider is None or provider.assistant is None:
        raise no_assistant(provider.label if provider else provider_id)
    client = open_image_client(
        provider_id,
        api_key=api_key,
        base_url=base_url,
        table=table,
        response_cap_bytes=ANSWER_CAP_BYTES,
        request_deadline_s=deadline_s,
        demo=demo,
    )
    return AssistantClient(client, provider.assistant, deadline_s=deadline_s)
