"""The Group Policy templates IT imports: well-formed, every policy with its strings and
presentation, and exactly the keys app/policy.py reads (no more, no fewer)."""

import re
import xml.etree.ElementTree as ET

from app.policy import OTHER_KEYS, PATHWAY_LIMITS, REGISTRY_KEY, USER_KEYS
from tests.conftest import REPO

NS = {"p": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}
ADMX = REPO / "packaging" / "windows" / "Navigator.admx"
ADML = REPO / "packaging" / "windows" / "en-GB" / "Navigator.adml"


def templates():
    return ET.parse(ADMX).getroot(), ET.parse(ADML).getroot()


def value_names(admx):
    names = set()
    for policy in admx.iterfind(".//p:policy", NS):
        if policy.get("valueName"):
            names.add(policy.get("valueName"))
        names |= {e.get("valueName") for e in policy.iterfind("p:elements/*", NS)}
    return names


def test_every_key_the_app_reads_has_a_policy_and_the_reverse():
    admx, _ = templates()
    assert value_names(admx) == {*USER_KEYS, *PATHWAY_LIMITS, *OTHER_KEYS}
    assert {p.get("key") for p in admx.iterfind(".//p:policy", NS)} == {REGISTRY_KEY}
    assert {p.get("class") for p in admx.iterfind(".//p:policy", NS)} == {"Machine"}


def test_every_string_and_presentation_the_admx_names_is_in_the_adml():
    admx, adml = templates()
    strings = {s.get("id") for s in adml.iterfind(".//p:stringTable/p:string", NS)}
    presentations = {p.get("id") for p in adml.iterfind(".//p:presentationTable/*", NS)}
    text = ADMX.read_text(encoding="utf-8")
    assert set(re.findall(r"\$\(string\.([^)]+)\)", text)) <= strings
    assert set(re.findall(r"\$\(presentation\.([^)]+)\)", text)) == presentations
    for presentation in adml.iterfind(".//p:presentationTable/*", NS):
        (policy,) = admx.findall(f".//p:policy[@name='{presentation.get('id')}']", NS)
        elements = {e.get("id") for e in policy.iterfind("p:elements/*", NS)}
        assert {c.get("refId") for c in presentation} == elements


def test_ranges_are_the_ones_policy_accepts(graph):
    admx, _ = templates()
    for name, (low, high, _) in PATHWAY_LIMITS.items():
        (element,) = admx.findall(f".//p:decimal[@valueName='{name}']", NS)
        assert (int(element.get("minValue")), int(element.get("maxValue"))) == (low, high)
    areas = {v.text for v in admx.iterfind(".//p:enum[@valueName='default_borough']//p:string", NS)}
    boroughs = set(graph.questions["borough"].allowed_values) - {"outside_west_midlands"}
    assert areas == boroughs
