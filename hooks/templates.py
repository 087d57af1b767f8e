"""Hook: the theme's templates compiled once per process, and the parts many pages share
rendered once per language build.

Events: on_config has the theme's environment list its installed templates once per process
        (ThemeLoader, wasla/output/template_cache.py): MkDocs lists every file of the theme in
        each language build to find the files to copy, and Material's folder holds thousands
        of icons it never copies;
        on_env gives MkDocs' theme environment the engine's in-memory bytecode cache
        (wasla/output/template_cache.py), which the renderer's environments share, and the
        global ``kept(*key)``: used as ``{% call kept(name, …) %}…{% endcall %}`` in
        overrides/main.html, it renders its body the first time a key is seen in this language
        build and returns that HTML for every later page with the same key. The key must name
        everything the body depends on (the navigation: the folder of a page that is not in it).
Reads:  nothing. Writes: nothing.
"""

from __future__ import annotations

import jinja2

from wasla.output.template_cache import COMPILED, ThemeLoader


def on_config(config):
    theme = config.theme
    if getattr(theme.get_env, "lists_once", False):
        return config  # a language built inside another one: the same theme
    make = theme.get_env

    def get_env():
        env = make()
        if type(env.loader) is jinja2.FileSystemLoader:
            env.loader = ThemeLoader(env.loader.searchpath)
        return env

    get_env.lists_once = True
    theme.get_env = get_env
    return config


def on_env(env, config, files):
    env.bytecode_cache = COMPILED
    shared: dict[tuple, str] = {}  # a new theme environment, and so a new store, per language build

    def kept(*key, caller):
        if key not in shared:
            shared[key] = caller()
        return shared[key]

    env.globals["kept"] = kept
    return env
