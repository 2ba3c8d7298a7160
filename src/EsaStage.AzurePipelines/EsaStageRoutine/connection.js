'use strict';

const fs = require('node:fs');
const path = require('node:path');
const tl = require('azure-pipelines-task-lib/task');
const { TaskError, ErrorCodes } = require('./taskError');

/** The fields of the Alibaba Cloud ESA service connection (its authentication scheme's input ids). */
const CONNECTION_FIELDS = Object.freeze({
  accessKeyId: 'username',
  accessKeySecret: 'password',
  securityToken: 'securityToken',
});

const CREDENTIAL_VARIABLES = Object.freeze({
  accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
});

/**
 * @typedef {object} Credentials
 * @property {string} accessKeyId
 * @property {string} accessKeySecret
 * @property {string} securityToken Empty for a long-lived AccessKey.
 */

/**
 * Reads the service connection's credentials and masks them before anything could print them.
 *
 * The whole authorization is read at once: task-lib's per-parameter getter writes the value to the debug log.
 *
 * @param {string} connectionId The service connection input's value.
 * @returns {Credentials | null} The credentials, or null when no connection is set.
 */
function readConnection(connectionId) {
  if (!connectionId) {
    return null;
  }

  const authorization = tl.getEndpointAuthorization(connectionId, true);
  const parameters = authorization && authorization.parameters ? authorization.parameters : {};
  const credentials = {
    accessKeyId: parameter(parameters, CONNECTION_FIELDS.accessKeyId),
    accessKeySecret: parameter(parameters, CONNECTION_FIELDS.accessKeySecret),
    securityToken: parameter(parameters, CONNECTION_FIELDS.securityToken),
  };

  // Masked before they are checked, so not even a message about a bad value can show them.
  for (const value of Object.values(credentials)) {
    mask(value);
  }

  if (!credentials.accessKeyId || !credentials.accessKeySecret) {
    throw new TaskError(ErrorCodes.credentialsNotFound,
      `The service connection '${connectionId}' has no AccessKey ID or AccessKey secret. Edit the connection ` +
      '(Project settings > Service connections) and fill in both.');
  }

  for (const [name, value] of Object.entries(credentials)) {
    if (value && value.trim() !== value) {
      throw new TaskError(ErrorCodes.invalidCredentials,
        `The service connection's ${describe(name)} starts or ends with whitespace or a line break. ` +
        'Edit the connection and paste the value again.');
    }
  }

  return credentials;
}

/**
 * The environment of the process that stages: the agent's, plus the connection's credentials (which replace any
 * from the pipeline), and DOTNET_ROOT so a tool installed to a tool path finds the runtime of the `dotnet` in use.
 *
 * @param {NodeJS.ProcessEnv} base The task's environment.
 * @param {Credentials | null} credentials The connection's credentials, if any.
 * @param {string} dotnet The `dotnet` executable found on the agent.
 * @returns {NodeJS.ProcessEnv} The environment.
 */
function stagingEnvironment(base, credentials, dotnet) {
  const environment = { ...base };
  if (credentials) {
    environment[CREDENTIAL_VARIABLES.accessKeyId] = credentials.accessKeyId;
    environment[CREDENTIAL_VARIABLES.accessKeySecret] = credentials.accessKeySecret;
    if (credentials.securityToken) {
      environment[CREDENTIAL_VARIABLES.securityToken] = credentials.securityToken;
    } else {
      // A token left in the pipeline's environment belongs to other credentials.
      delete environment[CREDENTIAL_VARIABLES.securityToken];
    }
  }

  environment.DOTNET_ROOT ||= path.dirname(fs.realpathSync(dotnet));
  environment.DOTNET_NOLOGO ||= '1';
  return environment;
}

function parameter(parameters, name) {
  const key = Object.keys(parameters).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? '' : String(parameters[key] ?? '');
}

function mask(value) {
  // task-lib refuses multi-line secrets; each line is masked instead, and the value is refused below.
  for (const part of String(value).split(/\r?\n|\r/)) {
    if (part.trim()) {
      tl.setSecret(part);
    }
  }
}

function describe(name) {
  return { accessKeyId: 'AccessKey ID', accessKeySecret: 'AccessKey secret', securityToken: 'STS token' }[name];
}

module.exports = { CONNECTION_FIELDS, readConnection, stagingEnvironment };
