'use strict';

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Folds text onto one line and breaks every GitHub and Azure Pipelines command marker, so that a description,
 * file name or commit message can be printed without acting as a command.
 *
 * The same rule as the tool's `UntrustedText.Neutralize`: line breaks become a visible `⏎`, and a zero-width
 * space goes between any two neighbouring `#` or `:`, so `##vso[`, `##[` and `::` never survive.
 *
 * @param {string} text The text.
 * @returns {string} The neutralised text.
 */
function neutralize(text) {
  const line = String(text)
    .replace(/\r\n/g, '⏎')
    .replace(/[\r\n\u2028\u2029]/g, '⏎');

  let result = '';
  for (let i = 0; i < line.length; i++) {
    if (i > 0 && line[i] === line[i - 1] && (line[i] === '#' || line[i] === ':')) {
      result += ZERO_WIDTH_SPACE;
    }

    result += line[i];
  }

  return result;
}

module.exports = { neutralize };
