#!/usr/bin/env bash
# The staging benchmark. On loopback against the emulator (its own process), in one run and side by side:
#   A  esa-stage stage, as a whole process, for code files of 1 KB, 1 MB, 10 MB and 100 MB;
#   B  the same staging with Alibaba Cloud's official Node.js SDK and form-data, installed from npm here;
#   C  the floor: a .NET process that does nothing (and one that makes a single HTTP GET), and the bare upload
#      of the same bytes with curl;
#   D  dotnet build -t:StageRoutine on the sample against a plain dotnet build (fresh stage and reuse path).
# Medians come from hyperfine, peak memory from /usr/bin/time -v. The results page is written to
# docs/benchmarks.md.
#
# Usage: bash benchmarks/run.sh [--before GIT-REF] [--runs N] [--quick] [--output FILE]
#   --before REF   also measure esa-stage as built from REF, side by side, for the page's "before" column
#   --runs N       timed runs per command for files up to 10 MB (default 10; 100 MB gets half, at least 3)
#   --quick        3 runs, 1 KB and 1 MB only, page written to the scratch folder: for checking the harness
#   --output FILE  where to write the page
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
invocation="bash benchmarks/run.sh${*:+ $*}"
work=${ESASTAGE_BENCH_DIR:-$root/artifacts/benchmark}
runs=10
sizes=(1K 1M 10M 100M)
output=
quick=false
before_ref=

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --quick) quick=true; shift ;;
    --output) output=$2; shift 2 ;;
    --before) before_ref=$2; shift 2 ;;
    *) echo "benchmark: unknown option '$1' (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

if $quick; then
  runs=3
  sizes=(1K 1M)
  output=${output:-$work/benchmarks.md}
fi
output=${output:-$root/docs/benchmarks.md}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The tool under test must not take the CI code paths of the machine that runs the benchmark.
unset GITHUB_ACTIONS TF_BUILD CI

log() { printf '\n== %s\n' "$*" >&2; }
q() { printf "'%s'" "$1"; }

# --- Tools -----------------------------------------------------------------------------------------------------

install_debian_package() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "benchmark: '$1' is missing; install the Debian package '$2' (apt-get install -y $2)." >&2
    exit 1
  fi
  apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
}

command -v hyperfine >/dev/null || install_debian_package hyperfine hyperfine
[ -x /usr/bin/time ] || install_debian_package /usr/bin/time time
for tool in dotnet node npm curl; do
  command -v "$tool" >/dev/null || { echo "benchmark: '$tool' is required." >&2; exit 1; }
done

rm -rf "$work/results" "$work/code"
mkdir -p "$work/results" "$work/code"
results=$work/results

# --- Builds: the tool as it is packed (Release publish output), the empty app, the Node peer -----------------

# A is what `dotnet tool install EsaStage.Tool` puts on a linux-x64 machine: the Native AOT executable of the
# EsaStage.Tool.linux-x64 package. A-any is the framework-dependent build of EsaStage.Tool.any, which every other
# platform gets. The floor C is the empty app as the JIT runs it, and as Native AOT compiles it.
log "Building esa-stage (Release: Native AOT for linux-x64, and framework-dependent) and the empty .NET app"
dotnet publish "$root/src/EsaStage.Cli" -c Release -r linux-x64 -o "$work/tool" -nologo -v quiet >&2
# The same IL as EsaStage.Tool.any, started through an apphost as the installed tool's shim starts it.
dotnet publish "$root/src/EsaStage.Cli" -c Release -p:PublishAot=false -o "$work/tool-any" -nologo -v quiet >&2
dotnet build "$root/benchmarks/empty-app" -c Release -o "$work/empty-app" -nologo -v quiet >&2
dotnet publish "$root/benchmarks/empty-app" -c Release -r linux-x64 -p:PublishAot=true -o "$work/empty-app-aot" \
  -nologo -v quiet >&2
tool=$work/tool/esa-stage
tool_any=$work/tool-any/esa-stage
empty=$work/empty-app/EmptyApp
empty_aot=$work/empty-app-aot/EmptyApp

if [ -n "$before_ref" ]; then
  log "Building esa-stage (Release) as of $before_ref"
  rm -rf "$work/before-src" "$work/tool-before"
  mkdir -p "$work/before-src"
  git -C "$root" archive "$before_ref" | tar -x -C "$work/before-src"
  # Built the way that commit's package ships it for this machine.
  before_rid=()
  if grep -q '<ToolPackageRuntimeIdentifiers>.*linux-x64' "$work/before-src/src/EsaStage.Cli/EsaStage.Cli.csproj"; then
    before_rid=(-r linux-x64)
  fi
  dotnet publish "$work/before-src/src/EsaStage.Cli" -c Release "${before_rid[@]}" -o "$work/tool-before" \
    -p:GenerateDocumentationFile=false -nologo -v quiet >&2
  before_commit=$(git -C "$root" rev-parse --short "$before_ref")
fi

log "Installing the Node.js peer from npm"
rm -rf "$work/node-sdk"
mkdir -p "$work/node-sdk"
cp "$root"/benchmarks/node-sdk/*.js "$root"/benchmarks/node-sdk/package*.json "$work/node-sdk/"
(cd "$work/node-sdk" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# --- Code files ------------------------------------------------------------------------------------------------

declare -A bytes=([1K]=1024 [1M]=1048576 [10M]=10485760 [100M]=104857600)
for size in "${sizes[@]}"; do
  # Printable text, as a bundle is; random so that nothing on the way can shortcut it.
  head -c $(( bytes[$size] * 3 / 4 )) /dev/urandom | base64 -w 120 > "$work/code/code-$size.js"
  truncate -s "${bytes[$size]}" "$work/code/code-$size.js"
done

# --- The emulator, in a process of its own ---------------------------------------------------------------------

export ALIBABA_CLOUD_ACCESS_KEY_ID="LTAI$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
export ALIBABA_CLOUD_ACCESS_KEY_SECRET="$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 30)"

log "Starting the emulator"
"$tool" emulator --routine bench --routine hello-routine --max-code-versions 1000000 \
  --access-key-id "$ALIBABA_CLOUD_ACCESS_KEY_ID" --access-key-secret "$ALIBABA_CLOUD_ACCESS_KEY_SECRET" \
  > "$work/emulator.out" 2> "$work/emulator.log" &
emulator_pid=$!
stop_emulator() { kill -TERM "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null || true; }
trap stop_emulator EXIT

for _ in $(seq 1 300); do
  grep -q 'Press Ctrl+C' "$work/emulator.out" 2>/dev/null && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
  sleep 0.1
done
endpoint=$(sed -n 's#.*ESA endpoint: *http://\([^/]*\)/.*#\1#p' "$work/emulator.out")
[ -n "$endpoint" ] || { echo "benchmark: the emulator did not print its endpoint." >&2; exit 1; }

# Every request path of the emulator is taken, and the code files are read into the page cache, before anything
# is timed.
log "Warming up the emulator"
for _ in $(seq 1 5); do
  "$tool" stage --endpoint "$endpoint" --name bench --code "$work/code/code-1K.js" --verbosity Quiet >/dev/null
done

load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- A, B, C per size ------------------------------------------------------------------------------------------

stage_a() { echo "$(q "${2:-$tool}") stage --endpoint $endpoint --name bench --code $(q "$1") --verbosity Quiet"; }
stage_b() { echo "node $(q "$work/node-sdk/stage.js") $endpoint bench $(q "$1")"; }
upload_c() {
  echo "curl -sS --fail -o /dev/null -H Expect: -K $(q "$work/curl.cfg")" \
    "-F $(q "file=@$1;filename=index.js;type=application/javascript")"
}
fresh_form="node $(q "$work/node-sdk/curl-form.js") $endpoint bench $(q "$work/curl.cfg")"

for size in "${sizes[@]}"; do
  file=$work/code/code-$size.js
  size_runs=$runs
  warmup=2
  if [ "$size" = 100M ]; then
    size_runs=$(( runs / 2 > 3 ? runs / 2 : 3 ))
    warmup=1
  fi

  log "A, B, C with $size"
  commands=()
  if [ "$size" = 1K ]; then
    commands+=(--prepare true -n "C: .NET start-up" "$(q "$empty")"
      --prepare true -n "C: .NET start-up + one HTTP GET" "$(q "$empty") http://$endpoint/_emulator/routines/none"
      --prepare true -n "C: .NET start-up, Native AOT" "$(q "$empty_aot")"
      --prepare true -n "C: .NET start-up + one HTTP GET, Native AOT"
      "$(q "$empty_aot") http://$endpoint/_emulator/routines/none")
  fi
  commands+=(--prepare true -n "A: esa-stage" "$(stage_a "$file")"
    --prepare true -n "A-any: esa-stage, framework-dependent" "$(stage_a "$file" "$tool_any")")
  if [ -n "$before_ref" ]; then
    commands+=(--prepare true -n "A-before: esa-stage at $before_commit"
      "$(stage_a "$file" "$work/tool-before/esa-stage")")
  fi
  commands+=(
    --prepare true -n "B: Node SDK + form-data" "$(stage_b "$file")"
    --prepare "$fresh_form" -n "C: curl upload" "$(upload_c "$file")"
  )
  hyperfine -N --style basic --warmup "$warmup" --runs "$size_runs" \
    --export-json "$results/size-$size.json" "${commands[@]}" >&2

  # Peak memory: the median of three runs of each, read from /usr/bin/time -v.
  for run in 1 2 3; do
    for who in A A-any ${before_ref:+A-before} B; do
      case "$who" in
        A) command=("$tool" stage --endpoint "$endpoint" --name bench --code "$file" --verbosity Quiet) ;;
        A-any) command=("$tool_any" stage --endpoint "$endpoint" --name bench --code "$file" --verbosity Quiet) ;;
        A-before) command=("$work/tool-before/esa-stage" stage --endpoint "$endpoint" --name bench --code "$file"
          --verbosity Quiet) ;;
        B) command=(node "$work/node-sdk/stage.js" "$endpoint" bench "$file") ;;
      esac
      /usr/bin/time -v -o "$work/time.txt" "${command[@]}" >/dev/null
      kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$work/time.txt")
      printf '%s\t%s\t%s\n' "$size" "$who" "$kb" >> "$results/peak-rss.tsv"
    done
  done
done

# --- D: the MSBuild target -------------------------------------------------------------------------------------

if [ -f "$root/benchmarks/msbuild.sh" ] && [ -d "$root/src/EsaStage.Tasks" ]; then
  # shellcheck source=/dev/null
  source "$root/benchmarks/msbuild.sh"
fi

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
stop_emulator
trap - EXIT

# --- The page --------------------------------------------------------------------------------------------------

BENCH_LOAD_START=$load_start BENCH_LOAD_END=$load_end BENCH_RUNS=$runs BENCH_QUICK=$quick BENCH_INVOCATION=$invocation \
  BENCH_BEFORE=${before_ref:+$before_ref ($before_commit)} node "$root/benchmarks/report.js" "$results" "$output"
log "Wrote $output"
