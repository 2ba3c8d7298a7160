'use strict';
// Turns one benchmark run (hyperfine JSON, peak memory, machine facts) into summary.json and the results page.
// Usage: node report.js <results folder> <page to write>
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execSync } = require('node:child_process');

const [resultsDir, pagePath] = process.argv.slice(2);
const sizes = ['1K', '1M', '10M', '100M'];
const bytes = { '1K': 1024, '1M': 1048576, '10M': 10485760, '100M': 104857600 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
const repository = path.resolve(__dirname, '..');
const run = (command) => {
  try {
    return execSync(command, { cwd: repository, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const release = fs.readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m);
  const dirty = run('git status --porcelain -- src benchmarks build samples') !== '';
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit: run('git rev-parse --short HEAD') + (dirty ? ' (with uncommitted changes)' : ''),
    cpus: os.cpus().length,
    cpuModel: (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [null, 'unknown'])[1],
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: release ? release[1] : os.type(),
    kernel: os.release(),
    dotnetSdk: run('dotnet --version'),
    dotnetRuntime: run('dotnet --list-runtimes').split('\n')
      .filter((line) => line.startsWith('Microsoft.NETCore.App ')).map((line) => line.split(' ')[1]).pop(),
    node: process.version,
    npm: run('npm --version'),
    curl: run('curl --version').split(' ')[1],
    hyperfine: run('hyperfine --version').split(' ')[1],
    loadStart: process.env.BENCH_LOAD_START || 'unknown',
    loadEnd: process.env.BENCH_LOAD_END || 'unknown',
    before: process.env.BENCH_BEFORE || null,
    runs: Number(process.env.BENCH_RUNS || 0),
    quick: process.env.BENCH_QUICK === 'true',
  };
}

// Medians in seconds, by command name and size, from the hyperfine exports.
function timings() {
  const result = {};
  for (const size of sizes) {
    const data = readJson(path.join(resultsDir, `size-${size}.json`));
    for (const entry of data ? data.results : []) {
      const prefix = entry.command.split(':')[0].trim();
      const floor = (entry.command.includes('HTTP GET') ? 'httpFloor' : 'startup') +
        (entry.command.includes('Native AOT') ? 'Aot' : '');
      const who = prefix === 'C' ? (entry.command.includes('start-up') ? floor : 'curl') : prefix;
      result[who] = result[who] || {};
      result[who][size] = { median: entry.median, runs: entry.times.length };
    }
  }
  return result;
}

function peakMemory() {
  const file = path.join(resultsDir, 'peak-rss.tsv');
  const samples = {};
  for (const line of fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n') : []) {
    const [size, who, kb] = line.split('\t');
    samples[who] = samples[who] || {};
    (samples[who][size] = samples[who][size] || []).push(Number(kb) / 1024);
  }
  const result = {};
  for (const [who, bySize] of Object.entries(samples)) {
    result[who] = Object.fromEntries(Object.entries(bySize).map(([size, values]) => [size, median(values)]));
  }
  return result;
}

function msbuild() {
  const data = readJson(path.join(resultsDir, 'msbuild.json'));
  if (!data) {
    return null;
  }
  const byName = Object.fromEntries(data.results.map((entry) => [entry.command, entry.median]));
  const targetFile = path.join(resultsDir, 'msbuild-target.tsv');
  const target = { fresh: [], reuse: [] };
  for (const line of fs.existsSync(targetFile) ? fs.readFileSync(targetFile, 'utf8').trim().split('\n') : []) {
    const [kind, milliseconds] = line.split('\t');
    target[kind].push(Number(milliseconds) / 1000);
  }
  return {
    freshTarget: target.fresh.length ? median(target.fresh) : undefined,
    reuseTarget: target.reuse.length ? median(target.reuse) : undefined,
    plain: byName['plain build'],
    fresh: byName['build + StageRoutine, fresh stage'],
    reuse: byName['build + StageRoutine, nothing changed'],
    runs: data.results[0].times.length,
  };
}

const t = timings();
const memory = peakMemory();
const d = msbuild();
const at = (who, size) => (t[who] && t[who][size] ? t[who][size].median : undefined);

// The figures the targets are about, for esa-stage as it is now (A) or as it was (A-before).
function figuresFor(a) {
  const rss = memory[a];
  return {
    aOverBAt1M: at(a, '1M') / at('B', '1M'),
    aOverStartupAt1K: at(a, '1K') / at('startup', '1K'),
    aOverStartupAotAt1K: at(a, '1K') / at('startupAot', '1K'),
    memory100MOver1M: rss && rss['100M'] / rss['1M'],
    throughputAOverCurlAt100M: (at('curl', '100M') - at('curl', '1K')) / (at(a, '100M') - at(a, '1K')),
    wholeProcessAOverCurlAt100M: at('curl', '100M') / at(a, '100M'),
    reuseAdded: d && a === 'A' ? d.reuse - d.plain : undefined,
    freshAdded: d && a === 'A' ? d.fresh - d.plain : undefined,
    freshAllowance: d && a === 'A' ? at(a, '1K') + 0.15 : undefined,
  };
}

const figures = figuresFor('A');
const beforeFigures = t['A-before'] ? figuresFor('A-before') : null;
const anyFigures = t['A-any'] ? figuresFor('A-any') : null;
const summary = {
  machine: machine(), timings: t, peakMemoryMiB: memory, msbuild: d, figures, beforeFigures, anyFigures,
};
fs.writeFileSync(path.join(resultsDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');

// --- formatting --------------------------------------------------------------------------------------------------

const ms = (seconds) => (Number.isFinite(seconds) ? `${Math.round(seconds * 1000).toLocaleString('en-US')} ms` : '–');
const ratio = (value) => (Number.isFinite(value) ? value.toFixed(2) : '–');
const mib = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} MiB` : '–');
const mbps = (size, seconds) =>
  (Number.isFinite(seconds) ? `${(bytes[size] / 2 ** 20 / seconds).toFixed(0)} MiB/s` : '–');
const verdict = (value, ok) => (!Number.isFinite(value) ? 'not measured' : ok(value) ? 'met' : '**missed**');
const before = (key, format) =>
  (beforeFigures && Number.isFinite(beforeFigures[key]) ? format(beforeFigures[key]) : '–');

const targets = [
  ['A/B at 1 MB (A at least 3× faster than the official SDK path)', '≤ 0.30', 'aOverBAt1M', ratio, (v) => v <= 0.3],
  ['A at 1 KB over the .NET start-up floor C', '≤ 4', 'aOverStartupAt1K', ratio, (v) => v <= 4],
  ['Peak memory of A: 100 MB over 1 MB', '≤ 1.25', 'memory100MOver1M', ratio, (v) => v <= 1.25],
  ['Upload throughput of A over curl at 100 MB (each one\'s 100 MB time less its 1 KB time)', '≥ 0.80',
    'throughputAOverCurlAt100M', ratio, (v) => v >= 0.8],
  ['D: time the reuse path adds to a build', '≤ 150 ms', 'reuseAdded', ms, (v) => v <= 0.15],
  ['D: time a fresh stage adds to a build', `≤ A at 1 KB + 150 ms (${ms(figures.freshAllowance)})`, 'freshAdded', ms,
    (v) => v <= figures.freshAllowance],
];

const m = summary.machine;
const lines = [];
const add = (...text) => lines.push(...text);

add('# Benchmarks', '');
add('How fast `esa-stage` stages a routine, and how much memory it takes, next to the official Node.js SDK path and',
  'next to the floor of this machine. Every figure on this page comes from one run of', '',
  '```sh', process.env.BENCH_INVOCATION || 'bash benchmarks/run.sh', '```', '',
  'which builds everything, installs the Node.js peer from npm, starts the emulator in a process of its own, measures',
  'and writes this page. The page is generated: edit `benchmarks/report.js` or `benchmarks/notes.md`, not the',
  'page.', '');

add('## What is measured', '',
  '- **A**: `esa-stage stage --endpoint 127.0.0.1:<port> --name bench --code <file>` as a whole process, against the',
  '  emulator started with `esa-stage emulator` in a separate process. Code files of 1 KB, 1 MB, 10 MB and 100 MB of',
  '  printable random text. A is the Release publish for linux-x64, the Native AOT executable that',
  '  `dotnet tool install EsaStage.Tool` installs on this machine (package `EsaStage.Tool.linux-x64`). **A-any** is',
  '  the framework-dependent build that every other platform installs (`EsaStage.Tool.any`), from the same checkout.',
  '- **B**: the same staging, `GetRoutineStagingCodeUploadInfo` then the OSS form upload, by',
  '  `benchmarks/node-sdk/stage.js` on Alibaba Cloud\'s official SDK (`@alicloud/esa20240910` on',
  '  `@alicloud/openapi-core`, config `protocol: \'http\'`, which wins over the operation\'s HTTPS) and',
  '  `form-data`, the multipart library the ESA CLI uploads with, streaming the file with its length known.',
  '  Installed with `npm ci` from the committed lock file.',
  '- **C**: the floor. A .NET console app that returns at once (`benchmarks/empty-app`, Release), and `curl` posting',
  '  the same bytes to the same OSS endpoint with a form fetched fresh before each run, outside the timed part',
  '  (hyperfine `--prepare`). The same app given a URL makes one `HttpClient` GET to the emulator: the floor of',
  '  a .NET process that talks HTTP. Both are measured as the JIT runs them (the target\'s floor) and compiled',
  '  with Native AOT, as A is.',
  '- **D**: `dotnet build -t:StageRoutine` of the sample against a plain `dotnet build` of it, for a fresh stage and',
  '  for the reuse path (nothing changed since the last stage).', '',
  'Times are hyperfine medians of wall-clock time (`-N`, no shell); peak memory is the median of three',
  '`/usr/bin/time -v` "Maximum resident set size" readings. The emulator keeps the same bytes once on disk and',
  'allows a million code versions (`--max-code-versions`), so repeated runs never hit the version limit.', '');

add('## Machine', '',
  '| | |', '|---|---|',
  `| date | ${m.date} |`,
  `| commit | ${m.commit} |`,
  `| CPU | ${m.cpus} × ${m.cpuModel} |`,
  `| memory | ${m.memoryGiB} GiB |`,
  `| OS | ${m.os}, kernel ${m.kernel} |`,
  `| .NET | SDK ${m.dotnetSdk}, runtime ${m.dotnetRuntime} |`,
  `| Node.js | ${m.node} (npm ${m.npm}) |`,
  `| curl, hyperfine | ${m.curl}, ${m.hyperfine} |`,
  `| load average (1, 5, 15 min) | ${m.loadStart} when timing began, ${m.loadEnd} when it ended |`,
  `| runs | ${m.runs} per command up to 10 MB, ${Math.max(3, Math.floor(m.runs / 2))} at 100 MB` +
    `${m.quick ? ' (quick run)' : ''} |`,
  '');

add('## Targets', '',
  m.before
    ? `"Before" is esa-stage built from ${m.before}, measured in the same run, side by side with "after", ` +
      'esa-stage as built from this checkout; B and C are shared.'
    : '"Before" was not measured in this run (`--before <git-ref>` adds it).', '',
  '| target | wanted | before | after | |', '|---|---|---|---|---|');
for (const [what, wanted, key, format, ok] of targets) {
  add(`| ${what} | ${wanted} | ${before(key, format)} | ${format(figures[key])} | ${verdict(figures[key], ok)} |`);
}
add('');

add('## Staging time (medians)', '',
  '| code file | A: esa-stage | A-any | A before | B: Node SDK + form-data | C: curl upload | A/B | A-any/B | ' +
    'A/curl |',
  '|---|---|---|---|---|---|---|---|---|');
for (const size of sizes.filter((s) => at('A', s) !== undefined)) {
  add(`| ${size}B | ${ms(at('A', size))} | ${ms(at('A-any', size))} | ${ms(at('A-before', size))} | ` +
    `${ms(at('B', size))} | ${ms(at('curl', size))} | ${ratio(at('A', size) / at('B', size))} | ` +
    `${ratio(at('A-any', size) / at('B', size))} | ${ratio(at('A', size) / at('curl', size))} |`);
}
add('', '| floor (C) | JIT | Native AOT |', '|---|---|---|',
  `| empty app: start and exit | ${ms(at('startup', '1K'))} | ${ms(at('startupAot', '1K'))} |`,
  `| empty app: one \`HttpClient\` GET to the emulator | ${ms(at('httpFloor', '1K'))} | ` +
    `${ms(at('httpFloorAot', '1K'))} |`,
  '', `A at 1 KB is ${ratio(figures.aOverStartupAt1K)}× the JIT start-up floor and ` +
  `${ratio(figures.aOverStartupAotAt1K)}× the Native AOT one; A-any is ` +
  `${ratio(anyFigures ? anyFigures.aOverStartupAt1K : NaN)}× the JIT floor and ` +
  `${ratio(at('A-any', '1K') / at('httpFloor', '1K'))}× the JIT app that makes one HTTP GET.`, '');

if (at('A', '100M') !== undefined) {
  add(`Upload throughput, the target's measure: A ${ratio(figures.throughputAOverCurlAt100M)}× curl. Whole ` +
    `process against bare curl: A ${ratio(figures.wholeProcessAOverCurlAt100M)}× curl.`, '',
  'Throughput at 100 MB, whole process (file bytes over median wall time): ' +
    `A ${mbps('100M', at('A', '100M'))}, B ${mbps('100M', at('B', '100M'))}, ` +
    `curl ${mbps('100M', at('curl', '100M'))}. ` +
    'Upload part only (100 MB time less 1 KB time): ' +
    `A ${mbps('100M', at('A', '100M') - at('A', '1K'))}, curl ${mbps('100M', at('curl', '100M') - at('curl', '1K'))}.`,
  '');
}

add('## Peak memory (median of three, RSS)', '',
  '| code file | A: esa-stage | A-any | A before | B: Node SDK + form-data |', '|---|---|---|---|---|');
const rssOf = (who, size) => memory[who] && memory[who][size];
for (const size of sizes.filter((s) => rssOf('A', s) !== undefined)) {
  add(`| ${size}B | ${mib(rssOf('A', size))} | ${mib(rssOf('A-any', size))} | ${mib(rssOf('A-before', size))} | ` +
    `${mib(rssOf('B', size))} |`);
}
add('');

add('## D: the MSBuild target (medians)', '');
if (d) {
  add('| build of the sample | median | added to a plain build |', '|---|---|---|',
    `| plain \`dotnet build\` | ${ms(d.plain)} | |`,
    `| \`dotnet build -t:StageRoutine\`, fresh stage | ${ms(d.fresh)} | ${ms(d.fresh - d.plain)} |`,
    `| \`dotnet build -t:StageRoutine\`, nothing changed | ${ms(d.reuse)} | ${ms(d.reuse - d.plain)} |`, '',
    `${d.runs} runs each; every build is incremental (the sample was built once before). The staging target ` +
    'itself, from MSBuild\'s performance summary of as many more builds (`_EsaStageRoutine`, median): ' +
    `${ms(d.freshTarget)} for a fresh stage, ${ms(d.reuseTarget)} when nothing changed. On this shared machine ` +
    'two builds of the same project differ by a few hundred milliseconds, so the target time is the sharper ' +
    'figure; the difference of build medians is the one the targets name.', '');
} else {
  add('Not measured in this run: this checkout has no MSBuild package (`src/EsaStage.Tasks`).', '');
}

const notes = path.join(__dirname, 'notes.md');
if (fs.existsSync(notes)) {
  add(fs.readFileSync(notes, 'utf8').trim(), '');
}

fs.mkdirSync(path.dirname(pagePath), { recursive: true });
fs.writeFileSync(pagePath, lines.join('\n'));
