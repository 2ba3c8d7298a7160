'use strict';
// The ESA client as the official Node.js SDK builds it. The SDK's operations ask for HTTPS, but a protocol set in
// the config wins over the operation's (openapi-core: `this._protocol || protocol`), so plain http reaches the
// emulator on loopback.
const Esa = require('@alicloud/esa20240910');
const { $OpenApiUtil } = require('@alicloud/openapi-core');

function createClient(endpoint) {
  return new Esa.default(new $OpenApiUtil.Config({
    accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID,
    accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    endpoint,
    protocol: 'http',
  }));
}

async function getUploadInfo(endpoint, name) {
  const answer = await createClient(endpoint).getRoutineStagingCodeUploadInfo(
    new Esa.GetRoutineStagingCodeUploadInfoRequest({ name }));
  return { codeVersion: answer.body.codeVersion, config: answer.body.ossPostConfig };
}

// The form fields in the order the ESA CLI sends them; `file` goes last.
const formFields = ['OSSAccessKeyId', 'Signature', 'callback', 'x:codeDescription', 'policy', 'key'];

module.exports = { getUploadInfo, formFields };
