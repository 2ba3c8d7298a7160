'use strict';

const { finished } = require('node:stream/promises');
const tl = require('azure-pipelines-task-lib/task');
const { displayCommandLine } = require('./commandLine');

/**
 * Runs a program the way the task needs it run.
 *
 * - The command line is shown on one line with command markers broken: it carries user text (the description),
 *   which task-lib's own echo would print verbatim.
 * - The program's output reaches the agent through task-lib's external-output filter: the logging commands in
 *   `allowedCommands` pass unchanged, any other `##vso[` is shown but not run.
 * - Error issues the program logs itself are counted, so the caller adds one only when there was none.
 *
 * @param {string} file The program.
 * @param {string[]} args Its arguments.
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, allowedCommands: readonly string[] }} options How to run it.
 * @returns {Promise<{ exitCode: number, reportedErrors: number }>} The exit code and the error issues it logged.
 */
async function runProgram(file, args, options) {
  console.log('[command]' + displayCommandLine(file, args));

  const output = tl.createExternalOutputStream({
    source: 'childProcess',
    enableVsoCommands: options.allowedCommands.length > 0,
    allowedVsoCommands: options.allowedCommands,
    destination: process.stdout,
  });

  let reportedErrors = 0;
  const countIssue = (line) => {
    if (isErrorIssue(line, options.allowedCommands)) {
      reportedErrors++;
    }
  };

  const runner = tl.tool(file).arg(args);
  runner.on('stdout', (data) => output.write(data));
  runner.on('stderr', (data) => output.write(data));
  runner.on('stdline', countIssue);
  runner.on('errline', countIssue);

  let exitCode;
  try {
    exitCode = await runner.execAsync({ cwd: options.cwd, env: options.env, silent: true, ignoreReturnCode: true });
  } finally {
    output.end();
    await finished(output);
  }

  return { exitCode, reportedErrors };
}

// The agent reads at most one command per line: the one at the first marker.
function isErrorIssue(line, allowedCommands) {
  const start = line.indexOf('##vso[');
  if (start < 0) {
    return false;
  }

  const match = /^##vso\[task\.(logissue|issue) ([^\]]*)\]/i.exec(line.slice(start));
  return match !== null
    && allowedCommands.includes('task.' + match[1].toLowerCase())
    && /(^|;)\s*type=error\s*(;|$)/i.test(match[2]);
}

module.exports = { runProgram };
