'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const tl = require('azure-pipelines-task-lib/task');
const toolLib = require('azure-pipelines-tool-lib/tool');
const { TaskError, ErrorCodes } = require('./taskError');
const { runProgram } = require('./program');
const { neutralize } = require('./untrustedText');

const PACKAGE_ID = 'EsaStage.Tool';

/** Where the task carries its own copy of the tool package. */
const BUNDLED_PACKAGE_DIRECTORY = path.join(__dirname, 'tool');

/**
 * Makes sure the esa-stage tool is on the agent and returns its executable.
 *
 * The tool lives in the agent's tool cache (`$(Agent.ToolsDirectory)/EsaStage.Tool/<version>/<arch>`), so a
 * second run on the same agent reuses it. A missing version is installed with `dotnet tool install --tool-path`
 * from the package the task carries, from the `toolSource` given (which replaces the agent's NuGet sources), or
 * from the agent's NuGet configuration.
 *
 * @param {{ toolVersion: string, toolSource: string, workingDirectory: string }} inputs The tool inputs.
 * @param {string} dotnet The `dotnet` executable.
 * @param {NodeJS.ProcessEnv} environment The install's environment (no credentials in it).
 * @returns {Promise<string>} The tool's executable.
 */
async function ensureTool(inputs, dotnet, environment) {
  const bundledVersion = findBundledVersion();
  const version = inputs.toolVersion || bundledVersion;
  if (!version) {
    throw new TaskError(ErrorCodes.invalidInput,
      "This copy of the task carries no esa-stage package. Set 'toolVersion' (and 'toolSource' for a private " +
      'feed or a package folder).');
  }

  if (!toolLib.isExplicitVersion(version)) {
    throw new TaskError(ErrorCodes.invalidInput,
      `The input 'toolVersion' is '${version}'; give an exact version such as 1.2.3.`);
  }

  const cached = toolLib.findLocalTool(PACKAGE_ID, version);
  if (cached) {
    return executable(cached);
  }

  const source = inputs.toolSource || (version === bundledVersion ? BUNDLED_PACKAGE_DIRECTORY : '');
  const installDirectory = path.join(tempDirectory(), `esa-stage-install-${crypto.randomBytes(6).toString('hex')}`);
  const args = ['tool', 'install', PACKAGE_ID, '--version', version, '--tool-path', installDirectory];
  if (source) {
    args.push('--source', source);
  }

  console.log(neutralize(`Installing ${PACKAGE_ID} ${version} from ${source || "the agent's NuGet sources"}.`));
  const { exitCode } = await runProgram(dotnet, args, {
    cwd: inputs.workingDirectory,
    env: environment,
    allowedCommands: [],
  });
  if (exitCode !== 0) {
    throw new TaskError(ErrorCodes.unexpected,
      `dotnet tool install could not install ${PACKAGE_ID} ${version} (exit code ${exitCode}); its output is ` +
      "above. Check 'toolVersion' and 'toolSource', and that the agent has the .NET SDK 10 or later.");
  }

  const toolDirectory = await toolLib.cacheDir(installDirectory, PACKAGE_ID, version);
  tl.rmRF(installDirectory);
  return executable(toolDirectory);
}

/** The version of the tool package the task carries, or empty when it carries none. */
function findBundledVersion() {
  if (!fs.existsSync(BUNDLED_PACKAGE_DIRECTORY)) {
    return '';
  }

  const pattern = new RegExp(`^${PACKAGE_ID.replace('.', '\\.')}\\.(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?)\\.nupkg$`,
    'i');
  for (const name of fs.readdirSync(BUNDLED_PACKAGE_DIRECTORY)) {
    const match = pattern.exec(name);
    if (match) {
      return match[1];
    }
  }

  return '';
}

function executable(directory) {
  const file = path.join(directory, process.platform === 'win32' ? 'esa-stage.exe' : 'esa-stage');
  if (!fs.existsSync(file)) {
    throw new TaskError(ErrorCodes.unexpected,
      `The tool folder '${directory}' has no esa-stage executable. Delete the folder so the next run installs ` +
      'the tool again.');
  }

  return file;
}

function tempDirectory() {
  return tl.getVariable('Agent.TempDirectory') || os.tmpdir();
}

module.exports = { PACKAGE_ID, ensureTool, findBundledVersion };
