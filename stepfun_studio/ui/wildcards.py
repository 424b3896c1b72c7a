"""`WildcardLists`: the library's wildcard lists, kept in memory for Generate.

Generate must answer at once (it returns the queued job ids), so the lists are read from the
library folder off the GUI thread when the window starts and whenever the prompt library saves
them, never at the moment of Generate. A request whose prompt names a wildcard becomes one
request per picture, each with its own lines chosen from its seed (a random seed when the user
left it to the server), so every stored picture records the prompt that was actually sent.
"""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QObject

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.prompt_templates import expand_wildcards, wildcard_names
from stepfun_studio.core.request import MAX_SEED, GenerationRequest
from stepfun_studio.library.prompt_library import PromptFiles
from stepfun_studio.ui.background import run_in_background


class WildcardLists(QObject):
    """The lists by name; `expand(request)` gives the requests to submit."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._files = PromptFiles(folder)
        self._lists: dict[str, list[str]] = {}
        self.reload()

    def reload(self) -> None:
        """Reads the lists again, off the GUI thread."""
        files = self._files
        run_in_background(self, files.load_wildcards, self._loaded, "wildcards")

    def _loaded(self, lists: object, error: BaseException | None) -> None:
        if error is None and isinstance(lists, dict):
            self._lists = lists

    def expand(self, request: GenerationRequest) -> list[GenerationRequest]:
        """`[request]` when it names no wildcard; else one request per picture with its lines
        chosen. Raises TemplateError for a list that does not exist."""
        if not wildcard_names(request.prompt + request.negative_prompt):
            return [request]
        spec = model_table().get(request.model)
        maximum = spec.seed.maximum if spec and spec.seed else MAX_SEED
        expanded = []
        for one in request.fan_out(maximum):
            choice_seed = one.seed or random.randint(1, MAX_SEED)
            expanded.append(
                one.with_changes(
                    prompt=expand_wildcards(one.prompt, self._lists, choice_seed),
                    negative_prompt=expand_wildcards(one.negative_prompt, self._lists, choice_seed),
                )
            )
        return expanded
