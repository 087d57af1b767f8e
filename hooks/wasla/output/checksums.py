"""SHA256SUMS for a built site, and its minisign signature.

``write_sums(site)`` writes ``SHA256SUMS`` at the site root in the format of
``sha256sum`` (``<hex>  <path>``), so a mirror keeper runs ``sha256sum -c SHA256SUMS``.
``sign(site, key)`` signs SHA256SUMS with minisign when a key is configured.


"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

SUMS = "SHA256SUMS"
SIGNATURE = SUMS + ".minisig"
NOT_LISTED = {SUMS, SIGNATURE}  # the checksums and their signature describe the rest
SIGNATURE_COMMENT = "Wasla SHA256SUMS"  # minisign's trusted comment


def write_sums(site: str | Path) -> Path:
    site = Path(site)
    lines = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.relative_to(site).as_posix() not in NOT_LISTED):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(site).as_posix()}\n")
    target = site / SUMS
    tmp = target.with_name(SUMS + ".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    os.replace(tmp, target)
    return target


def verify(site: str | Path) -> list[str]:
    """Files whose checksum does not match, or that are missing or unlisted."""
    site = Path(site)
    listed = {}
    for line in (site / SUMS).read_text(encoding="utf-8").splitlines():
        digest, rel = line.split("  ", 1)
        listed[rel] = digest
    problems = [f"{rel}: missing" for rel in listed if not (site / rel).is_file()]
    problems += [
        f"{rel}: changed"
        for rel, d in listed.items()
        if (site / rel).is_file() and hashlib.sha256((site / rel).read_bytes()).hexdigest() != d
    ]
    present = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - NOT_LISTED
    problems += [f"{rel}: not listed" for rel in sorted(present - set(listed))]
    return problems


def sign(site: str | Path, secret_key: str | Path) -> Path:
    """Sign SHA256SUMS: writes SHA256SUMS.minisig.

    Uses the `minisign` program (Debian package `minisign`) when it is on PATH, as maintainers
    and CI do; otherwise the PyPI implementation `py-minisign` (requirements-dev.txt: the tests
    use it), which writes the same format. The key must be unencrypted (`minisign -G -W`) for
    unattended builds; keep it in the CI secret store, never in the repository.
    """
    site = Path(site)
    target = site / (SUMS + ".minisig")
    program = shutil.which("minisign")
    if program:
        subprocess.run(
            [program, "-S", "-s", str(secret_key), "-m", str(site / SUMS), "-x", str(target), "-t", SIGNATURE_COMMENT],
            check=True,
            stdin=subprocess.DEVNULL,
            capture_output=True,
        )
        return target
    try:
        import minisign  # noqa: PLC0415  (optional: PyPI py-minisign, only where the minisign program is missing)
    except ImportError:
        raise SystemExit("signing needs minisign: apt-get install -y minisign (or pip install py-minisign)") from None
    with minisign.SecretKey.from_file(secret_key) as key:
        if key.is_encrypted():
            raise SystemExit(f"{secret_key}: the key is encrypted; expected an unencrypted key (minisign -G -W)")
        signature = key.sign((site / SUMS).read_bytes(), prehash=True, trusted_comment=SIGNATURE_COMMENT)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(bytes(signature) + b"\n")
    os.replace(tmp, target)
    return target
