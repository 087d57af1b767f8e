"""The offline edition: the built site as one zip, ``dist/wasla-offline-<data date>.zip``."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path


def make_zip(site: str | Path, dist: str | Path, date: str) -> Path:
    site, dist = Path(site), Path(dist)
    name = f"wasla-offline-{date}"
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{name}.zip"
    tmp = target.with_name(target.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{name}/{path.relative_to(site).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    os.replace(tmp, target)
    return target
