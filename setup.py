"""Package layout that pyproject.toml cannot say: top-level `rules/` ships as
`govern.builtin_rules`, so an installed govern has its rules without a source checkout."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["govern", "govern.*"]), "govern.builtin_rules"],
    package_dir={"govern.builtin_rules": "rules"},
    package_data={
        "govern": ["py.typed"],
        "govern.engine": ["*.json", "data/*.json.gz", "data/*.LICENSE"],
        "govern.adapters": ["data/*.pack", "data/*.LICENSE"],
        "govern.config": ["*.json"],
        "govern.compliance": ["frameworks/*.yaml"],
        "govern.builtin_rules": ["*.yaml", "**/*.yaml"],
    },
    include_package_data=False,
)
