"""The main window: composes the parts others build and connects them; holds no logic of its own.

Layout: the demo banner and the prompt row on top, the gallery beside the detail view in the
middle; the parameter dock on the left, the queue at the bottom, the status bar below. Generation
flows prompt + dock -> `JobQueue.submit` -> worker -> `image_ready` -> gallery; failures flow
`job_failed` -> status bar and the job's row.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.prompt_templates import TemplateError
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.core.validation import validate
from stepfun_studio.library.records import ImageRecord
from stepfun_studio.settings.values import effective_model_table
from stepfun_studio.ui.auto_open import ResultFollower
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.creative_tools import CreativeTools
from stepfun_studio.ui.demo_banner import DemoBanner
from stepfun_studio.ui.detail_view import DetailView
from stepfun_studio.ui.first_paint import after_first_paint
from stepfun_studio.ui.gallery.panel import GalleryPanel
from stepfun_studio.ui.i18n import LanguageSwitcher, system_language
from stepfun_studio.ui.iterate_actions import IterationActions
from stepfun_studio.ui.menus import WindowActions
from stepfun_studio.ui.parameter_dock import ParameterDock
from stepfun_studio.ui.prompt_editor import PromptEditor
from stepfun_studio.ui.provider_names import provider_title
from stepfun_studio.ui.provider_onboarding import ProviderOnboarding
from stepfun_studio.ui.queue_view import QueueView
from stepfun_studio.ui.retranslated import Retranslated
from stepfun_studio.ui.status import StatusReporter
from stepfun_studio.ui.studio import Studio
from stepfun_studio.ui.theme import Theme
from stepfun_studio.ui.widget_state import ui_state_settings
from stepfun_studio.ui.wildcards import WildcardLists

if TYPE_CHECKING:
    from stepfun_studio.settings.values import StudioSettings
    from stepfun_studio.ui.quit_grace import QuitGrace
    from stepfun_studio.ui.settings_dialog import SettingsDialog
    from stepfun_studio.ui.window_drops import WindowDrops


# Bumped when the docks change, so an old saved layout is not applied to a new window.
LAYOUT_VERSION = 1
GEOMETRY_KEY = "mainWindow/geometry"
STATE_KEY = "mainWindow/state"


log = logging.getLogger(__name__)


class MainWindow(Retranslated, QMainWindow):
    _drops: WindowDrops | None

    def __init__(
        self,
        studio: Studio,
        languages: LanguageSwitcher,
        theme: Theme | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setObjectName("mainWindow")
        # Drops and pastes are taken once the window is painted (`drops`): nothing can be
        # dropped on a window not yet on screen, and their modules cost start-up time.
        self._drops = None
        self.studio = studio
        self.languages = languages
        self.setDockNestingEnabled(True)

        self.banner = DemoBanner(self)
        self.prompt_editor = PromptEditor(self)
        self.gallery = GalleryPanel(self)
        # Its picture views and facts are made after the first paint: see _first_painted.
        self.detail = DetailView(self, build_views_later=True)
        self.detail.set_library(studio.library)
        self.setCentralWidget(self._central())

        values = studio.settings.values
        self.parameter_dock = ParameterDock(
            self,
            values.default_request(),
            default_provider=values.default_provider,
            table=effective_model_table(values),
            build_form_later=True,  # after the first paint: see _first_painted
        )
        studio.settings.changed.connect(self._on_settings_changed)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.parameter_dock)
        self.parameter_dock.attach_prompt_editor(self.prompt_editor)
        self.generate_button = self.parameter_dock.generate_button()
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.detail_dock = self._dock("detailDock", self.detail, right)
        self.queue_view = QueueView(studio.queue, self, self.gallery.loader)
        self.queue_dock = self._dock("queueDock", self.queue_view, right)
        self.splitDockWidget(self.detail_dock, self.queue_dock, Qt.Orientation.Vertical)

        self.setStatusBar(QStatusBar(self))
        self.status = StatusReporter(self.statusBar(), studio.queue, self)
        self.wildcards = WildcardLists(studio.library.paths.library_dir, self)
        self.menus = WindowActions(self)
        self.menus.add_dock_toggle("toggleParameters", self.parameter_dock.toggleViewAction())
        self.menus.add_dock_toggle("toggleQueue", self.queue_dock.toggleViewAction())
        self.menus.add_dock_toggle("toggleDetail", self.detail_dock.toggleViewAction())
        # One-click iteration (Vary, More like this, Use as reference) in the detail view, the
        # gallery's keys and context menu; a finished picture opens where the user looks.
        self.iterate = IterationActions(self)
        self.iterate.add_to_detail(self.detail)
        self.iterate.make_actions(self.gallery, self.gallery.current_id)
        self.gallery.menu_extensions.append(self.iterate.add_to_menu)
        self.results = ResultFollower(self.detail.image_id, self.detail.show_image, self)
        self._connect()
        self.retranslate()
        self.refresh_banner()
        theme_actions = self.menus.theme_actions
        theme_actions.get(studio.settings.values.theme, theme_actions["system"]).setChecked(True)
        self.refresh_generate()
        # The first-start size, shrunk to fit a small screen (1366 x 768 laptops).
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and screen.width() > 0:
            self.resize(min(1600, screen.width()), min(960, screen.height()))
        else:
            self.resize(1600, 960)
        # Where the user left the window and its docks; the first start gets our layout.
        self._docks_sized = self._restore_layout()
        self._settings_dialog: SettingsDialog | None = None
        self._quit_confirmed = False
        self._quit_grace: QuitGrace | None = None
        self._after_paint: list[Callable[[], object]] | None = []
        after_first_paint(self, self._first_painted)

    # --- construction -------------------------------------------------------------------------

    def run_after_first_paint(self, *callbacks: Callable[[], object]) -> None:
        """Runs `callbacks` once the window has painted its first frame and made what that frame
        did not need (now, if it has)."""
        if self._after_paint is None:
            for callback in callbacks:
                callback()
        else:
            self._after_paint.extend(callbacks)

    @property
    def drops(self) -> WindowDrops:
        """Images dropped or pasted anywhere but a slot: the drop overlay's choices; a dropped
        folder: the Batch dialog (issue 14). Made after the first paint, or on first need."""
        if self._drops is None:
            from stepfun_studio.ui.folder_drops import FolderDrops
            from stepfun_studio.ui.window_drops import install_window_drops

            drops = install_window_drops(
                self, self.parameter_dock, self.studio.library, self.reuse_parameters
            )
            drops.message.connect(self.status.show_info)
            drops.imported.connect(lambda _report: self.gallery.refresh())
            self._drops = drops
            # Installed after the window's drops, so it sees a drop first.
            self.folder_drops = FolderDrops(self)
        return self._drops

    def _give_gallery_its_library(self) -> None:
        if self.gallery.library is None and not self.studio.closed:
            self.gallery.set_library(self.studio.library)

    def check_library(self) -> None:
        """File ▸ Check library: the gallery's dialog (given its library now if the first frame
        has not been painted yet)."""
        self._give_gallery_its_library()
        self.gallery.check_library()

    def _first_painted(self) -> None:
        # What the first frame does not show waits for it: the gallery's list (its answer, a
        # model reset and thumbnails to decode, would race the frame) and the parameter form
        # (the dock's frame and footer were painted at their places; the fields fill in now),
        # and the detail view's picture views and facts, which show nothing yet.
        if self.studio.closed:
            return
        self._give_gallery_its_library()
        self.parameter_dock.build_form()
        self.detail.build_views()
        self.drops  # noqa: B018 - made now: the window takes drops and pastes from here on
        callbacks, self._after_paint = self._after_paint or [], None
        for callback in callbacks:
            callback()

    def _central(self) -> QWidget:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.prompt_editor)
        layout.addWidget(self.gallery, 1)
        # The prompt is a few lines; the gallery below gets the height.
        self.prompt_editor.setMaximumHeight(190)
        return central

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        queue = self.studio.queue
        actions = self.menus.actions
        dock = self.parameter_dock
        dock.generate_requested.connect(self.generate)
        dock.message.connect(self.status.show_info)
        dock.validation_changed.connect(self.refresh_generate)
        actions["generate"].triggered.connect(dock.request_generate)
        actions["focusSearch"].triggered.connect(self.gallery.search.setFocus)
        actions["cancelAll"].triggered.connect(queue.cancel_all)
        actions["retryFailed"].triggered.connect(queue.retry_failed)
        actions["focusPrompt"].triggered.connect(self.prompt_editor.focus_prompt)
        actions["quit"].triggered.connect(self.request_quit)
        actions["fullScreen"].toggled.connect(self._set_full_screen)
        actions["shortcuts"].triggered.connect(self.show_shortcuts)
        actions["about"].triggered.connect(self.show_about)
        actions["settings"].triggered.connect(self.show_settings)
        actions["checkLibrary"].triggered.connect(self.check_library)
        actions["spend"].triggered.connect(self.show_spend)
        actions["batch"].triggered.connect(self.show_batch)
        # The creative tools: X/Y grid, prompt library, the prompt assistant.
        self.tools = CreativeTools(self)
        for scheme, action in self.menus.theme_actions.items():
            action.triggered.connect(lambda _=False, v=scheme: self.choose_theme(v))
        for code, action in self.menus.language_actions.items():
            action.setChecked(code == self.languages.current)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
        queue.job_failed.connect(self._on_job_failed)
        queue.job_waiting_for_rate.connect(self._on_rate_wait)
        queue.storage_problem.connect(self.status.show_error)
        self.studio.pictures_recovered.connect(self._on_pictures_recovered)
        queue.image_ready.connect(self._on_image_ready)
        # A placeholder cell per job at the top of the grid; the picture takes its place.
        self.gallery.placeholders.set_queue(queue)
        self.banner.enter_key_requested.connect(self.show_settings)
        gallery, detail = self.gallery, self.detail
        self.queue_view.image_requested.connect(detail.show_image)
        gallery.current_image_changed.connect(detail.show_image)
        gallery.reuse_parameters_requested.connect(self._reuse_parameters_of)
        gallery.use_as_source_requested.connect(lambda i: self._reference_of(i, source=True))
        gallery.use_as_style_requested.connect(lambda i: self._reference_of(i, source=False))
        gallery.status_message.connect(self.status.show_info)
        self.iterate.message.connect(self.status.show_info)
        gallery.current_image_changed.connect(self.results.user_picked)
        self.queue_view.image_requested.connect(self.results.user_picked)
        detail.reuse_parameters_requested.connect(self.reuse_parameters)
        detail.reuse_seed_requested.connect(dock.set_seed)
        detail.use_as_source_requested.connect(lambda i: self._reference_of(i, source=True))
        detail.use_as_style_requested.connect(lambda i: self._reference_of(i, source=False))
        detail.moved_to_trash.connect(lambda _ids: gallery.refresh())
        # A rebuild changed every id: the detail view lets its picture go.
        gallery.library_rebuilt.connect(lambda: detail.set_library(self.studio.library))
        detail.status_message.connect(self.status.show_info)
        self.studio.connection_problem.connect(self.status.show_error)
        self.studio.settings.save_failed.connect(self.status.show_error)
        self.onboarding = ProviderOnboarding(self, self.studio, self.show_settings)
        # The banner speaks of the provider the dock sends to, and only this window decides it.
        self.studio.demo_changed.connect(self.refresh_banner)
        self.studio.connections_changed.connect(self.refresh_banner)
        self.studio.settings.changed.connect(self.refresh_banner)
        dock.request_model.changed.connect(
            lambda name, _value: self.refresh_banner() if name == "model" else None
        )

    # --- generating ---------------------------------------------------------------------------

    def current_request(self) -> GenerationRequest:
        return self.parameter_dock.current_request()

    def refresh_generate(self, *_args: object) -> None:
        valid = self.parameter_dock.is_valid()
        self.menus.actions["generate"].setEnabled(valid)

    def _on_settings_changed(self, values: StudioSettings) -> None:
        self.parameter_dock.follow_settings(effective_model_table(values), values.default_provider)

    def generate(self) -> list[int]:
        request = self.current_request()
        problems = validate(request, effective_model_table(self.studio.settings.values))
        if problems:
            self.status.show_info(problems[0].message)
            return []
        if not self.studio.started:
            self.status.show_info(self.tr("Still starting up; try again in a moment."))
            return []
        try:
            requests = self.wildcards.expand(request)
        except TemplateError as error:
            self.status.show_info(str(error))
            return []
        ids = [job for one in requests for job in self.studio.queue.submit(one)]
        self.prompt_editor.remember_prompt(request.prompt)
        self.status.show_info(self.tr("Queued %n image(s).", "", len(ids)))
        return ids

    def reuse_parameters(self, request: GenerationRequest) -> None:
        self.parameter_dock.reuse_request(request)

    def _reuse_parameters_of(self, image_id: int) -> None:
        # The request carries its reference files, read whole: off the GUI thread.
        library = self.studio.library

        def read(request: object, error: BaseException | None) -> None:
            if isinstance(error, AppError):
                self.status.show_error(error)
            elif error is not None:
                raise error
            elif isinstance(request, GenerationRequest):
                self.reuse_parameters(request)

        run_in_background(self, lambda: library.request_for(image_id), read, "reuse-parameters")

    def _reference_of(self, image_id: int, *, source: bool) -> None:
        # One road for the gallery's menu, the detail view's buttons and a drop on the slot:
        # read and `prepare_reference` off the GUI thread (window_drops.use_picture).
        self.drops.use_picture(image_id, source=source)

    def _use_as_source(self, image: ReferenceImage) -> None:
        self.parameter_dock.set_source_image(image)
        self.status.show_info(self.tr("The picture is now the source image."))

    def _use_as_style(self, image: ReferenceImage) -> None:
        self.status.show_info(self.parameter_dock.use_as_style(image))

    # --- reports from the queue ---------------------------------------------------------------

    def _on_job_failed(self, job_id: int, error: AppError) -> None:
        info = self.studio.queue.get(job_id)
        self.status.show_error(error, info.prompt if info else None)

    def _on_pictures_recovered(self, _image_ids: list[int], message: str) -> None:
        self.gallery.refresh()
        self.status.show_info(message)

    def _on_rate_wait(self, _job_id: int, error: AppError) -> None:
        self.status.show_error(error)

    def _on_image_ready(self, _job_id: int, image_id: int) -> None:
        self.results.picture_ready(image_id)
        library = self.studio.library
        run_in_background(
            self, lambda: library.get(image_id), self._on_ready_record, "ready-record"
        )

    def _on_ready_record(self, record: object, error: BaseException | None) -> None:
        if error is not None:
            # Only the seed line is lost; the picture is in the gallery.
            log.warning("reading a new picture's record failed: %r", error)
            return
        if isinstance(record, ImageRecord) and record.returned_seed:
            self.parameter_dock.set_last_returned_seed(record.returned_seed)
            self.status.show_info(
                self.tr("Picture ready (seed {seed}).").format(seed=record.returned_seed)
            )

    # --- the rest -----------------------------------------------------------------------------

    def refresh_banner(self, *_args: object) -> None:
        """The demo banner and the server line speak of the provider the dock sends to: shown
        while the built-in stand-in plays that provider (no key for it), naming it."""
        spec = self.parameter_dock.spec()
        provider_id = spec.provider if spec else self.studio.settings.values.default_provider
        provider = model_table().provider(provider_id)
        self.banner.set_provider(provider_title(provider) if provider else "")
        # Nothing is said before the keys are known (the keyring is asked after the first
        # paint): a banner in the first frame that went away once a key was found moved the
        # prompt and the gallery under the user's eyes at every start. Now it can only appear,
        # once, and only for someone without a key (who also gets the provider chooser then).
        known = self.studio.connections_known
        demo = known and self.studio.is_demo(provider_id)
        self.banner.setVisible(demo)
        server = self.studio.base_url_for(provider_id) if known and not demo else ""
        self.status.set_server(server, demo)

    def choose_language(self, code: str) -> None:
        """Switches every visible string now, and remembers the choice for the next start."""
        self.languages.apply(code, remember=True)
        self.menus.language_actions[code].setChecked(True)

    def choose_theme(self, scheme: str) -> None:
        """ "system", "light" or "dark": applied now and remembered for the next start."""
        if self.theme is not None:
            self.theme.force(None if scheme == "system" else scheme)
        self.menus.theme_actions[scheme].setChecked(True)
        self.studio.settings.update(theme=scheme)

    # The dialogs' modules are imported when they are first opened, not on the way to the first
    # painted window.

    def show_shortcuts(self) -> None:
        from stepfun_studio.ui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self).exec()

    def show_spend(self) -> None:
        from stepfun_studio.ui.spend_view import show_spend_view

        show_spend_view(self, self.studio.library)

    def show_batch(self) -> None:
        from stepfun_studio.ui.batch_dialog import show_batch_dialog

        show_batch_dialog(self)

    def show_about(self) -> None:
        from stepfun_studio.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def start_studio(self) -> None:
        """Resolves the key and starts the queue (demo mode without a key); after first paint."""
        self.studio.resolve_and_start()
        # The library's notice (a damaged database set aside) is known once it is open.
        self.studio.when_library_open(self._show_start_notices)

    def _show_start_notices(self) -> None:
        notices = [*self.studio.settings.problems]
        if self.studio.library.recovery_notice:
            notices.append(self.studio.library.recovery_notice)
        if notices:
            # Things the user must know about their files: a dialog, not a passing status line.
            QMessageBox.warning(self, self.tr("StepFun Studio"), "\n\n".join(notices))

    def show_settings(self) -> None:
        from stepfun_studio.ui.settings_dialog import SettingsDialog

        if self._settings_dialog is None:
            dialog = SettingsDialog(self.studio.settings, self.studio.key_store, self)
            dialog.settings_applied.connect(self._on_settings_applied)
            dialog.connection_changed.connect(self._on_connection_changed)
            self._settings_dialog = dialog
        self._settings_dialog.show_values(self.studio.settings.values)
        self._settings_dialog.open()

    def _on_settings_applied(self, values: StudioSettings) -> None:
        self.studio.apply_limits()
        language = values.language if values.language != "system" else system_language()
        if language != self.languages.current:
            self.languages.apply(language)
            self.menus.language_actions[language].setChecked(True)
        if self.theme is not None:
            self.theme.force(None if values.theme == "system" else values.theme)
            self.menus.theme_actions[values.theme].setChecked(True)
        self._on_connection_changed()

    def _on_connection_changed(self) -> None:
        problem = self.studio.reconnect()
        if problem is not None:
            self.status.show_error(problem)

    def _set_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("StepFun Studio"))
        self.queue_dock.setWindowTitle(self.tr("Queue"))
        self.detail_dock.setWindowTitle(self.tr("Picture"))
        self.menus.retranslate()
        self.iterate.retranslate()
        if hasattr(self, "tools"):  # made in _connect, after the first retranslate
            self.tools.retranslate()
        self.status.retranslate()
        self.refresh_generate()

    def _restore_layout(self) -> bool:
        settings = ui_state_settings(self.studio.paths)
        geometry = settings.value(GEOMETRY_KEY)
        state = settings.value(STATE_KEY)
        if not isinstance(geometry, QByteArray) or not isinstance(state, QByteArray):
            return False
        return self.restoreGeometry(geometry) and self.restoreState(state, LAYOUT_VERSION)

    def _save_layout(self) -> None:
        settings = ui_state_settings(self.studio.paths)
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState(LAYOUT_VERSION))

    def shutdown(self) -> None:
        """Detaches every reader from the library, then closes the studio. Idempotent."""
        if not self.studio.closed:
            self._save_layout()
        self.gallery.set_library(None)
        # Thumbnail threads read the library; they must be done before it closes.
        self.gallery.loader.wait_idle(5000)
        self.detail.set_library(None)
        spend_view = sys.modules.get("stepfun_studio.ui.spend_view")
        if spend_view is not None:  # no spend view was ever opened otherwise
            spend_view.shut_down_spend_views(self)
        self.studio.close()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._docks_sized:
            self._docks_sized = True
            QTimer.singleShot(0, self._size_docks)

    def _size_docks(self) -> None:
        # Docks take sizes only once laid out: room for the parameters on the left and the
        # picture on the right; the gallery in the middle takes what is left.
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        # On a 1366 px laptop the docks shrink towards their minimums so the gallery keeps
        # room for its search field; on wide screens they get their comfortable widths.
        width = self.width()
        left, right = min(350, max(300, width * 22 // 100)), min(520, max(320, width * 24 // 100))
        self.resizeDocks([self.parameter_dock, self.detail_dock], [left, right], horizontal)
        self.resizeDocks([self.detail_dock, self.queue_dock], [620, 280], vertical)

    def confirm_quit(self) -> bool:
        """With pictures still being made, asks first: they may already be billed."""
        busy = self.studio.queue.active_count()
        return busy == 0 or self.quit_question(busy).exec() == QMessageBox.StandardButton.Yes

    def quit_question(self, busy: int) -> QMessageBox:
        """The question quitting asks while `busy` pictures are being made (Yes: quit)."""
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Quit StepFun Studio?"), "", parent=self
        )
        box.setObjectName("quitQuestion")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setText(
            self.tr("%n picture(s) are still being made. They may already be billed.", "", busy)
        )
        box.setInformativeText(
            self.tr(
                "Quitting waits up to %1 s for pictures already on their way and keeps them; "
                "the ones not sent yet are sent at the next start."
            ).replace("%1", f"{self.studio.options.quit_grace_s:g}")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Quit anyway"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Wait"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box

    def _grace_over(self) -> bool:
        """False while a quit waits for answers on their way (starting that wait if due)."""
        if self._quit_grace is None:
            if self.studio.closed or self.studio.queue.in_flight_count() == 0:
                return True
            from stepfun_studio.ui.quit_grace import QuitGrace

            self._quit_grace = QuitGrace(self, self.studio.queue, self.studio.options.quit_grace_s)
            if self._quit_grace.done:
                return True
            self._quit_grace.finished.connect(self.close)
            return False
        return self._quit_grace.done

    def request_quit(self) -> None:
        if self.confirm_quit():
            self._quit_confirmed = True
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The user closing the window asks like Quit does; close() from code does not ask.
        if event.spontaneous() and not self._quit_confirmed:
            if not self.confirm_quit():
                event.ignore()
                return
            self._quit_confirmed = True
        if self._quit_confirmed and not self._grace_over():
            event.ignore()  # closed for real when the answers on their way are in
            return
        self.shutdown()
        super().closeEvent(event)
