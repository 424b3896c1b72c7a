"""Where the app keeps its files: the platform's folders, or all under STEPFUN_STUDIO_HOME.

Only computes paths; creating folders is the job of whoever writes into them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "StepFunStudio"
APP_AUTHOR = "StepFun Studio"
HOME_VARIABLE = "STEPFUN_STUDIO_HOME"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path
    # The user's chosen library folder (Settings ▸ General); None: the folder under data_dir.
    library_override: Path | None = None

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> AppPaths:
        env = os.environ if env is None else env
        home = env.get(HOME_VARIABLE)
        if home:
            return cls.under(Path(home))
        import platformdirs

        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        return cls(
            data_dir=Path(dirs.user_data_dir),
            config_dir=Path(dirs.user_config_dir),
            cache_dir=Path(dirs.user_cache_dir),
            log_dir=Path(dirs.user_log_dir),
        )

    @classmethod
    def under(cls, home: Path) -> AppPaths:
        """Everything in one folder: for tests and portable use."""
        return cls(
            data_dir=home / "data",
            config_dir=home / "config",
            cache_dir=home / "cache",
            log_dir=home / "logs",
        )

    @property
    def library_dir(self) -> Path:
        if self.library_override is not None:
            return self.library_override
        return self.data_dir / "library"

    @property
    def images_dir(self) -> Path:
        return self.library_dir / "images"

    @property
    def database_path(self) -> Path:
        return self.library_dir / "library.sqlite3"

    @property
    def thumbnails_dir(self) -> Path:
        return self.cache_dir / "thumbnails"
