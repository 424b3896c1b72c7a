"""The parameter dock's seed: fixed or random, the dice, and the seed the server last returned.

The request model holds the seed and whether it is fixed. The form's seed field shows 0
("random") while the seed is not fixed, yet the model keeps its number for when it is fixed
again; typing a seed fixes it, typing 0 lets it go. The form is made after the window's first
paint, so until `attach` the seed lives in the model alone.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from stepfun_studio.core.request import MAX_SEED
from stepfun_studio.ui.request_model import RequestModel

if TYPE_CHECKING:
    from stepfun_studio.ui.parameter_form import ParameterForm


class DockSeed:
    """The seed of `model`, shown in a form once one is attached."""

    def __init__(self, model: RequestModel) -> None:
        self._model = model
        self._form: ParameterForm | None = None
        self.last: int | None = None  # the seed the server last returned
        self._pushing = False

    def attach(self, form: ParameterForm) -> None:
        """Binds `form`'s seed fields to the model and shows the seed there."""
        self._form = form
        form.seed_fixed.toggled.connect(self._on_fixed_toggled)
        form.seed.valueChanged.connect(self._on_typed)
        self.show()

    def set(self, seed: int) -> None:
        """Fixes the seed to `seed` (0 goes back to random)."""
        model = self._model
        with model.batch():
            if seed:
                model.seed = seed
            model.seed_fixed = seed != 0

    def roll(self) -> None:
        self.set(random.randint(1, MAX_SEED))

    def use_last(self) -> None:
        if self.last is not None:
            self.set(self.last)

    def returned(self, seed: int) -> None:
        """The server returned `seed`: the last-seed button offers it."""
        self.last = seed
        self.show_last()

    def show_last(self) -> None:
        if self._form is None or self.last is None:
            return
        button = self._form.last_seed_button
        button.setEnabled(True)
        # The dock's context, so the translation made when this lived in the dock still applies.
        text = QCoreApplication.translate("ParameterDock", "Use the last returned seed ({seed})")
        button.setToolTip(text.format(seed=self.last))

    def show(self) -> None:
        """The model's seed in the form, without the form writing it back."""
        if self._form is None:
            return
        model, form = self._model, self._form
        self._pushing = True
        try:
            form.seed_fixed.setChecked(model.seed_fixed)
            form.seed.setValue(model.seed if model.seed_fixed else 0)
        finally:
            self._pushing = False

    def _on_fixed_toggled(self, fixed: bool) -> None:
        if self._pushing:
            return
        model = self._model
        with model.batch():
            if fixed and model.seed == 0:
                model.seed = random.randint(1, MAX_SEED)
            model.seed_fixed = fixed

    def _on_typed(self, value: int) -> None:
        # Typing a seed means the user wants that seed; typing 0 ("random") lets it go.
        if not self._pushing:
            self.set(value)
