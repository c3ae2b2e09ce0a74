"""The columns of services.csv, as the lead's guide tells them."""

import tomllib

from app.db.field_rules import AUDIENCES, CONFIDENCES
from app.db.service_rows import OPTIONAL_COLUMNS, SERVICE_COLUMNS
from tests.conftest import REPO


def test_the_leads_guide_tells_every_column_and_every_code_a_column_takes():
    """The guide listed no column nor code: a lead learned `isva`, `walsall` and `women` from
    the refusals of their sheet (the lead's walk, 2026-12-07)."""
    guide = (REPO / "docs/lead-guide.md").read_text(encoding="utf-8")
    section = guide.split("<!-- services.csv columns -->")[1].split("\n## ")[0]
    directory = REPO / "resources/services/directory.toml"
    kinds = tomllib.loads(directory.read_text(encoding="utf-8"))["kinds"]
    questions = REPO / "resources/pathway/questions.toml"
    (borough,) = [
        q for q in tomllib.loads(questions.read_text())["question"] if q["id"] == "borough"
    ]
    boroughs = [option["value"] for option in borough["options"] if option.get("region")]
    codes = (*SERVICE_COLUMNS, *OPTIONAL_COLUMNS, *kinds, *AUDIENCES, *CONFIDENCES, *boroughs)
    assert [code for code in codes if f"`{code}`" not in section] == []
