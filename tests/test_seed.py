"""The shipped data: the seed list converted faithfully, nothing marked verified."""
import yaml

from conftest import ROOT
from wasla.load import load
from wasla.yamlload import loads, plain

SEED = ROOT / "tests" / "seed" / "resources.yml"  # the seed list the data was converted from


def test_shipped_data_is_valid_and_complete():
    dataset, problems = load(ROOT / "data")
    assert not [p for p in problems if p.level == "error"]
    assert len(dataset.resources) == 31
    assert all(r.last_verified is None for r in dataset.resources), "the seed was never verified"


def test_leads_stay_unpublished():
    leads = plain(loads((ROOT / "data" / "leads.yml").read_text(encoding="utf-8")))
    assert len(leads) == 7
    published = {p.stem for p in (ROOT / "data" / "resources").rglob("*.yml")}
    assert not set(leads) & published


def test_every_seed_source_and_contact_is_kept():
    seed = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    dataset, _ = load(ROOT / "data")
    leads = plain(loads((ROOT / "data" / "leads.yml").read_text(encoding="utf-8")))
    sources = {s for r in dataset.resources for s in r.sources} | {s for lead in leads.values() for s in lead["sources"]}
    values = {c.value for r in dataset.resources for c in r.contacts}
    for entry in seed:
        assert set(entry["sources"]) <= sources, entry["name_en"]
        for key in ("phones", "email", "whatsapp", "signal"):
            assert set(entry[key]) <= values, entry["name_en"]
        if entry["website"]:
            assert entry["website"] in values, entry["name_en"]
