"""The phrases that signal each kind of claim, read on normalised (lower-cased) text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hireloop.screening.models import EvidenceKind

SERVING_HINT = 0.8
# Numbers are read possessively (`*+`, `++`): what may follow one never starts with a digit,
# comma or dot (nor, after the first spaces, with a space that a later `\s*` could not take),
# so giving characters back could not make a match; the matches are the same, found without
# backtracking through every digit.
_NUMBER = r"\d[\d,.]*+\s*+(?:\+|k|m|mm|b|bn|million|billion|thousand)?\+?"


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled phrase; `strength` below 1 marks a vague signal ("large-scale")."""

    kind: EvidenceKind
    regex: re.Pattern[str]
    strength: float


def _p(kind: EvidenceKind, pattern: str, strength: float = 1.0) -> Pattern:
    return Pattern(kind, re.compile(pattern), strength)


PATTERNS: tuple[Pattern, ...] = (
    _p(
        "deployment",
        r"\b(?:deploy(?:ed|ing|s)?|productioni[sz](?:ed|ing)|operationali[sz](?:ed|ing)|"
        r"shipped|launched|rolled out|put into production|served (?:to|on|in|via|behind|at)|"
        r"(?:in|into|to) production|production[- ](?:grade|ready|systems?|models?|traffic|"
        r"environment|pipelines?|services?|deployments?|use|inference)|live traffic|"
        r"real[- ]time (?:inference|predictions?|scoring|serving)|online (?:inference|serving)|"
        r"(?:inference|prediction|scoring|model) (?:service|api|endpoint|server)s?|"
        r"now powers|powers? (?:the|our)|on[- ]call|"
        r"(?:predictions?|inference|serving) (?:infrastructure|platform|stack)s?|"
        r"(?:reduc|cut|lower|improv)\w* (?:the )?(?:\w+ ){0,3}latency)\b",
    ),
    # Serving words that show deployment only when the same line speaks of a model.
    _p(
        "deployment",
        r"\b(?:micro-?services?|rest(?:ful)? apis?|endpoints?|web services?|web apps?|"
        r"(?:flask|fastapi|django) (?:apps?|apis?|applications?|services?))\b",
        SERVING_HINT,
    ),
    _p("deployment", r"\b(?:deployment|serving|in use by|used daily by|used by)\b", 0.5),
    _p(
        "scale",
        rf"\b{_NUMBER}\s*(?:qps|rps|tps|requests?|queries|calls|predictions|inferences|events|"
        r"transactions|messages|users|customers|merchants|subscribers|mau|dau|"
        r"monthly active|daily active|visits|visitors|sessions|documents|docs|records|rows|"
        r"images|videos|tokens|tb|pb|terabytes|petabytes|gpus?|nodes|servers|pods|"
        r"data scientists|engineers|teams|models|app spaces|daily runs|runs)\b",
    ),
    _p(
        "scale",
        r"\b(?:requests|queries|predictions) per (?:second|day|minute)\b|"
        r"\b(?:tens|hundreds) of (?:millions|thousands|billions)\b|"
        r"\b(?:millions|billions) of (?:users|requests|queries|predictions|visits|events|"
        r"records|documents|transactions)\b",
    ),
    _p("scale", r"\b(?:large[- ]scale|at scale|high[- ]traffic|highly scalable|scalable)\b", 0.4),
    _p(
        "latency",
        r"\bp(?:50|90|95|99|999)\b|\b\d++(?:\.\d++)?\s*(?:ms|milliseconds?|\u00b5s|microseconds?)\b|"
        r"\bsub[- ](?:second|millisecond)\b|\blatency (?:of|under|below) \d",
    ),
    _p("latency", r"\b(?:latency|latencies|low[- ]latency|throughput|response times?)\b", 0.5),
    _p(
        "reliability",
        r"\b(?:sla|slas|slo|slos|uptime|incidents?|post[- ]?mortems?|roll ?backs?|"
        r"rolled back|canary|blue[- ]green|shadow (?:mode|deployments?|traffic)|"
        r"traffic ramps?|ramp(?:ed|ing)? (?:up )?(?:to|from) \d+ ?%|a/b tests?|a/b testing|"
        r"ab tests?|online (?:a/b )?(?:tests?|experiments?)|outages?|fail-?overs?|"
        r"99\.\d+ ?%|on[- ]call|fault[- ]toleran\w*)\b",
    ),
    _p(
        "monitoring",
        r"\b(?:data drift|concept drift|model drift|drift detection|drift|prometheus|grafana|"
        r"evidently|arize|weights (?:&|and) biases|wandb|w&b|datadog|data dog|new relic|"
        r"whylabs|opentelemetry|model monitoring|monitoring|observability|alerting)\b",
    ),
    _p(
        "pipeline",
        r"\b(?:ci/cd|ci-cd|cicd|continuous (?:integration|delivery|deployment|training)|"
        r"model registry|feature stores?|github actions|"
        r"gitlab ci|jenkins|argo|sagemaker pipelines|vertex pipelines|kubeflow|"
        r"automated retraining|retraining)\b",
    ),
    _p(
        "pipeline",
        r"\b(?:airflow|mlflow|dvc|tfx|mlops|data versioning|experiment tracking)\b",
        0.7,
    ),
    _p("pipeline", r"\bpipelines?\b", 0.4),
    _p(
        "impact",
        r"(?<![\w.])\d++(?:\.\d++)?(?:\s*~\s*\d+)?\s?%|[$\u20ac\u00a3]\s?\d[\d,.]*\s*"
        r"(?:k|m|mm|million|billion)?|\b\d++(?:\.\d++)?x (?:faster|speed|cheaper|reduction|"
        r"improvement)|\b\d+\s*(?:hours|hrs|days)\s+(?:per|a|each|every)\s+(?:week|month|day)",
    ),
    _p(
        "notebook",
        r"\b(?:jupyter|notebooks?|colab|kaggle|coursework|course project|capstone|thesis|"
        r"dissertation|tutorials?|bootcamp|homework|assignments?|mooc|coursera|udemy|udacity|"
        r"edx|test[- ]set accuracy|accuracy of \d+|\d++(?:\.\d++)? ?% accuracy|"
        r"competitions?|hackathons?|proof of concept|poc)\b",
    ),
    _p(
        "notebook",
        r"\b(?:research (?:assistant|intern|internship|scientist intern)|ph\.? ?d|phd|"
        r"postdoc\w*|doctoral|student|intern|internship|academic|university|laboratory|lab|"
        r"papers?|arxiv|neurips|icml|iclr|cvpr|acl|emnlp|aaai|conference|workshop|"
        r"published|publications?)\b",
        0.5,
    ),
    _p(
        "ml_work",
        r"\b(?:neural (?:nets?|networks?)|classifiers?|classification models?|"
        r"(?:image|text|document|intent) classification|regression models?|forecasting models?|"
        r"(?:demand|sales|time[- ]series) forecast\w*|recommend(?:er|ation) (?:systems?|"
        r"engines?|models?)|recommender|ranking models?|learning[- ]to[- ]rank|"
        r"nlp|natural language processing|object detection|image (?:segmentation|recognition)|"
        r"llms?|large language models?|gpt|transformer models?|bert|embeddings?|rag|"
        r"retrieval[- ]augmented|fine[- ]tun\w+|reinforcement learning|deep rl|"
        r"predictive models?|prediction models?|propensity models?|churn (?:prediction|models?)|"
        r"anomaly detection|fraud detection (?:models?|systems?)|speech recognition|asr|ocr|"
        r"xgboost|lightgbm|pytorch|tensorflow|keras|scikit-learn|sklearn|lstm|cnns?|rnns?|"
        r"clustering models?|time series models?|ml models?|ml pipelines?|ml systems?|"
        r"ml platform|mlops|models? training|trained (?:a |the )?models?|model training|"
        r"(?:train|training) (?:a |the )?models?|deep learning models?|bandits?|"
        r"collaborative filtering|factori[sz]ation machines?|gradient boosting|random forests?|"
        r"svm|logistic regression|ai models?|voicebot|chatbot|arima|prophet|sarimax|"
        r"topic model\w*|named entity recognition|ner|sentiment analysis|segmentation models?|"
        r"diffusion models?|generative models?|language models?|ml engineer\w*|"
        r"machine learning (?:models?|engineer\w*|pipelines?|systems?|platform))\b",
    ),
    # Field names alone: an ML profile in words, not yet a description of ML work.
    _p(
        "ml_work",
        r"\b(?:machine learning|deep learning|data scien\w+|artificial intelligence|"
        r"computer vision|generative ai|genai|ai/ml|ml/ai|predictive analytics)\b",
        0.5,
    ),
)

# Titles that mark a machine-learning role, and titles that mark academic or trainee work.
ML_VENUE = re.compile(
    r"\b(?:neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai|kdd)\b"
)
ML_TITLE = re.compile(
    r"\b(?:machine learning|ml|ai|a\.i\.|data scien\w+|deep learning|nlp|computer vision|"
    r"research scientist|applied scientist|mlops|llm|genai|ai/ml|ml/ai|mle|"
    r"ai engineer|ai researcher|ml researcher|speech scientist|ranking|recommendation)\b"
)
ACADEMIC_TITLE = re.compile(
    r"\b(?:intern|internship|ph\.? ?d|phd|student|research assistant|teaching assistant|"
    r"postdoc\w*|graduate researcher|visiting researcher|doctoral|lecturer|professor|"
    r"university|universit\w+|institute|college|laboratory|lab)\b"
)
