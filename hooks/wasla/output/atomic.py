"""All or nothing, even when two builds run at once: a build writes into its own temporary folder
beside the site and swaps it in with one rename.

``make build`` runs ``python -m wasla tempdir site --owner <shell pid>`` (cleans stale temporary
folders, makes a new one and prints it), builds into it, writes SHA256SUMS, then
``python -m wasla swap <tmp> site``.  The swap is one ``renameat2(RENAME_EXCHANGE)`` call on Linux
(the old site and the new one trade places atomically; the old one is then removed); where that
call is missing, ``site`` is renamed aside and the new folder renamed in (a gap of two renames,
never a half-written site).  A temporary folder is stale when the process that owned it is gone
(its pid is in the name): an interrupted or killed build is cleaned by the next one.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100
_RACED = (errno.ENOENT, errno.ENOTEMPTY, errno.EEXIST)  # target changed by another build meanwhile
_ATTEMPTS = 50


def _prefix(target: Path) -> str:
    return f".{target.name}.tmp-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(target: Path) -> list[Path]:
    """Remove the temporary folders of builds whose process is gone; return them."""
    removed = []
    legacy = target.with_name(target.name + ".tmp")  # the old Makefile's fixed name
    candidates = [legacy] if legacy.is_dir() and not legacy.is_symlink() else []
    candidates += [p for p in target.parent.glob(_prefix(target) + "*") if p.is_dir() and not p.is_symlink()]
    for path in candidates:
        try:
            pid = int(path.name[len(_prefix(target)) :].split("-", 1)[0]) if path != legacy else 0
        except ValueError:
            pid = 0
        if pid and _alive(pid):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def temp_dir(target: str | Path, owner: int | None = None) -> Path:
    target = Path(target).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    owner = owner or os.getppid()
    return Path(tempfile.mkdtemp(prefix=f"{_prefix(target)}{owner}-", dir=target.parent))


def _exchange(a: Path, b: Path) -> bool:
    """Atomically trade the names of two folders (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def swap(new: str | Path, target: str | Path) -> None:
    """Put the finished build at target in one step and remove what was there.

    Another build may swap its own site in at the same moment: whenever a step finds target
    changed under it (gone, or there when it was not), the swap looks again and trades with
    whatever is there now; the last build to swap wins, whole."""
    new, target = Path(new).absolute(), Path(target).absolute()
    os.chmod(new, 0o755)  # mkdtemp made it private; a site is served
    for _ in range(_ATTEMPTS):
        try:
            if target.is_dir() and not target.is_symlink() and _exchange(new, target):
                shutil.rmtree(new, ignore_errors=True)  # new now holds the old site
                return
            if target.exists() or target.is_symlink():
                aside = Path(tempfile.mkdtemp(prefix=f"{_prefix(target)}{os.getpid()}-old-", dir=target.parent))
                try:
                    os.rename(target, aside / "old")
                    os.rename(new, target)
                except OSError as err:
                    if err.errno in _RACED:  # what was set aside is another build's superseded site
                        shutil.rmtree(aside, ignore_errors=True)
                    raise
                shutil.rmtree(aside, ignore_errors=True)
                return
            os.rename(new, target)
            return
        except OSError as err:
            if err.errno not in _RACED:
                raise
    raise OSError(errno.EBUSY, "other builds kept changing the site folder; build again", str(target))
