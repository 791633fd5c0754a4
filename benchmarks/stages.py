"""Per-stage timers for a benchmark process: wrap the stage functions analyse_doc calls, exclusive time.

Installed only inside a benchmark's own child process (never by the package): every function that
``analysis.analyse`` imports from a stage module, and the sentiment scorers wherever they are imported, is
wrapped so that its time, minus the time of wrapped functions it calls, is added to its stage.
"""

from __future__ import annotations

import functools
import sys
import time
from collections import defaultdict
from collections.abc import Callable

# stage module -> the share it is reported under
STAGE_OF_MODULE = {
    "analysis.segment": "paragraphs", "analysis.paragraphs": "paragraphs",
    "analysis.sentences": "sentences", "analysis.entities": "entities",
    "analysis.sentiment": "sentiment", "analysis.target_sentiment": "sentiment",
    "analysis.quotes": "quotes", "analysis.speakers": "quotes", "analysis.cues": "quotes",
    "analysis.quote_marks": "quotes", "analysis.sources": "quotes",
    "analysis.places": "locations", "analysis.toponyms": "locations", "analysis.gazetteer": "locations",
    "analysis.claims": "claims", "analysis.checkworthiness": "claims", "analysis.numbers": "claims",
}
SENTIMENT_FUNCTIONS = ("score_sentiment", "score_target", "target_sentiment", "person_sentiment_rows")

seconds: dict[str, float] = defaultdict(float)
_stack: list[float] = []  # time spent in wrapped callees, per open frame


def _timed(stage: str, function: Callable) -> Callable:
    if getattr(function, "_stage_timed", False):
        return function

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        _stack.append(0.0)
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - started
            inner = _stack.pop()
            seconds[stage] += elapsed - inner
            if _stack:
                _stack[-1] += elapsed

    wrapper._stage_timed = True  # type: ignore[attr-defined]
    return wrapper


def install() -> list[str]:
    """Wrap the stage functions; returns what was wrapped, as ``module.name -> stage``."""
    import analysis.analyse as analyse

    wrapped = []
    for name, value in list(vars(analyse).items()):
        stage = STAGE_OF_MODULE.get(getattr(value, "__module__", ""))
        if callable(value) and stage and not isinstance(value, type):
            setattr(analyse, name, _timed(stage, value))
            wrapped.append(f"analysis.analyse.{name} -> {stage}")
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("analysis.") or module is None:
            continue
        for name in SENTIMENT_FUNCTIONS:
            value = getattr(module, name, None)
            if callable(value) and getattr(value, "__module__", "").endswith("sentiment"):
                setattr(module, name, _timed("sentiment", value))
                wrapped.append(f"{module_name}.{name} -> sentiment")
    return wrapped
