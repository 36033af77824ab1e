"""followthemoney's model read by libyaml: the same model, and only that module touched."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import yaml

from sanctions.common import ftm_model


def run(code: str) -> str:
    """``code`` in a fresh interpreter (followthemoney is imported once per process)."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_the_model_read_by_libyaml_is_the_model_followthemoney_reads() -> None:
    out = run(
        """
        import yaml
        import sanctions
        from followthemoney import model
        import sys
        module = sys.modules["followthemoney.model"]  # followthemoney.model is the Model
        from followthemoney.settings import MODEL_PATH
        from sanctions.common.ftm_model import installed, _HOOK
        print(installed(), _HOOK in sys.meta_path, yaml.safe_load.__module__)
        module.yaml = yaml  # followthemoney's own parser, for the reference
        own = module.Model(MODEL_PATH)
        print(own.to_dict() == model.to_dict(), len(model.schemata) > 50)
        """
    )
    # read by libyaml; the hook used once; PyYAML itself unchanged for everyone else
    assert out.splitlines() == ["True False yaml", "True True"]


def test_nothing_changes_when_followthemoney_is_imported_first() -> None:
    out = run(
        """
        import followthemoney
        import sanctions
        from sanctions.common.ftm_model import installed, _HOOK
        import sys
        print(installed(), _HOOK in sys.meta_path)
        """
    )
    assert out == "False False"


def test_other_names_of_pyyaml_are_pyyamls_own() -> None:
    stand_in = ftm_model._LibyamlSafe(yaml)
    assert stand_in.safe_load("a: [1, 2]\nb: x\n") == {"a": [1, 2], "b": "x"}
    assert stand_in.YAMLError is yaml.YAMLError
