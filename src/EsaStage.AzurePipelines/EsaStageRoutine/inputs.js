'use strict';

const fs = require('node:fs');
const tl = require('azure-pipelines-task-lib/task');
const { TaskError, ErrorCodes } = require('./taskError');

const PUBLISH_ENVIRONMENTS = ['staging', 'production'];

/**
 * @typedef {object} TaskInputs
 * @property {string} connection The service connection's id, or empty.
 * @property {string} routineName The routine name, or empty (project mode only).
 * @property {string} codeFile The code file's absolute path, or empty in project mode.
 * @property {string} project The MSBuild project's absolute path, or empty in code-file mode.
 * @property {string} description The code description, or empty.
 * @property {string} endpoint The ESA endpoint, or empty.
 * @property {string} region The region, or empty.
 * @property {boolean} commit Whether to commit.
 * @property {string} publish `staging`, `production` or empty.
 * @property {string} workingDirectory Where the tool or the build runs.
 * @property {string} toolVersion The tool version to install, or empty for the one the task carries.
 * @property {string} toolSource The package source to install it from, or empty.
 */

/**
 * Reads and checks the task's inputs. Every input is read here, once, before anything runs, so a bad combination
 * fails with nothing installed and nothing sent.
 *
 * @returns {TaskInputs} The inputs.
 */
function readInputs() {
  const inputs = {
    connection: text('esaConnection'),
    routineName: text('routineName'),
    codeFile: suppliedPath('codeFile'),
    project: suppliedPath('project'),
    description: tl.getInput('description') || '',
    endpoint: text('endpoint'),
    region: text('region'),
    commit: tl.getBoolInput('commit'),
    publish: text('publish').toLowerCase(),
    workingDirectory: suppliedPath('workingDirectory'),
    toolVersion: text('toolVersion'),
    toolSource: text('toolSource'),
  };

  if (inputs.publish === 'none') {
    inputs.publish = '';
  }

  if (inputs.publish && !PUBLISH_ENVIRONMENTS.includes(inputs.publish)) {
    throw new TaskError(ErrorCodes.invalidPublishEnvironment,
      `The input 'publish' is '${inputs.publish}'; use staging, production or none.`);
  }

  if (inputs.codeFile && inputs.project) {
    throw new TaskError(ErrorCodes.invalidInput,
      "Both 'codeFile' and 'project' are set. Give the routine's code file to stage it with the esa-stage " +
      'tool, or the MSBuild project to stage it with dotnet build -t:StageRoutine, not both.');
  }

  if (!inputs.codeFile && !inputs.project) {
    throw new TaskError(ErrorCodes.invalidInput,
      "Neither 'codeFile' nor 'project' is set. Give the routine's JavaScript file in 'codeFile', or an MSBuild " +
      "project that references EsaStageTask in 'project'.");
  }

  if (inputs.codeFile && !inputs.routineName) {
    throw new TaskError(ErrorCodes.invalidInput,
      "The input 'routineName' is not set. Give the name of the ESA Edge Routine to stage the code file for.");
  }

  if (inputs.project && !isFile(inputs.project)) {
    throw new TaskError(ErrorCodes.invalidInput,
      `The MSBuild project '${inputs.project}' given in 'project' does not exist. Fix the path.`);
  }

  inputs.workingDirectory ||= tl.getVariable('System.DefaultWorkingDirectory') || process.cwd();
  if (!isDirectory(inputs.workingDirectory)) {
    throw new TaskError(ErrorCodes.invalidInput,
      `The working directory '${inputs.workingDirectory}' does not exist. Fix 'workingDirectory' or leave it empty.`);
  }

  return inputs;
}

function text(name) {
  return (tl.getInput(name) || '').trim();
}

// The agent hands an empty file path input over as the repository root, so only a path that differs from it
// counts as given.
function suppliedPath(name) {
  return tl.filePathSupplied(name) ? text(name) : '';
}

function isFile(path) {
  return fs.existsSync(path) && fs.statSync(path).isFile();
}

function isDirectory(path) {
  return fs.existsSync(path) && fs.statSync(path).isDirectory();
}

module.exports = { readInputs };
