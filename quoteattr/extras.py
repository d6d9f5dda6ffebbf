"""Optional packages: a clear one-line message naming the extra that provides one."""
from __future__ import annotations

import importlib

__all__ = ["MissingExtra", "require"]

#: Top-level module → the ``quoteattr[extra]`` that installs it.
EXTRA_OF = {"pyarrow": "parquet", "stanza": "stanza", "torch": "stanza", "dask": "dask",
            "distributed": "dask", "pandas": "dask"}


class MissingExtra(ImportError):
    """An optional package a requested feature needs is not installed."""


def require(module: str, feature: str) -> None:
    """Import ``module`` or raise :class:`MissingExtra` saying what to install for ``feature``."""
    try:
        importlib.import_module(module)
    except ImportError as exc:
        extra = EXTRA_OF.get(module.split(".")[0], module)
        raise MissingExtra(f"{feature} needs {module} ({exc.msg if hasattr(exc, 'msg') else exc}); "
                           f"install it with: pip install 'quoteattr[{extra}]'") from None
