"""The demo workspace: a fictional outcome brief and 30 fictional CVs.

Every person, employer and university in the demo content is invented. The CVs cover the whole
range hireloop screens for, from production-proven machine-learning engineers to notebook-only
work and candidates from outside machine learning.
"""

from hireloop.demo.render import demo_brief_yaml, demo_cv_texts, demo_files

__all__ = ["demo_brief_yaml", "demo_cv_texts", "demo_files"]
