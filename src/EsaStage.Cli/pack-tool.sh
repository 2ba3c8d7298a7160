#!/usr/bin/env bash
# Packs the esa-stage tool as a release publishes it, into one folder that `dotnet tool install --source` takes:
#
#   EsaStage.Tool              the package users name; it points each platform at one of the two below
#   EsaStage.Tool.linux-x64    a Native AOT executable (only where this machine is linux-x64: Native AOT
#                              compiles on the platform it targets)
#   EsaStage.Tool.any          the framework-dependent build, for every other platform
#
#   bash src/EsaStage.Cli/pack-tool.sh <output folder> [dotnet pack arguments...]
#
# The extra arguments go to every `dotnet pack`, e.g. -c Release, -p:Version=1.2.3 or --artifacts-path <folder>.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: pack-tool.sh <output folder> [dotnet pack arguments...]}"
shift

host_is_linux_x64() {
  [ "$(uname -s)" = "Linux" ] && [ "$(uname -m)" = "x86_64" ] && getconf GNU_LIBC_VERSION >/dev/null 2>&1
}

dotnet pack "$here" -o "$out" -nologo "$@"
dotnet pack "$here" -r any -o "$out" -nologo "$@"
if host_is_linux_x64; then
  dotnet pack "$here" -r linux-x64 -o "$out" -nologo "$@"
else
  echo "pack-tool: this machine is not linux-x64 (glibc); EsaStage.Tool.linux-x64 was not packed, so installs" \
    "from '$out' get the framework-dependent EsaStage.Tool.any." >&2
fi
