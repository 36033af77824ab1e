"""The libraries imported without unused work: followthemoney's model read by libyaml is the same
model, only that module touched; pandera validates without importing hypothesis, which stays
importable; and nothing changes where the library was imported first."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import yaml

from sanctions.common import startup


def run(code: str) -> str:
    """``code`` in a fresh interpreter (each library is imported once per process)."""
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
        from sanctions.common.startup import model_read_by_libyaml, _HOOKS
        print(model_read_by_libyaml(), _HOOKS[0] in sys.meta_path, yaml.safe_load.__module__)
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
        from sanctions.common.startup import model_read_by_libyaml, _HOOKS
        import sys
        print(model_read_by_libyaml(), _HOOKS[0] in sys.meta_path)
        """
    )
    assert out == "False False"


def test_other_names_of_pyyaml_are_pyyamls_own() -> None:
    stand_in = startup._LibyamlSafe(yaml)
    assert stand_in.safe_load("a: [1, 2]\nb: x\n") == {"a": [1, 2], "b": "x"}
    assert stand_in.YAMLError is yaml.YAMLError


def test_pandera_validates_without_importing_hypothesis_which_stays_importable() -> None:
    out = run(
        """
        import sys
        import sanctions
        import pandas as pd
        import pandera.pandas as pa
        from sanctions.common.startup import pandera_uses_hypothesis, _HOOKS
        schema = pa.DataFrameSchema({"a": pa.Column(str, pa.Check.str_length(1, 3))})
        print(pandera_uses_hypothesis(), "hypothesis" in sys.modules)
        try:
            schema.validate(pd.DataFrame({"a": ["x", "toolong"]}))
        except pa.errors.SchemaError as exc:
            print("refused", exc.failure_cases["failure_case"].tolist())
        print(pandera_uses_hypothesis(), "hypothesis" in sys.modules, _HOOKS[1] in sys.meta_path)
        import hypothesis.strategies
        print(hypothesis.strategies.integers().example() is not None)
        """
    )
    assert out.splitlines() == [
        "None False",  # pandera's strategies not loaded until its first validation
        "refused ['toolong']",
        "False False False",
        "True",
    ]


def test_pandera_finds_hypothesis_imported_first() -> None:
    out = run(
        """
        import hypothesis
        import sanctions
        import pandas as pd
        import pandera.pandas as pa
        from sanctions.common.startup import pandera_uses_hypothesis
        pa.DataFrameSchema({"a": pa.Column(str)}).validate(pd.DataFrame({"a": ["x"]}))
        print(pandera_uses_hypothesis())
        """
    )
    assert out == "True"
