"""govern: a policy-as-code compliance gate for infrastructure as code and live clouds."""

__version__ = "0.1.0"
