# D, sourced by run.sh: `dotnet build -t:StageRoutine` of the sample against a plain `dotnet build` of it, for a
# fresh stage (EsaForceStage=true) and for the reuse path (nothing changed since the last stage).
#
# The task runs inside the build (EsaStageTaskHost=false), as it does for a project that references the package;
# the sample itself runs it in a task host only so that rebuilding the task never meets a stale copy. No build
# servers are left behind (-nodeReuse:false), and every build is incremental: the sample and the task are built
# once first.

sample=$root/samples/hello-routine
build="dotnet build $(q "$sample") -c Release --no-restore -nologo -v quiet -nodeReuse:false"
build="$build -p:EsaEndpoint=$endpoint -p:EsaStageTaskHost=false"

log "D: building the sample once"
dotnet build "$sample" -c Release -nologo -v quiet -nodeReuse:false >&2

d_runs=$(( runs < 10 ? runs : 10 ))
hyperfine -N --style basic --warmup 1 --runs "$d_runs" --export-json "$results/msbuild.json" \
  -n "plain build" "$build" \
  -n "build + StageRoutine, fresh stage" "$build -t:StageRoutine -p:EsaForceStage=true" \
  -n "build + StageRoutine, nothing changed" "$build -t:StageRoutine" >&2

# The time inside those builds that the staging target itself takes, from MSBuild's performance summary: the
# difference of two build times above is only as exact as the builds are steady.
for kind in fresh reuse; do
  force=false
  [ "$kind" = fresh ] && force=true
  for _ in $(seq 1 "$d_runs"); do
    eval "$build -t:StageRoutine -p:EsaForceStage=$force -v:normal -clp:PerformanceSummary" 2>&1 |
      sed -n "s/^ *\([0-9][0-9]*\) ms  _EsaStageRoutine .*/$kind\t\1/p" >> "$results/msbuild-target.tsv"
  done
done

# The reuse path must really have reused: the last build above staged nothing.
reused=$(eval "$build -t:StageRoutine -getProperty:EsaStageReused" 2>/dev/null | tr -d '[:space:]')
if [ "$reused" != True ]; then
  echo "benchmark: the sample's StageRoutine did not reuse its last staging (EsaStageReused='$reused')." >&2
  exit 1
fi
