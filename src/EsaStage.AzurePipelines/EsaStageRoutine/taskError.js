'use strict';

/**
 * A failure the task explains itself, with the product's diagnostic code: bad inputs, an unusable service
 * connection, a tool that cannot be installed.
 */
class TaskError extends Error {
  /**
   * @param {string} code The product code, e.g. `ESA1011`.
   * @param {string} message What went wrong and what to do about it.
   */
  constructor(code, message) {
    super(message);
    this.name = 'TaskError';
    this.code = code;
  }
}

/** The product codes the task itself reports; the tool reports the rest. */
const ErrorCodes = Object.freeze({
  invalidPublishEnvironment: 'ESA1009',
  invalidInput: 'ESA1011',
  credentialsNotFound: 'ESA1100',
  invalidCredentials: 'ESA1101',
  unexpected: 'ESA9001',
});

module.exports = { TaskError, ErrorCodes };
