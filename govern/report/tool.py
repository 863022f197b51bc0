"""Who wrote the report: the tool's name, version and home page."""

from __future__ import annotations

import govern
from govern.model.finding import ScanReport

TOOL_NAME = "govern"
INFORMATION_URI = "https://github.com/govern-dev/govern"


def tool_version(report: ScanReport) -> str:
    """The version recorded in the report, else the installed package's."""
    return report.tool_version or govern.__version__
