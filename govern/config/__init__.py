"""The user's configuration: `.govern.yaml` or `[tool.govern]` in `pyproject.toml`, the
`GOVERN_*` environment variables and the command-line options (docs/configuration.md).

```yaml
fail-on: medium
rules:
  paths: [policies]
  disable: [GOV-AWS-004]
  categories: {disable: [tagging]}
severity: {GOV-AWS-001: critical}
tags:
  required:
    aws: [owner, {key: env, values: [prod, dev]}, {key: cost-center, pattern: "^cc-[0-9]+$"}]
```
"""

from govern.config.load import CliSettings, load_config, resolve_config
from govern.config.model import FAIL_ON_CHOICES, SETTING_KEYS, Config
from govern.config.sources import ENV_VARS, YAML_NAMES

DEFAULT_CONFIG_NAMES = YAML_NAMES

__all__ = ["DEFAULT_CONFIG_NAMES", "ENV_VARS", "FAIL_ON_CHOICES", "SETTING_KEYS",
           "CliSettings", "Config", "load_config", "resolve_config"]
