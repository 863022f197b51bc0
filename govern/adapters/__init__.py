"""Adapters: native resources of one format -> canonical resources, edges and notices.

`govern/adapters/<format>/` holds one package per format, whose tables feed the one adapter
pipeline (`pipeline.py`); the other modules at this level are format-independent helpers
that several formats share (IAM policy documents, AWS managed policies, network protocol
names, Azure scopes).
"""

from govern.adapters.result import AdaptResult

__all__ = ["AdaptResult"]
