#!/usr/bin/env bash
# Last step of the govern GitHub Action, after the SARIF upload: fail the job with govern's
# exit code.
#
#   GOVERN_EXIT_CODE  the scan step's `exit-code` output (empty: govern did not run)
#   INPUT_SOFT_FAIL   true: blocking findings (exit 1) do not fail the job; a usage or
#                     configuration error (2) or a scan error (3) still does: a scan error
#                     is never masked by a soft-fail option
set -uo pipefail

is_true() { case "$1" in [Tt][Rr][Uu][Ee]) return 0 ;; *) return 1 ;; esac; }

code="${GOVERN_EXIT_CODE:-}"
if ! [[ "$code" =~ ^[0-9]+$ ]]; then
  echo "::error title=govern::govern did not run (see the install and scan steps)"
  exit 1
fi
case "$code" in
  0) echo "govern: no blocking findings"; exit 0 ;;
  1)
    if is_true "${INPUT_SOFT_FAIL:-false}"; then
      echo "govern: blocking findings; soft-fail is on, so the job does not fail"
      exit 0
    fi
    echo "govern: blocking findings (exit 1)"
    exit 1 ;;
  2) echo "::error title=govern::usage or configuration error (exit 2); see the scan step"; exit 2 ;;
  3) echo "::error title=govern::scan error (exit 3): a file could not be parsed or read, or a rule is invalid; see the scan step"; exit 3 ;;
  *) echo "::error title=govern::govern exited $code"; exit "$code" ;;
esac
