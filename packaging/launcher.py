"""The frozen program's entry script: the same `main()` as `stepfun-studio` and `python -m`.

PyInstaller needs a script file; `stepfun_studio/__main__.py` would do, but a script of its own
keeps the bundle's entry independent of how the package runs itself.
"""

import multiprocessing
import sys

from stepfun_studio.app import main

if __name__ == "__main__":
    # A frozen program that starts a child process runs this script again; this returns at once
    # in the child on Windows and macOS instead of opening a second window.
    multiprocessing.freeze_support()
    sys.exit(main())
