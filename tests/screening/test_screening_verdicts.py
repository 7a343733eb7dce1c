"""The verdict rules of the rubric, on small CVs written for these tests."""

from datetime import date

from hireloop.screening import ScreeningResult, screen

AS_OF = date(2026, 11, 25)


def test_notebook_only_cv_is_notebook_only_with_no_area_shown(cvs: dict[str, str]) -> None:
    result = screen(cvs["notebook"], AS_OF)
    assert result.verdict == "notebook_only"
    assert result.production_level == 0
    assert all(score < 50 for score in result.areas.values())
    assert any(ev.kind == "notebook" for ev in result.evidence)


def test_production_cv_with_stack_latency_and_on_call_is_production(cvs: dict[str, str]) -> None:
    result = screen(cvs["production"], AS_OF)
    assert result.verdict == "production"
    assert result.production_level == 3
    kinds = {ev.kind for ev in result.evidence}
    assert {"deployment", "latency", "scale", "reliability", "monitoring"} <= kinds
    assert result.areas["mlops"] >= 50
    assert result.areas["pytorch_production"] >= 50
    assert "Triton Inference Server" in result.skills


def test_thin_flask_in_docker_deployment_is_some_production(cvs: dict[str, str]) -> None:
    result = screen(cvs["thin"], AS_OF)
    assert result.verdict == "some_production"
    assert result.production_level == 2
    assert "no traffic, scale or latency figures" in result.missing
    assert "no monitoring named" in result.missing


def test_web_developer_who_deploys_and_scales_is_not_ml(cvs: dict[str, str]) -> None:
    result = screen(cvs["web"], AS_OF)
    assert result.verdict == "not_ml"
    assert result.production_level is None
    assert all(score < 50 for score in result.areas.values())


def test_industry_ml_work_without_deployment_is_claims_only(cvs: dict[str, str]) -> None:
    result = screen(cvs["claims"], AS_OF)
    assert result.verdict == "claims_only"
    assert "no deployment of a model described" in result.missing


def test_skills_list_alone_does_not_make_production() -> None:
    listed = "SKILLS\nPyTorch, Kubernetes, Triton Inference Server, MLflow, Prometheus, SageMaker\n"
    result = screen("Data Scientist\n\n" + listed, AS_OF)
    assert (result.production_level or 0) < 2
    assert all(score < 50 for score in result.areas.values())


def test_a_higher_level_always_scores_higher(cvs: dict[str, str]) -> None:
    results = [screen(cv, AS_OF) for cv in cvs.values()]
    levels_and_scores = sorted((r.production_level or -1, r.score) for r in results)
    scores = [score for _level, score in levels_and_scores]
    assert scores == sorted(scores)
    assert all(0 <= score <= 100 for score in scores)


def test_old_evidence_weighs_less_than_recent_evidence(cvs: dict[str, str]) -> None:
    recent = screen(cvs["production"], AS_OF)
    later = screen(cvs["production"], date(2040, 1, 1))
    weight_now = sum(ev.weight for ev in recent.evidence if ev.kind == "deployment")
    weight_later = sum(ev.weight for ev in later.evidence if ev.kind == "deployment")
    assert weight_later < weight_now
    assert later.score <= recent.score


def test_explanation_gives_the_arithmetic_of_level_score_and_each_area(cvs: dict[str, str]) -> None:
    result = screen(cvs["production"], AS_OF)
    text = "\n".join(result.explanation)
    assert "level 3" in text
    assert f"= {result.score}" in text
    for area, score in result.areas.items():
        assert f"area {area} = {score}" in text


def test_result_has_a_json_form(cvs: dict[str, str]) -> None:
    result = screen(cvs["production"], AS_OF)
    dumped = result.model_dump(mode="json")
    assert dumped["verdict"] == "production"
    assert ScreeningResult.model_validate(dumped) == result


def test_unbacked_skills_list_is_a_red_flag() -> None:
    cv = (
        "Data Scientist\n\nEXPERIENCE\nData Scientist | Acme | 2021 - Present\n"
        "- Built churn prediction models with XGBoost.\n\nSKILLS\n"
        "PyTorch, Kubernetes, Docker, MLflow, SageMaker, Pinecone, CUDA, DeepSpeed, Airflow\n"
    )
    flags = screen(cv, AS_OF).red_flags
    assert any("never appear in described work" in flag for flag in flags)
