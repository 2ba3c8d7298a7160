#!/usr/bin/env bash
# Builds the Azure DevOps extension (.vsix): the EsaStageRoutine task with its Node modules and the esa-stage tool
# packages it installs from (see src/EsaStage.Cli/pack-tool.sh), and the Alibaba Cloud ESA service connection type.
#
#   bash src/EsaStage.AzurePipelines/pack-extension.sh [output folder]     (default: artifacts/vsix)
#
# Every package comes from its registry exactly as the committed lock files say (npm ci); nothing in the source
# tree changes. Extra arguments after the folder go to `tfx extension create`, e.g. --publisher my-publisher.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/artifacts/vsix}"
shift || true
mkdir -p "$out"
out="$(cd "$out" && pwd)"

layout="$(mktemp -d)"
trap 'rm -rf "$layout"' EXIT

echo "Laying out the extension in $layout"
mkdir -p "$layout/EsaStageRoutine/tool"
cp "$here/vss-extension.json" "$here/overview.md" "$layout/"
cp -R "$here/images" "$layout/"
cp "$here"/EsaStageRoutine/*.js "$here"/EsaStageRoutine/{task.json,package.json,package-lock.json} \
  "$layout/EsaStageRoutine/"

echo "Installing the task's modules"
(cd "$layout/EsaStageRoutine" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund)

echo "Packing the esa-stage tool packages the task carries"
bash "$root/src/EsaStage.Cli/pack-tool.sh" "$layout/EsaStageRoutine/tool" -c Release \
  -p:NuspecOutputPath="$layout/nuspec/"
rm -rf "$layout/nuspec"

echo "Installing tfx-cli"
(cd "$here" && npm ci --no-audit --no-fund)

"$here/node_modules/.bin/tfx" extension create --root "$layout" --manifest-globs vss-extension.json \
  --output-path "$out" --no-prompt --no-color "$@"

# The package must hold what the agent runs: the handler, its modules and the tool package.
vsix="$(ls -t "$out"/*.vsix | head -n 1)"
contents="$(unzip -Z1 "$vsix")"
for entry in extension.vsixmanifest EsaStageRoutine/task.json EsaStageRoutine/index.js \
  EsaStageRoutine/node_modules/azure-pipelines-task-lib/task.js \
  EsaStageRoutine/node_modules/azure-pipelines-tool-lib/tool.js images/icon.png; do
  grep -qx "$entry" <<<"$contents" || { echo "error: $vsix lacks $entry" >&2; exit 1; }
done
for package in 'EsaStage\.Tool\.[0-9]' 'EsaStage\.Tool\.any\.'; do
  grep -qE "^EsaStageRoutine/tool/$package[^/]*\.nupkg$" <<<"$contents" \
    || { echo "error: $vsix lacks the esa-stage tool package matching $package" >&2; exit 1; }
done

echo "Built $vsix ($(du -h "$vsix" | cut -f1))"
