"""Two libraries imported without work this tool never asks of them: a quarter of a second off
every command that uses followthemoney, and a tenth off every one that validates.

- **followthemoney's model read by libyaml.** Importing ``followthemoney`` reads its schema
  files (about sixty YAML files) with PyYAML's pure-Python ``safe_load``: 0.28 s of the 0.5 s
  its import takes here, in every export, screening and release, before any work. PyYAML's
  libyaml parser (``CSafeLoader``) reads the same files to the same data in 0.05 s. When
  ``followthemoney.model`` is loaded, its module's ``yaml`` is given a ``safe_load`` that uses
  libyaml; nothing else in the process changes. Where PyYAML has no libyaml, or followthemoney
  reads its model another way, the model is read as before.
- **pandera without hypothesis.** At its first validation pandera registers its checks'
  data-synthesis strategies, and imports hypothesis (with its numpy and pandas extensions) for
  them wherever hypothesis is installed, as it is in the environment ``make run`` makes, since
  the tests use it: 0.13 s of every validation, for strategies this tool never asks for. While
  pandera's strategies module is loaded, hypothesis cannot be found by it, so pandera takes
  the way it documents for an environment without hypothesis (its strategies are an optional
  extra, ``pandera[strategies]``). hypothesis itself stays importable by anyone, and where it
  was imported first pandera finds it as before.

Each is a one-use import hook, installed when ``sanctions`` is imported, before any module of
ours can import those libraries. ``tests/common/test_startup.py`` checks that the model read so
equals the one followthemoney reads itself, and that hypothesis is left alone otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import IO, Any

FTM_MODEL = "followthemoney.model"
PANDERA_STRATEGIES = "pandera.strategies.base_strategies"
HYPOTHESIS = "hypothesis"


class _LibyamlSafe:
    """Stands for the ``yaml`` module inside ``followthemoney.model``: the same ``safe_load``,
    parsed by libyaml; every other name is PyYAML's own."""

    def __init__(self, yaml: ModuleType) -> None:
        self._yaml = yaml

    def safe_load(self, stream: IO[str] | str) -> Any:
        return self._yaml.load(stream, Loader=self._yaml.CSafeLoader)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._yaml, name)


class _OnLoad:
    """A finder for one module alone, used once: ``around(load, module)`` is run in place of
    loading it, and must call ``load()``. It leaves ``sys.meta_path`` only once the module is
    being loaded: the import system is still going through that list while a finder is asked."""

    def __init__(self, name: str, around: Callable[[Callable[[], None], ModuleType], None]):
        self.name = name
        self.around = around
        self.used = False

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != self.name or self.used:
            return None
        self.used = True
        spec = PathFinder.find_spec(name, path, target)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec  # found elsewhere, or not at all: loaded as it would be
        load = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            self.uninstall()
            self.around(lambda: load(module), module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec

    def install(self) -> None:
        if self.name not in sys.modules and self not in sys.meta_path:
            sys.meta_path.insert(0, self)

    def uninstall(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


class _Unfindable:
    """A finder that refuses a package and its modules, as if it were not installed."""

    def __init__(self, package: str) -> None:
        self.package = package

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name == self.package or name.startswith(self.package + "."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def _read_by_libyaml(load: Callable[[], None], module: ModuleType) -> None:
    load()
    yaml = getattr(module, "yaml", None)
    if yaml is not None and hasattr(yaml, "CSafeLoader"):
        module.yaml = _LibyamlSafe(yaml)  # type: ignore[attr-defined]


def _without_hypothesis(load: Callable[[], None], module: ModuleType) -> None:
    if HYPOTHESIS in sys.modules:  # imported first: pandera uses it, as it would anyway
        load()
        return
    refuse = _Unfindable(HYPOTHESIS)
    sys.meta_path.insert(0, refuse)
    try:
        load()
    finally:
        sys.meta_path.remove(refuse)


_HOOKS = (
    _OnLoad(FTM_MODEL, _read_by_libyaml),
    _OnLoad(PANDERA_STRATEGIES, _without_hypothesis),
)


def install() -> None:
    """Each hook whose library is not imported yet."""
    for hook in _HOOKS:
        hook.install()


def model_read_by_libyaml() -> bool:
    """Whether followthemoney's loaded model was read by libyaml."""
    module = sys.modules.get(FTM_MODEL)
    return module is not None and isinstance(getattr(module, "yaml", None), _LibyamlSafe)


def pandera_uses_hypothesis() -> bool | None:
    """Whether pandera's loaded strategies found hypothesis; None before they are loaded."""
    module = sys.modules.get(PANDERA_STRATEGIES)
    return None if module is None else bool(getattr(module, "HAS_HYPOTHESIS", False))
