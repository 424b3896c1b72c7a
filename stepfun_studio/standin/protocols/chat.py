"""`POST …/chat/completions` on the stand-in: the prompt assistant's chat models, offline.

Served under every provider whose model table entry names an `assistant` (StepFun's `/v1`,
OpenAI's `/openai/v1`), in that protocol's error shapes. Strict as a real server is: unknown
fields refused, only the provider's chat models, pictures only for its vision model, each
picture a decodable data URI, a bounded answer length. The text is deterministic: a Describe or
a caption names the picture's main colour and shape; a Polish adds detail in the style asked
for; a Translate marks the text as translated (the stand-in cannot translate). Streaming sends
the answer in server-sent `data:` events ending with `[DONE]`, with the usage in the last chunk.
The same faults as images apply (status faults, delay, drop, truncated, non_json).
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PIL import Image, ImageStat

from stepfun_studio.core.model_table import AssistantSpec
from stepfun_studio.standin.inputs import picture_from_uri
from stepfun_studio.standin.refusal import BadInputError, RefusalError

if TYPE_CHECKING:
    from stepfun_studio.standin.handler import StandinHandler
    from stepfun_studio.standin.protocols.base import Protocol

CHAT_ROUTE = "/chat/completions"
COMMON_FIELDS = frozenset({"model", "messages", "stream", "temperature", "top_p"})
MAX_ANSWER_TOKENS = 8192
IMAGE_FORMATS = frozenset({"PNG", "JPEG", "WEBP", "GIF"})
ROLES = frozenset({"system", "user", "assistant"})
_CJK = re.compile(r"[\u3400-\u9fff]")

# (English, Chinese, RGB): the colour a picture is named by.
PALETTE = (
    ("red", "红色", (200, 40, 40)),
    ("orange", "橙色", (230, 130, 40)),
    ("yellow", "黄色", (230, 210, 60)),
    ("green", "绿色", (60, 160, 70)),
    ("teal", "青色", (40, 150, 150)),
    ("blue", "蓝色", (50, 80, 200)),
    ("purple", "紫色", (130, 60, 170)),
    ("pink", "粉色", (230, 120, 170)),
    ("brown", "棕色", (120, 80, 50)),
    ("grey", "灰色", (128, 128, 128)),
    ("white", "白色", (240, 240, 240)),
    ("black", "黑色", (20, 20, 20)),
)


@dataclass
class ChatOrder:
    model: str
    system: str
    text: str
    pictures: list[Image.Image]
    stream: bool
    include_usage: bool
    prompt_tokens: int


def tokens(text: str) -> int:
    """A rough count: a Chinese character is a token, other text four characters a token."""
    cjk = len(_CJK.findall(text))
    return cjk + (len(text) - cjk) // 4 + 1


def check_chat(spec: AssistantSpec, body: dict[str, Any]) -> ChatOrder:
    allowed = COMMON_FIELDS | {spec.token_field}
    if spec.token_field == "max_completion_tokens":
        allowed |= {"max_tokens", "stream_options"}  # OpenAI's older name, and stream usage
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise RefusalError(400, f"Unrecognized request argument supplied: {unknown[0]}")
    model = body.get("model")
    models = {spec.vision_model, spec.text_model, *(name for name, _i, _o in spec.prices)}
    if model not in models:
        raise RefusalError(
            404, f"The model `{model}` does not exist or you do not have access to it.",
            error_type="model_not_found",
        )  # fmt: skip
    limit = body.get(spec.token_field, body.get("max_tokens"))
    if limit is not None and (
        not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_ANSWER_TOKENS
    ):
        raise BadInputError(spec.token_field, f"must be an integer from 1 to {MAX_ANSWER_TOKENS}")
    stream = body.get("stream", False)
    if not isinstance(stream, bool):
        raise BadInputError("stream", "must be a boolean")
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise BadInputError("messages", "must be a non-empty list")
    system, texts, pictures = "", [], []
    for index, message in enumerate(messages):
        if not isinstance(message, dict) or message.get("role") not in ROLES:
            raise BadInputError(f"messages[{index}]", "needs a role: system, user or assistant")
        content = message.get("content")
        if isinstance(content, str):
            parts: list[Any] = [{"type": "text", "text": content}]
        elif isinstance(content, list) and content:
            parts = content
        else:
            raise BadInputError(f"messages[{index}].content", "must be text or a list of parts")
        for part_index, part in enumerate(parts):
            where = f"messages[{index}].content[{part_index}]"
            kind = part.get("type") if isinstance(part, dict) else None
            if kind == "text" and isinstance(part.get("text"), str):
                if message["role"] == "system":
                    system += part["text"]
                else:
                    texts.append(part["text"])
            elif kind == "image_url" and isinstance(part.get("image_url"), dict):
                if model != spec.vision_model:
                    raise BadInputError(where, f"{model} does not take pictures")
                picture = picture_from_uri(
                    part["image_url"].get("url"), f"{where}.image_url.url", formats=IMAGE_FORMATS
                )
                if picture is not None:
                    pictures.append(picture)
            else:
                raise BadInputError(where, "must be a text or an image_url part")
    options = body.get("stream_options")
    include_usage = isinstance(options, dict) and options.get("include_usage") is True
    prompt_tokens = tokens(system) + sum(tokens(text) for text in texts) + 85 * len(pictures)
    return ChatOrder(
        str(model), system, "\n".join(texts), pictures, stream, include_usage, prompt_tokens
    )


def _colour(picture: Image.Image) -> tuple[str, str]:
    mean = ImageStat.Stat(picture.convert("RGB").resize((32, 32))).mean
    english, chinese, _rgb = min(
        PALETTE, key=lambda entry: sum((a - b) ** 2 for a, b in zip(mean, entry[2], strict=True))
    )
    return english, chinese


def answer_text(order: ChatOrder) -> str:
    """The deterministic answer to what the system message asks."""
    system = order.system.lower()
    if order.pictures:
        english, chinese = _colour(order.pictures[0])
        shape = "wide" if order.pictures[0].width > order.pictures[0].height else "upright"
        en = f"a {shape} picture in {english} tones, soft light, gentle gradients, calm mood"
        zh = f"一幅{chinese}调的画面，柔和的光线，渐变的色彩，宁静的氛围"
        if "caption" in system:
            return (
                f"A {shape} picture in {english} tones with soft gradients.\n"
                f"一幅{chinese}调的画面。"
            )
        if "in chinese" in system and "two lines" not in system:
            return zh
        if "in english" in system and "two lines" not in system:
            return en
        return f"中文：{zh}\nEnglish: {en}"
    if "translate" in system:
        target = "Chinese" if "into chinese" in system else "English"
        return f"[{target}] {order.text.strip()}"
    if "rewrite" in system:
        if _CJK.search(order.text):
            return f"{order.text.strip()}，细节丰富，光影柔和，质感细腻"
        return f"{order.text.strip()}, rich detail, soft directional light, fine texture"
    return f"Stand-in answer to: {order.text.strip()[:200]}"


def serve_chat(protocol: Protocol, http: StandinHandler, body: dict[str, Any]) -> None:
    spec = protocol.provider.assistant
    if spec is None:
        protocol.refuse(http, protocol.not_found("POST", http.record.path))
        return
    if not protocol.standin.key_accepted(http.key):
        protocol.refuse(http, protocol.unauthorized())
        return
    try:
        order = check_chat(spec, body)
    except BadInputError as bad:
        protocol.refuse(http, protocol.bad_input(bad))
        return
    except RefusalError as refusal:
        protocol.refuse(http, refusal)
        return
    answered, fault = protocol.before_answer(http)  # the same faults as image requests
    if answered:
        return
    text = answer_text(order)
    usage = {
        "prompt_tokens": order.prompt_tokens,
        "completion_tokens": tokens(text),
        "total_tokens": order.prompt_tokens + tokens(text),
    }
    name = fault.name if fault else ""
    if order.stream:
        _stream(http, order, text, usage, truncated=name == "truncated")
        return
    payload = {
        "id": "chatcmpl-" + uuid.uuid4().hex[:24],
        "object": "chat.completion",
        "created": int(time.time()),
        "model": order.model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": usage,
    }
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    if name == "non_json":
        http.send(200, b"<html><body>502 Bad Gateway</body></html>", "application/json")
    elif name == "truncated":
        http.send_truncated(data)
    else:
        http.send(200, data, "application/json", protocol.answer_headers(http))


def _stream(
    http: StandinHandler,
    order: ChatOrder,
    text: str,
    usage: dict[str, int],
    *,
    truncated: bool,
) -> None:
    """Server-sent events, a few characters each, then the usage and `[DONE]`."""
    ident = "chatcmpl-" + uuid.uuid4().hex[:24]

    def event(delta: dict[str, Any], finish: str | None, **extra: Any) -> bytes:
        chunk = {
            "id": ident,
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": order.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return b"data: " + json.dumps(chunk, ensure_ascii=False).encode("utf-8") + b"\n\n"

    pieces = [text[i : i + 6] for i in range(0, len(text), 6)]
    http.record.status = 200
    http.close_connection = True
    try:
        http.send_response(200)
        http.send_header("Content-Type", "text/event-stream; charset=utf-8")
        http.send_header("Cache-Control", "no-cache")
        http.send_header("X-Trace-Id", http.trace_id)
        http.end_headers()
        http.wfile.write(event({"role": "assistant", "content": ""}, None))
        for index, piece in enumerate(pieces):
            if truncated and index >= len(pieces) // 2:
                http.wfile.flush()
                http.drop()
                return
            http.wfile.write(event({"content": piece}, None))
            http.wfile.flush()
            time.sleep(0.005)
        # StepFun puts the usage in the last chunk; OpenAI sends it after, when asked.
        last_usage = {} if order.include_usage else {"usage": usage}
        http.wfile.write(event({}, "stop", **last_usage))
        if order.include_usage:
            chunk = {"id": ident, "object": "chat.completion.chunk", "choices": [], "usage": usage}
            http.wfile.write(b"data: " + json.dumps(chunk).encode("utf-8") + b"\n\n")
        http.wfile.write(b"data: [DONE]\n\n")
        http.wfile.flush()
    except OSError:
        http.standin.note_dropped()
