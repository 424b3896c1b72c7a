"""Saved styles and wildcards: the text side of the prompt library.

A style is a template with a `{prompt}` slot (as AUTOMATIC1111's styles): applying "cinematic
still of {prompt}, shallow depth of field" to "a fox" gives "cinematic still of a fox, shallow
depth of field"; a template without the slot is added after the prompt with a comma, as A1111
does. A1111's `styles.csv` (columns name, prompt, negative_prompt) is read as is.

A wildcard `__colour__` in a prompt is replaced by one line of the list named "colour". The
choice is stable for a seed: the same prompt with the same fixed seed picks the same lines, so a
picture can be made again from its recorded seed; the prompt stored with each picture is the one
actually sent, with the wildcards already replaced.

Core only: no I/O (the lists and the CSV text are read by the library layer).
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass

from stepfun_studio.core.text import tr

SLOT = "{prompt}"
# `__name__`: letters, digits, `-`, `_` and `/` (A1111's wildcards may live in sub-folders).
WILDCARD = re.compile(r"__([\w\-/]+?)__")
# A template expanding into itself many times is a mistake; this bounds nested wildcards.
MAX_WILDCARD_DEPTH = 5


@dataclass(frozen=True)
class PromptStyle:
    name: str
    prompt: str
    negative_prompt: str = ""


class TemplateError(ValueError):
    """A styles file or a wildcard that cannot be used, in words (already translated)."""


def apply_template(template: str, text: str) -> str:
    """`text` placed in `template`'s `{prompt}` slot, or the template added after it."""
    template = template.strip()
    if not template:
        return text
    if SLOT in template:
        return template.replace(SLOT, text)
    if not text.strip():
        return template
    return f"{text.rstrip().rstrip(',')}, {template}"


def apply_style(style: PromptStyle, prompt: str, negative: str) -> tuple[str, str]:
    """(prompt, negative prompt) with `style` applied to both."""
    return apply_template(style.prompt, prompt), apply_template(style.negative_prompt, negative)


def parse_styles_csv(text: str) -> list[PromptStyle]:
    """A1111's styles.csv: a header naming `name`, `prompt` and (optionally) `negative_prompt`."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = {name.strip().lower() for name in reader.fieldnames or ()}
    if not {"name", "prompt"} <= fields:
        raise TemplateError(
            tr(
                "PromptLibrary",
                "This is not an A1111 styles file: its first line must name the columns "
                "name, prompt and negative_prompt.",
            )
        )
    styles: list[PromptStyle] = []
    for row in reader:
        clean = {(key or "").strip().lower(): (value or "") for key, value in row.items()}
        name = clean.get("name", "").strip()
        if not name:
            continue
        styles.append(
            PromptStyle(name, clean.get("prompt", "").strip(), clean.get("negative_prompt", ""))
        )
    return styles


def wildcard_names(text: str) -> list[str]:
    """The wildcard names used in `text`, in order, each once."""
    return list(dict.fromkeys(match.group(1) for match in WILDCARD.finditer(text)))


def expand_wildcards(text: str, lists: Mapping[str, list[str]], seed: int) -> str:
    """`text` with each `__name__` replaced by a line of `lists[name]`, chosen from `seed`.

    The n-th occurrence of a name draws from its own generator (seed, name, n), so adding a
    wildcard elsewhere in the prompt does not change the others' choices. TemplateError names a
    list that does not exist or is empty.
    """
    counts: dict[str, int] = {}

    def pick(match: re.Match[str]) -> str:
        name = match.group(1)
        lines = [line.strip() for line in lists.get(name, ()) if line.strip()]
        if not lines:
            raise TemplateError(
                tr(
                    "PromptLibrary",
                    "The wildcard __{name}__ has no list of that name (or its list is empty). "
                    "Add it in the Prompt Library's Wildcards tab.",
                ).format(name=name)
            )
        occurrence = counts.get(name, 0)
        counts[name] = occurrence + 1
        digest = hashlib.sha256(f"{seed}\0{name}\0{occurrence}".encode()).digest()
        return random.Random(digest).choice(lines)

    for _ in range(MAX_WILDCARD_DEPTH):
        expanded = WILDCARD.sub(pick, text)
        if expanded == text:
            break
        text = expanded
    return text
