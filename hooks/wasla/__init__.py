"""Wasla's data engine: load, validate and render the directory's data.

Nothing in this package imports MkDocs or the theme: the MkDocs hooks in
``hooks/*.py`` call into it, and so do ``python -m wasla`` (``make check``),
the tests and the benchmark.  Swapping the site engine means rewriting the
thin hooks, not this package.
"""
