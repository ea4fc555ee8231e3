#!/usr/bin/env bash
# The steps of the model-audit GitHub Action (action.yml) and Azure Pipelines template (ci/azure-pipelines.yml):
#   install: the tool into $RUNNER_TEMP/model-audit (INPUT_VERSION, INPUT_TOOL_SOURCE)
#   audit:   the Markdown report into the job summary, one annotation per finding, SARIF on request; exits as
#            model-audit does (1 when --fail-on matched), after writing everything.
set -uo pipefail
tools="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/model-audit"

case "${1:-}" in
  install)
    args=(tool install ModelAnalyzers.Cli --tool-path "$tools")
    [ -n "${INPUT_VERSION:-}" ] && args+=(--version "$INPUT_VERSION")
    [ -n "${INPUT_TOOL_SOURCE:-}" ] && args+=(--add-source "$INPUT_TOOL_SOURCE")
    if [ -x "$tools/model-audit" ]; then
      echo "model-audit is already installed in $tools"
    else
      dotnet "${args[@]}" || exit $?
    fi
    ;;
  audit)
    args=("${INPUT_PATH:-.}")
    [ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
    [ -n "${INPUT_CHANGED_SINCE:-}" ] && args+=(--changed-since "$INPUT_CHANGED_SINCE")
    [ -n "${INPUT_AS_OF:-}" ] && args+=(--as-of "$INPUT_AS_OF")
    while IFS= read -r usage; do
      [ -n "$usage" ] && args+=(--usage "$usage")
    done <<< "${INPUT_USAGE:-}"
    summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
    report="$(dirname "$tools")/model-audit-report.md"

    # The report first (it restores); the later runs reuse the restore.
    "$tools/model-audit" "${args[@]}" --format markdown --output "$report"
    status=$?
    [ -f "$report" ] && cat "$report" >> "$summary"
    if [ "$status" -ge 2 ]; then
      echo "model-audit could not complete (exit $status)" >&2
      exit "$status"
    fi

    gate=()
    [ -n "${INPUT_FAIL_ON:-}" ] && gate=(--fail-on "$INPUT_FAIL_ON")
    # Annotations as the CI system reads them: GitHub workflow commands, or Azure Pipelines logging commands.
    "$tools/model-audit" "${args[@]}" --no-restore --format "${ANNOTATIONS:-github}" "${gate[@]}"
    status=$?
    if [ -n "${INPUT_SARIF:-}" ]; then
      "$tools/model-audit" "${args[@]}" --no-restore --format sarif --output "$INPUT_SARIF" || true
    fi

    [ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=$status" >> "$GITHUB_OUTPUT"
    exit "$status"
    ;;
  *)
    echo "usage: model-audit-action.sh install|audit" >&2
    exit 2
    ;;
esac
