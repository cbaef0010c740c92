// Generates the cases of the identify benchmark (bench/identify/run.mjs): for
// every license below, four LICENSE files made from the SPDX text in
// spdx-license-list — plain (placeholders filled), re-wrapped at another
// width, under a Markdown heading, and with other copyright holders. Each
// case is a folder holding one `LICENSE`, because licensee detects a
// folder's license file. Nothing is committed: the cases go to a temp dir.
//
//   node bench/identify/makeCases.mjs [DIR]   writes the cases and DIR/cases.json
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The SPDX ids benchmarked: the list, plus the rest of what licensee (choosealicense.com) knows. */
export const licenseIds = [
  'Apache-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MPL-2.0',
  'GPL-2.0-only', 'GPL-3.0-only', 'LGPL-2.1-only', 'LGPL-3.0-only', 'AGPL-3.0-only',
  'Unlicense', 'CC0-1.0', '0BSD', 'Zlib', 'BSL-1.0', 'EPL-2.0', 'EUPL-1.2', 'MPL-1.1',
  'Artistic-2.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'OFL-1.1', 'PostgreSQL', 'NCSA', 'WTFPL',
  'MIT-0', 'BSD-3-Clause-Clear', 'ECL-2.0', 'OSL-3.0', 'AFL-3.0', 'MS-PL', 'MS-RL',
  'Python-2.0', 'UPL-1.0', 'BlueOak-1.0.0', 'X11', 'curl', 'Vim',
  'BSD-4-Clause', 'CECILL-2.1', 'EPL-1.0', 'EUPL-1.1', 'LPPL-1.3c', 'MulanPSL-2.0', 'ODbL-1.0',
];

export const variants = ['plain', 'rewrapped', 'markdown', 'holders'];

const holders = ['Jane Doe', 'Acme Widgets, Inc.', 'The Foo Project Authors', 'Erika Mustermann', 'Example Labs Ltd.', 'Juan Pérez'];
const extraHolders = [
  'Copyright (c) 2016 Ada Lovelace <ada@example.org>',
  'Copyright (c) 2019-2023 Example Labs Ltd.',
  'Copyright (c) 2024 The Foo Project contributors',
];

/** Where the "how to apply" appendix starts: its sample notices keep their placeholders, as in real copies. */
const appendix = /^\s*(?:how to apply|end of terms and conditions|appendix|exhibit a)/imu;

/** Fills the template placeholders of the license terms with a real year and holder. */
export function fillPlaceholders(text, year, holder) {
  const cut = text.search(appendix);
  const head = cut === -1 ? text : text.slice(0, cut);
  const tail = cut === -1 ? '' : text.slice(cut);
  const filled = head
    .replace(/\[xxxx\]\s*-\s*\[xxxx\]/gu, `${year - 5}-${year}`)
    .replace(/<year>|\[year\]|\[yyyy\]/giu, String(year))
    .replace(/<copyright holders?>|<owner>|<owner organization name>|\[owner organization\]|\[copyright holders?\]|\[name of copyright holder\]/giu, holder)
    .replace(/^(\s*copyright \(c\) )YEAR by AUTHOR EMAIL/imu, `$1${year} by ${holder} <maintainer@example.org>`)
    .replace(/<name of development group>/giu, 'The Foo Project Team')
    .replace(/<name of institution>/giu, 'Example University')
    .replace(/<url for development group\/institution>/giu, 'https://foo.example.edu/');
  return filled + tail;
}

const fill = (words, width) => {
  const lines = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
};

/**
 * Re-wraps the text at `width` columns as an editor reflows it: every
 * paragraph (blank-line separated) loses its line breaks and indentation,
 * except copyright lines and title blocks (paragraphs of short lines only),
 * which stay as they are.
 */
export function rewrap(text, width) {
  return text
    .split(/\n[ \t]*\n/u)
    .map((paragraph) => {
      const lines = paragraph.split('\n').filter((line) => line.trim() !== '');
      if (lines.every((line) => line.trim().length <= 50)) return lines.map((line) => line.trim()).join('\n');
      const out = [];
      let words = [];
      for (const line of lines) {
        if (/^\s*(?:portions\s+)?(?:copyright\b|\(c\)|©)|^\s*all rights reserved/iu.test(line)) {
          out.push(...fill(words, width), line.trim());
          words = [];
        } else words.push(...line.split(/\s+/u).filter(Boolean));
      }
      out.push(...fill(words, width));
      return out.join('\n');
    })
    .filter(Boolean)
    .join('\n\n');
}

/** `# License`, then the license's title in bold (its own title line when it has one, else the SPDX name), then the text. */
export function withMarkdownHeading(text, name) {
  const lines = text.replace(/^\s*\n/u, '').split('\n');
  const first = lines[0].trim().replace(/^#+\s*/u, '');
  const isTitle = first.length > 0 && first.length <= 70 && !/^(?:portions\s+)?copyright\b/iu.test(first) && !/[.,;]$/u.test(first);
  const title = isTitle ? first.replace(/:$/u, '') : name;
  const rest = isTitle ? lines.slice(1).join('\n').replace(/^\s*\n/u, '') : lines.join('\n');
  return `# License\n\n**${title}**\n\n${rest}`;
}

/** The license document's own copyright (the FSF's on the GPL, …): kept, as real copies keep it. */
const documentCopyright = /free software foundation|sam hocevar|latex3 project|perl foundation/iu;

/**
 * Replaces the project's copyright lines at the top of the license with
 * several holders; prepends them when the top holds none (or only the
 * license document's own copyright).
 */
export function withOtherHolders(text) {
  const lines = text.split('\n');
  const top = Math.min(lines.length, 12);
  const isCopyright = (line) => /^\s*(?:portions\s+)?(?:copyright\b|\(c\)|©)/iu.test(line) && !documentCopyright.test(line);
  const first = lines.slice(0, top).findIndex(isCopyright);
  if (first === -1) return [...extraHolders, '', ...lines].join('\n');
  let end = first;
  while (end < top && (isCopyright(lines[end]) || /^\s*all rights reserved\.?\s*$/iu.test(lines[end]) || (lines[end].trim() === '' && end + 1 < top && isCopyright(lines[end + 1])))) end++;
  return [...lines.slice(0, first), ...extraHolders, ...lines.slice(end)].join('\n');
}

/**
 * Writes every case under `dir` (a new temp dir when omitted) as
 * `<id>--<variant>/LICENSE` and returns the case list, also saved as
 * `dir/cases.json`: `{ dir, cases: [{ id, variant, expected, folder, file }] }`.
 */
export function makeCases(dir = mkdtempSync(join(tmpdir(), 'license-claims-bench-'))) {
  const full = require('spdx-license-list/spdx-full.json');
  mkdirSync(dir, { recursive: true });
  const cases = [];
  licenseIds.forEach((id, index) => {
    const entry = full[id];
    if (!entry?.licenseText) throw new Error(`spdx-license-list has no text for ${id}`);
    const year = 2015 + (index % 10);
    const plain = fillPlaceholders(entry.licenseText.replace(/\r\n/gu, '\n'), year, holders[index % holders.length]).trimEnd() + '\n';
    const longest = Math.max(...plain.split('\n').map((line) => line.length));
    const texts = {
      plain,
      rewrapped: `${rewrap(plain, longest > 72 ? 60 : 100)}\n`,
      markdown: withMarkdownHeading(plain, entry.name),
      holders: withOtherHolders(plain),
    };
    for (const variant of variants) {
      const folder = join(dir, `${id}--${variant}`);
      mkdirSync(folder, { recursive: true });
      const file = join(folder, 'LICENSE');
      writeFileSync(file, texts[variant]);
      cases.push({ id, variant, expected: id, folder, file });
    }
  });
  writeFileSync(join(dir, 'cases.json'), `${JSON.stringify({ dir, cases }, null, 2)}\n`);
  return { dir, cases };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { dir, cases } = makeCases(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`${cases.length} cases (${licenseIds.length} licenses × ${variants.length} variants) in ${dir}`);
}
