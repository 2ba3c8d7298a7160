'use strict';

const tl = require('azure-pipelines-task-lib/task');
const { readInputs } = require('./inputs');
const { readConnection, stagingEnvironment } = require('./connection');
const { ensureTool } = require('./tool');
const { STAGING_COMMANDS, stageArguments, msbuildArguments } = require('./commandLine');
const { runProgram } = require('./program');
const { TaskError, ErrorCodes } = require('./taskError');

/**
 * The EsaStageRoutine task: inputs in, the esa-stage tool (or `dotnet build -t:StageRoutine`) run with the
 * service connection's credentials in its environment, and the task's result out.
 *
 * The staging itself reports everything else: it masks its secrets, sets the output variables, logs its errors as
 * issues and uploads a summary. The task sets no variables of its own.
 */
async function run() {
  const inputs = readInputs();
  const credentials = readConnection(inputs.connection);

  const dotnet = tl.which('dotnet', false);
  if (!dotnet) {
    throw new TaskError(ErrorCodes.unexpected,
      'dotnet was not found on the agent. Add a UseDotNet@2 step that installs the .NET SDK 10 or later ' +
      'before this task.');
  }

  const staging = inputs.project
    ? { what: 'dotnet build -t:StageRoutine', file: dotnet, args: msbuildArguments(inputs) }
    : {
      what: 'esa-stage',
      // The install runs without the credentials: it has no use for them.
      file: await ensureTool(inputs, dotnet, stagingEnvironment(process.env, null, dotnet)),
      args: stageArguments(inputs, { detailed: tl.getVariable('System.Debug') === 'true' }),
    };

  const { exitCode, reportedErrors } = await runProgram(staging.file, staging.args, {
    cwd: inputs.workingDirectory,
    env: stagingEnvironment(process.env, credentials, dotnet),
    allowedCommands: STAGING_COMMANDS,
  });

  if (exitCode === 0) {
    tl.setResult(tl.TaskResult.Succeeded, '');
    return;
  }

  // The staging explains its own failures; a failure it did not explain still gets exactly one issue.
  if (reportedErrors === 0) {
    logError(ErrorCodes.unexpected,
      `${staging.what} failed with exit code ${exitCode}; its output above says why.`);
  }

  tl.setResult(tl.TaskResult.Failed, '');
}

function logError(code, message) {
  tl.logIssue(tl.IssueType.Error, `${code}: ${message}`, undefined, undefined, undefined, code);
}

run().catch((error) => {
  if (error instanceof TaskError) {
    logError(error.code, error.message);
  } else {
    tl.debug(String(error && error.stack));
    logError(ErrorCodes.unexpected, `The task failed unexpectedly: ${error && error.message}`);
  }

  tl.setResult(tl.TaskResult.Failed, '');
});
