"""Hook: open-data exports into the site's data/ folder.

Events: on_post_build, for the default-language build only (the data is the
        same for every language).
Reads:  the dataset this build validated.
Writes: site/data/resources.json, resources.csv, hsds/*.json, law.json, law.csv, vcards/*.vcf
        (see wasla.output.exports), each written whole or not at all. A dirty build (make serve)
        keeps the site folder: there, a contact cards or HSDS file this build no longer writes
        (a country's last entry deleted) is deleted, as a clean build would not have it.
"""

from __future__ import annotations

from pathlib import Path

from wasla.output.exports import write_all
from wasla_mkdocs import current_language, dataset, default_language, dirty

ONE_PER_PART = ("vcards/*.vcf", "hsds/*.json")  # the exports whose files depend on the data


def on_post_build(config):
    if current_language(config) != default_language():
        return
    out = Path(config.site_dir) / "data"
    written = set(write_all(dataset(config), out))
    if dirty():
        for pattern in ONE_PER_PART:
            for path in out.glob(pattern):
                if path.relative_to(out).as_posix() not in written:
                    path.unlink()
