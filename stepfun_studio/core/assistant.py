"""The prompt assistant's words: what each task asks a chat model, and how its answer is read.

Four tasks over an OpenAI-style `/chat/completions` API (StepFun's chat and vision models, or
OpenAI's): *Describe* a picture as a prompt (Chinese and English), *Polish* a prompt in a chosen
style, *Translate* it between Chinese and English, and *Caption* a picture for search. The
messages are built here, pure; `api/assistant_client.py` sends them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from stepfun_studio.core.text import tr

# Enough for a rich prompt in two languages; a bound on what a call can cost.
MAX_ANSWER_TOKENS = 600
CAPTION_TOKENS = 200


class AssistTask(StrEnum):
    DESCRIBE = "describe"
    POLISH = "polish"
    TRANSLATE = "translate"
    CAPTION = "caption"

    @property
    def sees_pictures(self) -> bool:
        return self in (AssistTask.DESCRIBE, AssistTask.CAPTION)


@dataclass(frozen=True)
class PolishStyle:
    key: str
    instruction: str  # English, for the model

    def label(self) -> str:
        return {
            "photo": tr("Assistant", "Photograph"),
            "illustration": tr("Assistant", "Illustration"),
            "ink": tr("Assistant", "Ink wash"),
            "product": tr("Assistant", "Product shot"),
            "anime": tr("Assistant", "Anime"),
            "render": tr("Assistant", "3D render"),
            "watercolour": tr("Assistant", "Watercolour"),
            "cinematic": tr("Assistant", "Cinematic"),
        }.get(self.key, self.key)


POLISH_STYLES = (
    PolishStyle("photo", "a photograph: camera, lens, light and texture"),
    PolishStyle("illustration", "a detailed digital illustration"),
    PolishStyle(
        "ink", "a traditional Chinese ink wash painting (水墨画), brushwork and empty space"
    ),
    PolishStyle("product", "a clean commercial product shot: studio light, backdrop, materials"),
    PolishStyle("anime", "an anime key visual"),
    PolishStyle("render", "a 3D render: materials, lighting, depth of field"),
    PolishStyle("watercolour", "a watercolour painting: washes, paper texture"),
    PolishStyle("cinematic", "a cinematic film still: framing, colour grade, atmosphere"),
)


def polish_style(key: str) -> PolishStyle:
    for style in POLISH_STYLES:
        if style.key == key:
            return style
    raise ValueError(
        tr("Assistant", "Unknown style “{style}”. Choose one of: {styles}.").format(
            style=key, styles=", ".join(s.key for s in POLISH_STYLES)
        )
    )


@dataclass(frozen=True)
class AssistantAnswer:
    """A finished call: the text, the model that wrote it, its tokens and what it cost."""

    text: str
    model: str
    input_tokens: int
    output_tokens: int
    cost: float | None
    currency: str | None


def _describe_system(language: str) -> str:
    base = (
        "You write prompts for image generation models. Look at the picture and write one "
        "prompt that would make a picture like it: subject, composition, style, medium, "
        "lighting and colours, as a comma-separated description. "
    )
    if language == "zh":
        return base + "Answer with the prompt only, in Chinese."
    if language == "en":
        return base + "Answer with the prompt only, in English."
    return base + (
        "Answer in exactly two lines: the first starts with '中文：' and holds the prompt in "
        "Chinese, the second starts with 'English:' and holds it in English. No other text."
    )


CAPTION_SYSTEM = (
    "You caption pictures for a search index. Say in one plain sentence what the picture "
    "shows (objects, people, animals, colours, setting, style), in English, then the same "
    "sentence in Chinese on a second line. Answer with the two lines only."
)


def picture_messages(task: AssistTask, data_uri: str, language: str = "both") -> list[Any]:
    """Messages for Describe or Caption: the instruction, then the picture as a data URI."""
    system = CAPTION_SYSTEM if task is AssistTask.CAPTION else _describe_system(language)
    ask = "Caption this picture." if task is AssistTask.CAPTION else "Describe this picture."
    return [
        {"role": "system", "content": system},
        {
            "role": "user",
            "content": [
                {"type": "image_url", "image_url": {"url": data_uri}},
                {"type": "text", "text": ask},
            ],
        },
    ]


def polish_messages(prompt: str, style: PolishStyle, limit: int) -> list[Any]:
    system = (
        "You improve prompts for image generation models. Rewrite the user's prompt with "
        f"richer visual detail, as {style.instruction}. Keep its subject and its language. "
        f"At most {limit} characters. Answer with the rewritten prompt only."
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": prompt}]


def translate_messages(prompt: str, target: str, limit: int) -> list[Any]:
    language = "Chinese" if target == "zh" else "English"
    system = (
        f"Translate the user's image generation prompt into {language}, keeping every visual "
        f"detail and its order. At most {limit} characters. Answer with the translation only."
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": prompt}]


_CJK = re.compile(r"[\u3400-\u9fff]")
_ZH_LABEL = re.compile(r"^\s*(中文|Chinese)\s*[:：]\s*", re.IGNORECASE)
_EN_LABEL = re.compile(r"^\s*(English|英文)\s*[:：]\s*", re.IGNORECASE)


def split_description(text: str) -> tuple[str, str]:
    """(Chinese, English) from a Describe answer; a line without a label goes by its script."""
    chinese: list[str] = []
    english: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if _ZH_LABEL.match(line):
            chinese.append(_ZH_LABEL.sub("", line).strip())
        elif _EN_LABEL.match(line):
            english.append(_EN_LABEL.sub("", line).strip())
        else:
            (chinese if _CJK.search(line) else english).append(line.strip())
    return " ".join(chinese), " ".join(english)


def fit_limit(text: str, limit: int) -> str:
    """`text` within `limit` characters, cut after the last comma or stop that fits."""
    text = text.strip().strip('"“”')
    if len(text) <= limit:
        return text
    cut = text[:limit]
    stop = max(cut.rfind(mark) for mark in (",", "，", "。", ".", ";", "；"))
    return (cut[:stop] if stop > limit // 2 else cut).rstrip(" ,，;；")


def language_of(text: str) -> str:
    """ "zh" when the text is mostly Chinese, else "en": which way Translate goes."""
    cjk = len(_CJK.findall(text))
    letters = sum(ch.isalpha() for ch in text)
    return "zh" if letters and cjk * 2 >= letters else "en"
