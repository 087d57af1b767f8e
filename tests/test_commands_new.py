"""`make new` says why a slug is refused, and asks again in a terminal."""

import os
import pty
import select
import subprocess
import sys
import time

import pytest

from conftest import ROOT, make_data

ENV = {"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"}


@pytest.mark.parametrize(
    "slug, message",
    [
        (
            "Beirut Line",
            "'Beirut Line' is not a valid slug: it has spaces (use hyphens between words); it has capital "
            "letters 'B', 'L' (use lower case only); try 'beirut-line'",
        ),
        ("Helem", "'Helem' is not a valid slug: it has capital letters 'H' (use lower case only); try 'helem'"),
        (
            "beirut_line",
            "'beirut_line' is not a valid slug: it has '_' (use only letters, digits and hyphens); try 'beirut-line'",
        ),
        (
            "حلم",
            "'حلم' is not a valid slug: it has letters outside a-z 'ح', 'ل', 'م' (use Latin letters: initials or a "
            "transliteration); for example: beirut-helpline",
        ),
        (
            "helem.yml",
            "'helem.yml' is not a valid slug: it ends in '.yml' (leave that out: make new adds it); try 'helem'",
        ),
        (
            "-line-",
            "'-line-' is not a valid slug: it has a hyphen at the start or end, or two together (a hyphen goes between "
            "two words); try 'line'",
        ),
        (
            "beirut-queer-line",
            "'beirut-queer-line' is not a valid slug: it contains 'queer', which would out a reader who has "
            "this page's address in their history (use a neutral slug, like initials and a place: "
            "'iq-network'); for example: beirut-helpline",
        ),
        (
            "Trans Beirut",
            "'Trans Beirut' is not a valid slug: it has spaces (use hyphens between words); it has capital letters "
            "'T', 'B' (use lower case only); it contains 'trans', which would out a reader who has this page's "
            "address in their history (use a neutral slug, like initials and a place: 'iq-network'); "
            "for example: beirut-helpline",
        ),
    ],
)
def test_make_new_says_why_a_slug_is_refused(tmp_path, slug, message):
    make_data(tmp_path, fixtures=False)
    made = subprocess.run(
        [sys.executable, "-m", "wasla", "new", "--country", "lb", f"--slug={slug}", "--kinds", "hotline"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=ENV,
        stdin=subprocess.DEVNULL,
    )
    assert made.returncode == 2
    assert made.stderr == f"  {message}\n"
    assert not (tmp_path / "data" / "resources" / "lb").exists()


def test_make_new_asks_again_in_a_terminal(tmp_path):
    make_data(tmp_path, fixtures=False)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "wasla", "new", "--country", "lb", "--kinds", "hotline"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=tmp_path,
        env=ENV,
    )
    os.close(follower)
    seen = b""

    def read_until(marker: bytes, times: int = 1):
        nonlocal seen
        deadline = time.monotonic() + 60
        while seen.count(marker) < times and time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1)
            if ready:
                try:
                    seen += os.read(leader, 4096)
                except OSError:
                    break
        assert marker in seen, seen.decode(errors="replace")

    read_until(b"Slug (the file name")
    os.write(leader, b"Beirut Line\n")
    read_until(b"try 'beirut-line'")
    read_until(b"Slug (the file name", times=2)  # asked again
    os.write(leader, b"beirut-line\n")
    read_until(b"Fill it in, then run: make check")
    assert proc.wait(timeout=60) == 0
    os.close(leader)
    assert (tmp_path / "data" / "resources" / "lb" / "beirut-line.yml").is_file()


def test_a_slug_with_digits_of_another_script_says_so():
    from wasla.rules import slugs

    assert slugs.problem("iq-network-٢") == (
        "'iq-network-٢' is not a valid slug: it has digits outside 0-9 '٢' (use the digits 0-9); try 'iq-network'"
    )
