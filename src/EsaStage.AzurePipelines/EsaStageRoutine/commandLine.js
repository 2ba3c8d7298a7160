'use strict';

const { neutralize } = require('./untrustedText');

/** The logging commands the staging emits; any other `##vso[` in its output is shown, not run. */
const STAGING_COMMANDS = Object.freeze([
  'task.setvariable',
  'task.setsecret',
  'task.logissue',
  'task.uploadsummary',
]);

/**
 * The arguments of `esa-stage stage` for the inputs.
 *
 * @param {import('./inputs').TaskInputs} inputs The task's inputs.
 * @param {{ detailed: boolean }} options `detailed` when the pipeline runs with System.Debug.
 * @returns {string[]} The arguments.
 */
function stageArguments(inputs, options) {
  const args = ['stage', '--name', inputs.routineName, '--code', inputs.codeFile];
  optional(args, '--description', inputs.description);
  optional(args, '--endpoint', inputs.endpoint);
  optional(args, '--region', inputs.region);
  if (inputs.commit) {
    args.push('--commit');
  }

  optional(args, '--publish', inputs.publish);
  if (options.detailed) {
    args.push('--verbosity', 'Detailed');
  }

  return args;
}

/**
 * The arguments of `dotnet build <project> -t:StageRoutine` for the inputs. Only what the pipeline set is passed,
 * so everything else keeps the project's own value.
 *
 * @param {import('./inputs').TaskInputs} inputs The task's inputs.
 * @returns {string[]} The arguments.
 */
function msbuildArguments(inputs) {
  // No MSBuild node outlives the step: a lingering node would hold the step's output open.
  const args = ['build', inputs.project, '-t:StageRoutine', '-nologo', '-nodeReuse:false'];
  const properties = [
    ['EsaRoutineName', inputs.routineName],
    ['EsaCodeDescription', inputs.description],
    ['EsaEndpoint', inputs.endpoint],
    ['EsaRegion', inputs.region],
    ['EsaCommit', inputs.commit ? 'true' : ''],
    ['EsaPublishEnvironment', inputs.publish],
  ];
  for (const [name, value] of properties) {
    if (value) {
      args.push(`-p:${name}=${escapeMsbuild(value)}`);
    }
  }

  return args;
}

/**
 * Escapes a value for an MSBuild `-p:` switch. On the command line `;` and `,` separate properties and quotes are
 * stripped, and in a property `$`, `@`, `%` and friends have meanings of their own; MSBuild turns `%XX` back into
 * the character when it uses the value. Letters, digits, non-ASCII text and a few harmless marks stay as they are.
 *
 * @param {string} value The value.
 * @returns {string} The escaped value.
 */
function escapeMsbuild(value) {
  return String(value).replace(/[^A-Za-z0-9._~/\\:+\-\u0080-\uFFFF]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/**
 * How a command line is shown in the log: one line, quoted where needed, with every command marker broken, since
 * arguments carry user text such as the description.
 *
 * @param {string} file The program.
 * @param {string[]} args Its arguments.
 * @returns {string} The line to show.
 */
function displayCommandLine(file, args) {
  return neutralize([file, ...args].map(quote).join(' '));
}

function quote(arg) {
  return /^[A-Za-z0-9_@%+=:,./\\-]+$/.test(arg) ? arg : `"${arg.replace(/(["\\])/g, '\\$1')}"`;
}

function optional(args, option, value) {
  if (value) {
    args.push(option, value);
  }
}

module.exports = { STAGING_COMMANDS, stageArguments, msbuildArguments, escapeMsbuild, displayCommandLine };
