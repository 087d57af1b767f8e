"""Hook: the theme's templates compiled once per process, and the parts many pages share
rendered once per language build.

Events: on_env gives MkDocs' theme environment the engine's in-memory bytecode cache
        (wasla/output/template_cache.py), which the renderer's environments share, and the
        global ``kept(*key)``: used as ``{% call kept(name, …) %}…{% endcall %}`` in
        overrides/main.html, it renders its body the first time a key is seen in this language
        build and returns that HTML for every later page with the same key. The key must name
        everything the body depends on (the navigation: the folder of a page that is not in it).
Reads:  nothing. Writes: nothing.
"""

from __future__ import annotations

from wasla.output.template_cache import COMPILED


def on_env(env, config, files):
    env.bytecode_cache = COMPILED
    shared: dict[tuple, str] = {}  # a new theme environment, and so a new store, per language build

    def kept(*key, caller):
        if key not in shared:
            shared[key] = caller()
        return shared[key]

    env.globals["kept"] = kept
    return env
