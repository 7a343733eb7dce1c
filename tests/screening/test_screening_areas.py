"""Areas follow real work: tools used in work lines, model work, models deployed and operated."""

from datetime import date

from hireloop.screening import screen

AS_OF = date(2026, 11, 25)
ROLE = "Data Scientist\n\nEXPERIENCE\nData Scientist | Acme | Jan 2021 - Present\n"
MODEL_WORK = (
    "- Built churn prediction models for the retention team.\n"
    "- Trained demand forecasting models for the stores.\n"
    "- Developed ranking models for the search page.\n"
)
PYTHON_LIST = "\nSKILLS\nPython, pandas, scikit-learn, XGBoost\n"


def test_listed_skills_backed_by_model_work_count_toward_their_area() -> None:
    backed = screen(ROLE + MODEL_WORK + PYTHON_LIST, AS_OF)
    unbacked = screen("Data Scientist\n" + PYTHON_LIST, AS_OF)
    assert backed.areas["python_stack"] >= 50
    assert unbacked.areas["python_stack"] < 50
    notes = "\n".join(backed.explanation)
    assert "listed only (backed): 4 skill(s) x8, capped at 24 = 24" in notes


def test_listed_skills_alone_stay_a_word_in_a_list() -> None:
    role = "EXPERIENCE\nAnalyst | Acme | Jan 2021 - Present\n- Ran the weekly sales report.\n"
    text = role + PYTHON_LIST
    result = screen(text, AS_OF)
    assert result.areas["python_stack"] < 50
    assert "listed only: 4 skill(s) x2, capped at 10 = 8" in "\n".join(result.explanation)


def test_a_model_deployed_and_operated_is_mlops_work_without_a_tool_named() -> None:
    line = "- Deployed the fraud model to production and owned its drift monitoring.\n"
    result = screen(ROLE + line, AS_OF)
    notes = "\n".join(result.explanation)
    assert "model deployed and operated in a work line x1.00 = 15.0" in notes
    assert result.areas["mlops"] >= 15


def test_deployment_without_operations_is_not_mlops_work() -> None:
    result = screen(ROLE + "- Deployed the fraud model.\n", AS_OF)
    assert "model deployed and operated" not in "\n".join(result.explanation)
    assert result.areas["mlops"] == 0
