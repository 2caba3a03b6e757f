"""One engine per process and per web worker, rebuilt from the last regrouping's stored state.

Loading the sentence encoder takes seconds, so a web request never waits for it: until it is warm, callers get
``None`` and fall back to full-text search, while a background thread loads it."""

import threading
from collections import OrderedDict

from bouquet.bouquets.engine import Engine, UseEncoder

_lock = threading.Lock()
_engines: OrderedDict[tuple[int, int], Engine] = OrderedDict()
_warming = threading.Event()
MAX_ENGINES = 8


def encoder_is_warm() -> bool:
    """Whether the sentence encoder is loaded in this process."""
    return bool(UseEncoder._shared)


def warm_encoder_in_background() -> None:
    """Load the encoder in a daemon thread, once."""
    if encoder_is_warm() or _warming.is_set():
        return
    _warming.set()

    def load() -> None:
        try:
            UseEncoder().encode(["échauffement"])
        finally:
            _warming.clear()

    threading.Thread(target=load, name="bouquet-encoder-warmup", daemon=True).start()


def cached_engine(key: tuple[int, int]) -> Engine | None:
    """The engine stored under (process, clustering) if this worker has it."""
    with _lock:
        engine = _engines.get(key)
        if engine is not None:
            _engines.move_to_end(key)
        return engine


def remember_engine(key: tuple[int, int], engine: Engine) -> None:
    """Keep an engine for later requests, forgetting the least recently used beyond MAX_ENGINES."""
    with _lock:
        for old in [k for k in _engines if k[0] == key[0] and k != key]:
            del _engines[old]
        _engines[key] = engine
        while len(_engines) > MAX_ENGINES:
            _engines.popitem(last=False)


def forget_engines() -> None:
    """Drop every cached engine (tests, and after a regrouping in this worker)."""
    with _lock:
        _engines.clear()
