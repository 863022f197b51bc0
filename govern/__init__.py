"""govern: a policy-as-code compliance gate for infrastructure as code and live clouds."""

__version__ = "0.1.0"

from govern.dataclass_code import install as _install_dataclass_code

_install_dataclass_code()  # before any of govern's dataclasses is created
