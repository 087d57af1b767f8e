"""SHA256SUMS.minisig with a throwaway key, on a machine without the minisign program.

The key is made with py-minisign (PyPI, pinned in requirements-dev.txt), which writes the
same key and signature files as minisign. Both ways `wasla sums` signs are run: the Python
implementation (no `minisign` on PATH) and the `minisign` program maintainers use (here a
stand-in script on PATH that records its command line and signs with py-minisign), so the
suite never needs the Debian package.
"""

import json
import os
import subprocess
import sys
import textwrap

import minisign
import pytest

from conftest import ROOT


@pytest.fixture
def keys(tmp_path):
    pair = minisign.KeyPair.generate()
    pub, sec = tmp_path / "wasla.pub", tmp_path / "wasla.key"
    pub.write_bytes(bytes(pair.public_key))
    sec.write_bytes(bytes(pair.secret_key))
    return pub, sec


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text("<p>وصلة</p>\n", encoding="utf-8")
    (site / "en" / "index.html").write_text("<p>Wasla</p>\n", encoding="utf-8")
    return site


def sums(site, key, path_dirs):
    env = {
        "PYTHONPATH": str(ROOT / "hooks"),
        "PATH": os.pathsep.join(map(str, path_dirs)),
        "MINISIGN_SECRET_KEY": str(key),
    }
    return subprocess.run([sys.executable, "-m", "wasla", "sums", str(site)], capture_output=True, text=True, env=env)


def verifies(pub, site) -> bool:
    key = minisign.PublicKey.from_file(pub)
    try:
        key.verify((site / "SHA256SUMS").read_bytes(), minisign.Signature.from_file(site / "SHA256SUMS.minisig"))
    except minisign.VerifyError:
        return False
    return True


def test_signs_without_the_minisign_program(site, keys, tmp_path):
    pub, sec = keys
    empty = tmp_path / "bin"
    empty.mkdir()
    made = sums(site, sec, [empty])  # nothing on PATH: no minisign program
    assert made.returncode == 0, made.stderr
    signature = minisign.Signature.from_file(site / "SHA256SUMS.minisig")
    assert signature.trusted_comment == "Wasla SHA256SUMS"
    assert verifies(pub, site)
    with open(site / "SHA256SUMS", "a") as f:
        f.write("0" * 64 + "  evil.html\n")
    assert not verifies(pub, site)


def test_signs_with_the_minisign_program_when_installed(site, keys, tmp_path):
    pub, sec = keys
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls.json"
    stand_in = bin_dir / "minisign"
    stand_in.write_text(
        f"#!{sys.executable}\n"
        + textwrap.dedent(f"""\
        import json, sys
        import minisign
        args = sys.argv[1:]
        open({str(calls)!r}, "w").write(json.dumps(args))
        opt = dict(zip(args[1::2], args[2::2]))
        key = minisign.SecretKey.from_file(opt["-s"])
        sig = key.sign(open(opt["-m"], "rb").read(), prehash=True, trusted_comment=opt["-t"])
        open(opt["-x"], "wb").write(bytes(sig) + b"\\n")
        """),
        encoding="utf-8",
    )
    stand_in.chmod(0o755)
    made = sums(site, sec, [bin_dir])
    assert made.returncode == 0, made.stderr
    assert json.loads(calls.read_text()) == [
        "-S",
        "-s",
        str(sec),
        "-m",
        str(site / "SHA256SUMS"),
        "-x",
        str(site / "SHA256SUMS.minisig"),
        "-t",
        "Wasla SHA256SUMS",
    ]
    assert verifies(pub, site)


def test_an_encrypted_key_is_refused_clearly(site, tmp_path):
    pair = minisign.KeyPair.generate()
    pair.secret_key.encrypt("a password", opslimit=minisign.OPSLIMIT // 64, memlimit=minisign.MEMLIMIT // 64)
    sec = tmp_path / "locked.key"
    sec.write_bytes(bytes(pair.secret_key))
    empty = tmp_path / "bin"
    empty.mkdir()
    made = sums(site, sec, [empty])
    assert made.returncode == 1
    assert made.stderr == f"{sec}: the key is encrypted; expected an unencrypted key (minisign -G -W)\n"
    assert not (site / "SHA256SUMS.minisig").exists()
