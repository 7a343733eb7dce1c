"""The shortlist of a brief: who is put forward, the evidence for each, and the terms gate."""
