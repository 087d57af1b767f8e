"""Hook: the theme's templates are compiled once per process, not once per language build.

Events: on_env gives MkDocs' theme environment the engine's in-memory bytecode cache
        (wasla/output/template_cache.py), which the renderer's environments share.
Reads:  nothing. Writes: nothing.
"""

from __future__ import annotations

from wasla.output.template_cache import COMPILED


def on_env(env, config, files):
    env.bytecode_cache = COMPILED
    return env
