"""Time-dependent text stays true: the site is rebuilt every week, well inside the weeks for
which a build writes "open now" (hooks/wasla/hours.py), and "may be out of date" is decided
again at each build."""

import yaml

from conftest import ROOT


def test_the_site_is_rebuilt_every_week():
    workflow = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "schedule", "workflow_dispatch"}
    [entry] = triggers["schedule"]
    minute, hour, day, month, weekday = entry["cron"].split()
    assert (day, month) == ("*", "*")
    assert all(field.isdigit() for field in (minute, hour, weekday))  # once a week, at a set time
