"""Each kind of claim, where it counts and how much."""

from datetime import date

import pytest

from hireloop.screening import screen
from hireloop.screening.evidence import CLAIMS_PER_KIND, SKILLS_REPORTED

AS_OF = date(2026, 11, 25)
ROLE = "EXPERIENCE\nML Engineer | Acme | Jan 2024 - Present\n- {line}\n"


def kinds_of(line: str) -> set[str]:
    return {ev.kind for ev in screen(ROLE.format(line=line), AS_OF).evidence}


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Deployed the ranking model to production.", "deployment"),
        ("Shipped a churn model used by the sales team.", "deployment"),
        ("Carried the pager on-call for the inference service.", "deployment"),
        ("Handled 12k QPS for the search model.", "scale"),
        ("Scored 3 million users a day with the model.", "scale"),
        ("Kept p99 latency under 80 ms for the model.", "latency"),
        ("Ran canary releases and rollbacks for models.", "reliability"),
        ("Ramped the new model from 5% to 50% of traffic in an A/B test.", "reliability"),
        ("Tracked data drift in Grafana dashboards for the model.", "monitoring"),
        ("Built CI/CD and a model registry for the models.", "pipeline"),
        ("Cut fraud losses by 12% with a new model.", "impact"),
        ("Trained a model in a Jupyter notebook for a Kaggle competition.", "notebook"),
        ("Built a recommendation model with LightGBM.", "ml_work"),
    ],
)
def test_each_claim_kind_is_found_in_a_work_line(line: str, kind: str) -> None:
    assert kind in kinds_of(line)


def test_every_evidence_item_quotes_the_cv_exactly() -> None:
    text = ROLE.format(line="Deployed a PyTorch model on Kubernetes at 5k requests per second.")
    for ev in screen(text, AS_OF).evidence:
        assert text[ev.start : ev.end] == ev.quote
        assert ev.term in ev.quote


def test_a_tool_in_a_production_bullet_outweighs_the_same_tool_in_a_skills_list() -> None:
    used = ROLE.format(line="Deployed the model on Kubernetes serving 2 million users.")
    listed = "Data Scientist\n\nSKILLS\nKubernetes\n"
    used_result = screen(used, AS_OF)
    listed_result = screen(listed, AS_OF)
    weight_used = max(ev.weight for ev in used_result.evidence if ev.skill == "Kubernetes")
    weight_listed = max(ev.weight for ev in listed_result.evidence if ev.skill == "Kubernetes")
    assert weight_used > weight_listed
    assert used_result.areas["mlops"] > listed_result.areas["mlops"]


def test_an_api_with_no_model_in_sight_is_not_deployment_evidence() -> None:
    assert "deployment" not in kinds_of("Maintained the REST API for invoices.")


def test_skills_are_listed_by_canonical_name() -> None:
    text = ROLE.format(line="Served models with torchserve on k8s; experiments in wandb.")
    assert {"TorchServe", "Kubernetes", "Weights & Biases"} <= set(screen(text, AS_OF).skills)


def test_evidence_is_capped_but_skills_and_scores_use_every_line() -> None:
    bullets = "".join(
        f"- Deployed the ranking model {n} on Kubernetes with {tool}, serving {n}k users.\n"
        for n, tool in enumerate(
            ["PyTorch", "pandas", "NumPy", "SciPy", "Airflow", "MLflow", "Docker", "Ray"] * 4,
            start=1,
        )
    )
    text = "EXPERIENCE\nML Engineer | Acme | Jan 2020 - Present\n" + bullets
    result = screen(text, AS_OF)
    kinds = [ev.kind for ev in result.evidence if ev.kind != "tool"]
    assert all(kinds.count(kind) <= CLAIMS_PER_KIND for kind in set(kinds))
    assert len({ev.skill for ev in result.evidence if ev.kind == "tool"}) <= SKILLS_REPORTED
    assert {"PyTorch", "pandas", "NumPy", "SciPy", "Airflow", "MLflow", "Ray"} <= set(result.skills)
    for ev in result.evidence:
        assert text[ev.start : ev.end] == ev.quote


def test_the_most_recent_evidence_is_always_reported() -> None:
    old = "".join(
        f"- Deployed model {n} serving {n}0k requests per second at p99 {n}0 ms.\n"
        for n in range(1, 9)
    )
    text = (
        "EXPERIENCE\nML Engineer | Acme | Jan 2024 - Present\n- Built a small chatbot.\n\n"
        "ML Engineer | Bluefin | Jan 2010 - Dec 2015\n" + old
    )
    ages = [ev.age_years for ev in screen(text, AS_OF).evidence if ev.age_years is not None]
    assert min(ages) == 0.0
