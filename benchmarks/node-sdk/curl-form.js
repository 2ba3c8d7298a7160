'use strict';
// Writes a curl config file that uploads to a fresh form: the URL and the text fields in the ESA CLI's order. The
// benchmark adds the file part, so curl times only the bare upload.
// Usage: node curl-form.js <endpoint host:port> <routine> <config file to write>
const fs = require('node:fs');
const { getUploadInfo, formFields } = require('./esa');

const quote = (text) => `"${String(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

async function main() {
  const [endpoint, name, output] = process.argv.slice(2);
  const { config } = await getUploadInfo(endpoint, name);
  const lines = [`url = ${quote(config.Url)}`];
  for (const field of formFields.filter((f) => config[f] !== undefined)) {
    lines.push(`form-string = ${quote(`${field}=${config[field]}`)}`);
  }
  fs.writeFileSync(output, lines.join('\n') + '\n');
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
