'use strict';
// Stages a routine's code the way the ESA CLI's staging flow does: GetRoutineStagingCodeUploadInfo through the
// official SDK, then the OSS form upload with form-data. Prints the CodeVersion.
// Usage: node stage.js <endpoint host:port> <routine> <code file>
const fs = require('node:fs');
const FormData = require('form-data');
const { getUploadInfo, formFields } = require('./esa');

async function main() {
  const [endpoint, name, codeFile] = process.argv.slice(2);
  const { codeVersion, config } = await getUploadInfo(endpoint, name);

  const form = new FormData();
  for (const field of formFields.filter((f) => config[f] !== undefined)) {
    form.append(field, config[field]);
  }

  // Streamed from disk with its length known, so the body is sent with a Content-Length, not chunked.
  form.append('file', fs.createReadStream(codeFile), {
    knownLength: fs.statSync(codeFile).size,
    filename: 'index.js',
    contentType: 'application/javascript',
  });

  const status = await new Promise((resolve, reject) => form.submit(config.Url, (error, response) => {
    if (error) {
      reject(error);
      return;
    }
    response.resume();
    response.on('end', () => resolve(response.statusCode));
  }));
  if (status !== 200) {
    throw new Error(`The upload answered HTTP ${status}.`);
  }

  console.log(codeVersion);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
