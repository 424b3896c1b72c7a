"""StepFun Studio: a desktop client for StepFun's text-to-image API."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("stepfun-studio")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
