"""StreamAI: record with OBS Studio, ship every recording to a processing API."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("streamai")
except PackageNotFoundError:  # running from a source tree
    __version__ = "dev"
