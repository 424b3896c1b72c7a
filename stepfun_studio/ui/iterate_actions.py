"""One-click iteration from any picture: *Vary (subtle)*, *Vary (strong)*, *More like this* and
*Use as reference*, in the detail view's toolbar, the gallery's context menu and on keys.

What each sends is decided by `core.iterate` from the model table (no provider is named here):
this module only finds the picture, reads and prepares it off the GUI thread (the picture's
request from the library, its file through `prepare_reference_file`), then queues the request
(or, for Use as reference, puts the picture in the dock) and says in the status bar which road
it took ("Vary (subtle): redraw at weight 0.3 with step-1x-medium").

The keys act on the picture of the part that has the keyboard: the detail view's picture there,
the gallery's current picture in the gallery; so typing a "v" in the prompt stays a "v".
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.iterate import (
    IterationKind,
    IterationPlan,
    iteration_model,
    plan_iteration,
)
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.core.validation import validate
from stepfun_studio.settings.values import effective_model_table
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.shortcuts import key_for

if TYPE_CHECKING:
    from stepfun_studio.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Object name of each action and its entry in `shortcuts.DEFAULT_KEYS`.
ACTION_NAMES = {
    IterationKind.VARY_SUBTLE: "varySubtle",
    IterationKind.VARY_STRONG: "varyStrong",
    IterationKind.MORE_LIKE_THIS: "moreLikeThis",
    IterationKind.USE_AS_REFERENCE: "useAsReference",
}

PictureOf = Callable[[], int | None]
Outcome = tuple[IterationPlan, GenerationRequest, ReferenceImage | None]


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("IterationActions", text, None, n)


def action_text(kind: IterationKind) -> str:
    return {
        IterationKind.VARY_SUBTLE: _tr("Vary (subtle)"),
        IterationKind.VARY_STRONG: _tr("Vary (strong)"),
        IterationKind.MORE_LIKE_THIS: _tr("More like this"),
        IterationKind.USE_AS_REFERENCE: _tr("Use as reference"),
    }[kind]


def action_tip(kind: IterationKind) -> str:
    return {
        IterationKind.VARY_SUBTLE: _tr("A new picture close to this one (sent at once)"),
        IterationKind.VARY_STRONG: _tr("A new picture that wanders further (sent at once)"),
        IterationKind.MORE_LIKE_THIS: _tr(
            "Four more pictures with the same parameters and new seeds (sent at once)"
        ),
        IterationKind.USE_AS_REFERENCE: _tr(
            "Put this picture in the parameters, as a reference or the source (nothing is sent)"
        ),
    }[kind]


class IterationActions(QObject):
    """The four actions for the window, and the work behind them."""

    message = Signal(str)  # for the status bar: which road was taken, or why nothing was sent
    queued = Signal(list)  # job ids an iteration queued
    finished = Signal()  # an iteration's background work came back (sent, applied or refused)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("iterationActions")
        self._window = window
        self._actions: list[tuple[QAction, IterationKind]] = []
        self.vary_button: QToolButton | None = None

    # --- where the actions live ---------------------------------------------------------------

    def make_actions(self, owner: QWidget, picture: PictureOf) -> dict[IterationKind, QAction]:
        """The four actions on `owner`, acting on `picture()`; their keys work while `owner`
        (or a child of it) has the keyboard."""
        made: dict[IterationKind, QAction] = {}
        for kind, name in ACTION_NAMES.items():
            action = QAction(owner)
            action.setObjectName(f"{name}Action")
            action.setShortcut(key_for(name))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, k=kind: self.run(k, picture()))
            owner.addAction(action)
            self._actions.append((action, kind))
            made[kind] = action
        self.retranslate()
        return made

    def add_to_detail(self, detail: Any) -> dict[IterationKind, QAction]:
        """Into the detail view: a "Vary" button before "More" (a click varies subtly, its
        arrow offers all four) and the four in the More menu, enabled while a picture shows."""
        actions = self.make_actions(detail, detail.image_id)
        # One short "Vary" button that opens the four: the toolbar must still fit the dock's
        # narrowest width (a 1366 px laptop) in both languages.
        button = QToolButton(detail.toolbar)
        button.setObjectName("detailVaryButton")
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(True)
        menu = QMenu(button)
        menu.setObjectName("detailVaryMenu")
        menu.addActions(list(actions.values()))
        button.setMenu(menu)
        row = detail.toolbar.layout()
        row.insertWidget(row.indexOf(detail.more_button), button)
        detail.more_menu.insertActions(
            detail.more_menu.actions()[0] if detail.more_menu.actions() else None,
            list(actions.values()),
        )
        detail.more_menu.insertSeparator(detail.more_menu.actions()[len(actions)])
        self.vary_button = button
        self.retranslate()
        # The detail view enables its own actions when it shows a picture; ours follow one.
        follow = detail.action("reuseParametersAction")

        def sync() -> None:
            for action in actions.values():
                action.setEnabled(follow.isEnabled())

        follow.changed.connect(sync)
        sync()
        return actions

    def add_to_menu(self, menu: QMenu, image_id: int) -> None:
        """The four, for the gallery's context menu on one picture."""
        for kind, name in ACTION_NAMES.items():
            action = menu.addAction(action_text(kind))
            action.triggered.connect(lambda _=False, k=kind: self.run(k, image_id))
            action.setShortcut(key_for(name))
            action.setToolTip(action_tip(kind))

    def retranslate(self) -> None:
        if self.vary_button is not None:
            self.vary_button.setText(_tr("Vary"))
            self.vary_button.setToolTip(_tr("Vary this picture, or make more like it"))
        for action, kind in self._actions:
            action.setText(action_text(kind))
            action.setToolTip(action_tip(kind))

    # --- doing it ---------------------------------------------------------------------------

    def run(self, kind: IterationKind, image_id: int | None) -> bool:
        """Starts `kind` on `image_id`; False (and says why) when it cannot start."""
        window = self._window
        studio = window.studio
        if image_id is None:
            self.message.emit(_tr("Choose a picture first."))
            return False
        if kind.sends and not studio.started:
            self.message.emit(_tr("Still starting up; try again in a moment."))
            return False
        library = studio.library
        table = effective_model_table(studio.settings.values)
        chosen = window.parameter_dock.spec()
        # Use as reference adds to what the user is writing; the others start from the picture.
        dock_request = None if kind.sends else window.parameter_dock.current_request()
        entropy = random.randrange(1, 2**62)

        def work() -> Outcome:
            # Imported here, off the GUI thread: the first frame has no use for it.
            from stepfun_studio.api.reference_image import ReferencePurpose, prepare_reference_file

            picture_request = library.request_for(image_id)
            model = iteration_model(table, picture_request, kind, chosen)
            if model is None:
                raise AppError(ErrorKind.CONFIG, _tr("Choose a model in the parameters first."))
            plan = plan_iteration(dock_request or picture_request, kind, model, entropy=entropy)
            if plan.purpose is None:
                return plan, plan.request, None
            path = library.original_path(image_id)
            picture = prepare_reference_file(path, ReferencePurpose(plan.purpose)).image
            return plan, plan.with_picture(picture), picture

        def done(result: Any, error: BaseException | None) -> None:
            try:
                self._done(result, error, table)
            finally:
                self.finished.emit()

        run_in_background(self, work, done, "iterate")
        return True

    def _done(self, outcome: Outcome | None, error: BaseException | None, table: Any) -> None:
        if error is not None or outcome is None:
            if not isinstance(error, (AppError, KeyError, OSError)):
                log.error("an iteration failed: %r", error)
            self.message.emit(_error_text(error))
            return
        plan, request, picture = outcome
        said = plan.describe()
        if not plan.kind.sends:
            self._fill_dock(plan, picture, said)
            return
        problems = validate(request, table)
        if problems:
            self.message.emit(f"{said}. {problems[0].message}")
            return
        ids = self._window.studio.queue.submit(request)
        self.queued.emit(ids)
        queued = (
            _tr("Queued 1 picture.")
            if len(ids) == 1
            else _tr("Queued {count} pictures.").format(count=len(ids))
        )
        self.message.emit(f"{said}. {queued}")

    def _fill_dock(self, plan: IterationPlan, picture: ReferenceImage | None, said: str) -> None:
        dock = self._window.parameter_dock
        if picture is None:
            self.message.emit(said)
            return
        if plan.slot == "source":
            dock.set_source_image(picture)
        else:
            model = dock.request_model
            limit = plan.model.max_references
            if picture not in model.references and len(model.references) >= limit:
                self.message.emit(
                    _tr("The reference pictures are full ({count} / {limit}).").format(
                        count=len(model.references), limit=limit
                    )
                )
                return
            if picture not in model.references:
                model.references = (*model.references, picture)
        self.message.emit(said)


def _error_text(error: BaseException | None) -> str:
    if isinstance(error, AppError):
        return error.message
    if isinstance(error, KeyError):
        return _tr("That picture is no longer in the library.")
    if isinstance(error, OSError):
        return _tr("The picture's file could not be read: {reason}").format(
            reason=error.strerror or str(error)
        )
    return _tr("The picture could not be used; the log has the details.")
