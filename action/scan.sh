#!/usr/bin/env bash
# Step 2 of the govern GitHub Action: one `govern scan`.
#
# Writes SARIF (INPUT_SARIF_FILE), JSON and Markdown (under RUNNER_TEMP/govern-action) to
# files and GitHub annotations (or, with annotations off, the text report) to standard
# output, then the effective configuration (`govern config show --format json`, for the
# blocking count). Always exits 0 so that the summary and the SARIF upload run; govern's
# exit code goes to the `exit-code` output and the last step (finish.sh) fails the job.
#
# Inputs (environment, set by action.yml; never interpolated into the script):
#   INPUT_PATHS        paths to scan, separated by spaces or newlines (default: .)
#   INPUT_CONFIG       --config FILE (optional)
#   INPUT_FAIL_ON      --fail-on (optional; default: the configuration's, else low)
#   INPUT_SARIF_FILE   SARIF output path (default: govern.sarif)
#   INPUT_CATEGORY     --sarif-category (optional)
#   INPUT_ANNOTATIONS  true: --format github to standard output; else --format text
#   INPUT_VAR_FILES    --var-file each (spaces or newlines between)
#   INPUT_CHECK, INPUT_SKIP_CHECK  --check / --skip-check each (commas, spaces, newlines)
#   INPUT_SKIP_PATH    --skip-path each (spaces or newlines between)
#   INPUT_BASELINE, INPUT_WAIVERS, INPUT_DIFF_BASE  --baseline / --waivers / --diff-base
#   INPUT_OUTPUTS      --output FORMAT=FILE each (spaces or newlines between)
#   GOVERN_BIN         the govern executable (default: govern on PATH)
#   RUNNER_TEMP, GITHUB_OUTPUT
# Outputs (GITHUB_OUTPUT): exit-code, sarif-file, sarif-exists, json-file, markdown-file,
#   config-file
set -uo pipefail
# bash 3.2 (macOS runners): an empty array under `set -u` is written ${a[@]+"${a[@]}"}

is_true() { case "$1" in [Tt][Rr][Uu][Ee]) return 0 ;; *) return 1 ;; esac; }

out="${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
govern="${GOVERN_BIN:-govern}"
work="${RUNNER_TEMP:?RUNNER_TEMP is not set}/govern-action"
sarif="${INPUT_SARIF_FILE:-govern.sarif}"
json="$work/govern.json"
markdown="$work/govern.md"
config_json="$work/config.json"

case "$sarif" in
  *$'\n'* | *$'\r'*)
    echo "::error title=govern::sarif-file must be a single line"
    echo "exit-code=2" >> "$out"
    exit 0 ;;
esac

mkdir -p "$work"
rm -f "$json" "$markdown" "$config_json" "$sarif"
sarif_dir="$(dirname -- "$sarif")"
mkdir -p -- "$sarif_dir"

paths=()
read -r -d '' -a paths <<< "${INPUT_PATHS:-}" || true
if [[ ${#paths[@]} -eq 0 ]]; then paths=(.); fi

# each word of a list input given as `--option word`
each() {
  local option="$1" words=() word
  read -r -d '' -a words <<< "${2//,/ }" || true
  for word in ${words[@]+"${words[@]}"}; do options+=("$option" "$word"); done
}

options=()  # what `config show` takes too: the gate's blocking count uses them
if [[ -n "${INPUT_CONFIG:-}" ]]; then options+=(--config "$INPUT_CONFIG"); fi
if [[ -n "${INPUT_FAIL_ON:-}" ]]; then options+=(--fail-on "$INPUT_FAIL_ON"); fi
each --var-file "${INPUT_VAR_FILES:-}"
each --check "${INPUT_CHECK:-}"
each --skip-check "${INPUT_SKIP_CHECK:-}"
skip_paths=()
read -r -d '' -a skip_paths <<< "${INPUT_SKIP_PATH:-}" || true
for pattern in ${skip_paths[@]+"${skip_paths[@]}"}; do options+=(--skip-path "$pattern"); done
scan_options=(${options[@]+"${options[@]}"})
if [[ -n "${INPUT_CATEGORY:-}" ]]; then scan_options+=(--sarif-category "$INPUT_CATEGORY"); fi
if [[ -n "${INPUT_BASELINE:-}" ]]; then scan_options+=(--baseline "$INPUT_BASELINE"); fi
if [[ -n "${INPUT_WAIVERS:-}" ]]; then scan_options+=(--waivers "$INPUT_WAIVERS"); fi
extra=()
read -r -d '' -a extra <<< "${INPUT_OUTPUTS:-}" || true
for target in ${extra[@]+"${extra[@]}"}; do
  file="${target#*=}"
  mkdir -p -- "$(dirname -- "$file")"
  scan_options+=(--output "$target")
done
if [[ -n "${INPUT_DIFF_BASE:-}" ]]; then
  if ! git rev-parse --verify --quiet "${INPUT_DIFF_BASE}^{commit}" > /dev/null 2>&1 \
      && [[ "$(git rev-parse --is-shallow-repository 2>/dev/null)" == "true" ]]; then
    # the ref itself is not echoed: it could carry workflow commands
    echo "::error title=govern::diff-base is not in this clone, which is shallow: give actions/checkout fetch-depth: 0 (or fetch the base branch before this step)"
    echo "exit-code=2" >> "$out"
    exit 0
  fi
  scan_options+=(--diff-base "$INPUT_DIFF_BASE")
fi

if is_true "${INPUT_ANNOTATIONS:-true}"; then stdout_format=github; else stdout_format=text; fi

"$govern" scan --format "$stdout_format" --no-color \
  --output "sarif=$sarif" --output "json=$json" --output "markdown=$markdown" \
  ${scan_options[@]+"${scan_options[@]}"} -- "${paths[@]}"
code=$?

"$govern" config show --format json ${options[@]+"${options[@]}"} -- "${paths[@]}" > "$config_json" 2>/dev/null \
  || rm -f "$config_json"

{
  echo "exit-code=$code"
  echo "sarif-file=$sarif"
  if [[ -s "$sarif" ]]; then echo "sarif-exists=true"; else echo "sarif-exists=false"; fi
  if [[ -s "$json" ]]; then echo "json-file=$json"; fi
  if [[ -s "$markdown" ]]; then echo "markdown-file=$markdown"; fi
  if [[ -s "$config_json" ]]; then echo "config-file=$config_json"; fi
} >> "$out"
echo "govern exited $code"
exit 0
