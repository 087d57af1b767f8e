"""Hook: open-data exports into the site's data/ folder.

Events: on_post_build, for the default-language build only (the data is the
        same for every language).
Reads:  the dataset this build validated.
Writes: site/data/resources.json, resources.csv, hsds/*.json, law.json, law.csv, vcards/*.vcf
        (see wasla.output.exports), each written whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

from wasla.output.exports import write_all
from wasla_mkdocs import current_language, dataset, default_language


def on_post_build(config):
    if current_language(config) != default_language():
        return
    write_all(dataset(config), Path(config.site_dir) / "data")
