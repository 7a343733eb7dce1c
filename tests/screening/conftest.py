"""Small hand-written CVs shared by the screening tests, as fixtures."""

import pytest

NOTEBOOK_CV = """Priya Example
MSc student in machine learning

EDUCATION
MSc Data Science, Example University, 2024 - 2026
Thesis: transformer models for bird song classification.

PROJECTS
- Trained a CNN image classification model in a Jupyter notebook; 94% test-set accuracy.
- Kaggle competition on churn prediction with XGBoost and pandas, top 10%.
- Course project: fine-tuned BERT for sentiment analysis in Colab.

SKILLS
Python, PyTorch, scikit-learn, pandas, NumPy
"""

PRODUCTION_CV = """Alex Example
Senior Machine Learning Engineer

EXPERIENCE

Senior ML Engineer | Kestrel Payments | Jan 2023 - Present
- Deployed a PyTorch fraud detection model behind Triton Inference Server on Kubernetes,
  serving 40k requests per second at p99 latency of 35 ms.
- Owned on-call for the scoring service; led two rollbacks after canary alerts in Grafana.
- Set up drift monitoring with Prometheus and a model registry in MLflow with CI/CD.

ML Engineer | Bluefin Retail | Mar 2019 - Dec 2022
- Shipped a recommendation model to production for 3 million users; A/B tests ramped to 50%.
- Built the training pipeline on Kubeflow with Docker images.

SKILLS
Python, PyTorch, Kubernetes, Docker, MLflow, Prometheus, Grafana
"""

THIN_CV = """Sam Example
Data Scientist

EXPERIENCE
Data Scientist, Orbital Freight, 2021 - 2024
- Built a demand forecasting model with scikit-learn.
- Deployed the model as a Flask API in Docker on AWS.
"""

WEB_DEVELOPER_CV = """Robin Example
Full-stack web developer

EXPERIENCE
Senior Web Developer | Acme Shop | 2018 - Present
- Built the checkout front end in React and TypeScript.
- Deployed services to production on AWS with Docker and Kubernetes; on-call rotation.
- Cut page load time by 40% and handled 2 million users per month.

SKILLS
JavaScript, React, Node, PostgreSQL, Docker, Kubernetes, AWS
"""

CLAIMS_CV = """Kim Example
Data Scientist

EXPERIENCE
Data Scientist | Kestrel Bank | 2020 - Present
- Worked on machine learning models for credit risk and churn prediction models.
- Built classification models with XGBoost for the marketing team.
"""


@pytest.fixture
def cvs() -> dict[str, str]:
    return {
        "notebook": NOTEBOOK_CV,
        "production": PRODUCTION_CV,
        "thin": THIN_CV,
        "web": WEB_DEVELOPER_CV,
        "claims": CLAIMS_CV,
    }
