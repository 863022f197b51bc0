#!/usr/bin/env bash
# Step 1 of the govern GitHub Action: install govern into its own virtual environment.
#
# Inputs (environment, set by action.yml; never interpolated into the script):
#   INPUT_GOVERN_VERSION  empty: install from the action's own checkout (GITHUB_ACTION_PATH);
#                         else a version such as 0.1.0 (or v0.1.0): `govern-iac==0.1.0` from PyPI
#   GITHUB_ACTION_PATH    the action's checkout
#   RUNNER_TEMP           where the virtual environment goes
#   GOVERN_PYTHON         the interpreter that creates it: setup-python's, which the action
#                         keeps out of the job's PATH (default: python)
# Outputs (GITHUB_OUTPUT): govern=<path of the govern executable>, python=<the venv's python>
# Exit 2 for an invalid govern-version, without running pip.
set -euo pipefail

version="${INPUT_GOVERN_VERSION:-}"
version="${version#v}"
if [[ -n "$version" ]] && ! [[ "$version" =~ ^[0-9]+(\.[0-9]+)*((a|b|rc)[0-9]+)?(\.post[0-9]+)?(\.dev[0-9]+)?$ ]]; then
  # the value itself is not echoed: it could carry workflow commands
  echo "::error title=govern::govern-version must be empty or a version such as 0.1.0"
  exit 2
fi
if [[ -n "$version" ]]; then
  spec="govern-iac==$version"
else
  spec="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}"
fi

venv="${RUNNER_TEMP:?RUNNER_TEMP is not set}/govern-action-venv"
"${GOVERN_PYTHON:-python}" -m venv "$venv"
if [[ -d "$venv/bin" ]]; then bindir="$venv/bin"; else bindir="$venv/Scripts"; fi  # Windows
"$bindir/python" -m pip install --quiet --disable-pip-version-check "$spec"
"$bindir/govern" --version
{
  echo "govern=$bindir/govern"
  echo "python=$bindir/python"
} >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
