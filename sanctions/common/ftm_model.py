"""FollowTheMoney's model read by libyaml: a quarter of a second off every command that uses it.

Importing ``followthemoney`` reads its schema files (about sixty YAML files) with PyYAML's
pure-Python ``safe_load``: 0.28 s of the 0.5 s its import takes here, in every export,
screening and release, before any work. PyYAML's libyaml parser (``CSafeLoader``) reads the
same files to the same data in 0.05 s. followthemoney builds its model the moment it is first
imported, so the parser is chosen by a one-use import hook, installed when ``sanctions`` is
imported (before any of its modules can import followthemoney): when ``followthemoney.model``
is loaded, its module's ``yaml`` is given a ``safe_load`` that uses libyaml; nothing else in
the process changes. Where PyYAML has no libyaml, or followthemoney reads its model another
way, the hook does nothing and the model is read as before. ``tests/common/test_ftm_model.py``
checks that the model read this way equals the one read by followthemoney's own parser.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import IO, Any

MODULE = "followthemoney.model"


class _LibyamlSafe:
    """Stands for the ``yaml`` module inside ``followthemoney.model``: the same ``safe_load``,
    parsed by libyaml; every other name is PyYAML's own."""

    def __init__(self, yaml: ModuleType) -> None:
        self._yaml = yaml

    def safe_load(self, stream: IO[str] | str) -> Any:
        return self._yaml.load(stream, Loader=self._yaml.CSafeLoader)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._yaml, name)


class _ModelHook:
    """A finder for ``followthemoney.model`` alone, used once. It leaves ``sys.meta_path`` only
    once the module is loaded: the import system is still going through that list while a
    finder is asked."""

    def __init__(self) -> None:
        self.used = False

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != MODULE or self.used:
            return None
        self.used = True
        spec = PathFinder.find_spec(name, path, target)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec  # found elsewhere, or not at all: read as followthemoney reads it
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            uninstall()
            run(module)
            yaml = getattr(module, "yaml", None)
            if yaml is not None and hasattr(yaml, "CSafeLoader"):
                module.yaml = _LibyamlSafe(yaml)  # type: ignore[attr-defined]

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


_HOOK = _ModelHook()


def install() -> None:
    """Read followthemoney's model with libyaml, if followthemoney is not imported yet."""
    if MODULE not in sys.modules and _HOOK not in sys.meta_path:
        sys.meta_path.insert(0, _HOOK)


def uninstall() -> None:
    if _HOOK in sys.meta_path:
        sys.meta_path.remove(_HOOK)


def installed() -> bool:
    """Whether the loaded model was read by libyaml."""
    module = sys.modules.get(MODULE)
    return module is not None and isinstance(getattr(module, "yaml", None), _LibyamlSafe)
