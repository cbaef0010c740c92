// Restrictive clauses: a false clause would call an open license closed, so
// every OSI-approved and FSF-libre text of the SPDX list must have none; and
// every non-open AI, source-available and modified license of the real
// LICENSE files (../shared/license-texts) must get a clause of the right kind
// when read as if nobody knew it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRestrictiveClauses, clauseKinds, compiledPhrases, looksAround, type Phrase } from '../server/src/engine/licenses/clauses/restrictiveClauses.js';
import { clauseSegments } from '../server/src/engine/licenses/clauses/clauseSegments.js';
import { judgeLicenseText } from '../server/src/engine/licenses/clauses/licenseTextVerdict.js';
import { spdxLicense } from '../server/src/engine/licenses/spdxCatalog.js';
import { aiLicense } from '../server/src/engine/licenses/licenseKnowledge.js';
import { audit } from '../server/src/engine/audit.js';
import { repoRoot } from './support/workspace.js';

const licenseTextsDir = join(repoRoot, '..', 'shared', 'license-texts');
const corpusDir = join(repoRoot, '..', 'shared', 'corpus');

test('no clause in any OSI-approved or FSF-libre license text of the SPDX list', () => {
  const full = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'spdx-license-list', 'spdx-full.json'), 'utf8')) as Record<string, { osiApproved: boolean; licenseText?: string }>;
  const open = Object.entries(full).filter(([id, entry]) => entry.licenseText && (entry.osiApproved || spdxLicense(id)?.fsfLibre));
  assert.ok(open.length > 200, `${open.length} open texts`);
  const wrong = open.flatMap(([id, entry]) => findRestrictiveClauses(entry.licenseText!).map((clause) => `${id}: ${clause.kind} “${clause.excerpt}”`));
  assert.deepEqual(wrong, []);
});

test('the SPDX list\'s own non-open licenses: the clause that makes each one so', () => {
  const full = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'spdx-license-list', 'spdx-full.json'), 'utf8')) as Record<string, { licenseText?: string }>;
  const expected: Record<string, string> = {
    'CC-BY-NC-4.0': 'non-commercial', 'CC-BY-NC-3.0': 'non-commercial', 'CC-BY-NC-SA-4.0': 'non-commercial', 'CC-BY-ND-4.0': 'no-derivatives', 'CC-BY-ND-3.0': 'no-derivatives',
    JSON: 'field-of-use', 'Hippocratic-2.1': 'field-of-use', 'BSD-3-Clause-No-Military-License': 'field-of-use', 'PolyForm-Noncommercial-1.0.0': 'non-commercial',
    'PolyForm-Small-Business-1.0.0': 'revenue-threshold', 'SSPL-1.0': 'hosted-service', 'BUSL-1.1': 'delayed-license', 'Elastic-2.0': 'hosted-service',
  };
  const missed = Object.entries(expected).filter(([id, kind]) => !findRestrictiveClauses(full[id].licenseText ?? '').some((clause) => clause.kind === kind));
  assert.deepEqual(missed, []);
});

test('every kind of the data has a label, an OSD criterion and an explanation; every phrase compiles and names a kind', () => {
  const data = JSON.parse(readFileSync(join(repoRoot, 'server', 'src', 'engine', 'licenses', 'data', 'restrictiveClauses.json'), 'utf8')) as {
    criteria: Record<string, unknown>;
    languages: Record<string, { kind: string; pattern: string; reason: string; unless?: string }[]>;
  };
  for (const kind of clauseKinds) {
    assert.match(kind.criterion, /^OSD \d+$/u, kind.id);
    assert.ok(data.criteria[kind.criterion], kind.criterion);
    assert.ok(kind.label.length > 5 && kind.explanation.length > 20, kind.id);
  }
  const ids = new Set(clauseKinds.map((kind) => kind.id));
  for (const [language, phrases] of Object.entries(data.languages)) {
    for (const phrase of phrases) {
      assert.ok(ids.has(phrase.kind), `${language}: ${phrase.kind}`);
      assert.ok(phrase.reason.length > 3);
      new RegExp(phrase.pattern, 'i');
      if (phrase.unless) new RegExp(phrase.unless, 'i');
    }
  }
});

test('which patterns look past the words they match (tried on every segment, not first on the joined text)', () => {
  for (const pattern of ['^use restrictions$', 'free(?! of)', '(?<!non-)commercial', '(?=x)y', 'a$', '(?<name>x)', '[^.;]{0,5}\\\\^']) assert.equal(looksAround(pattern), true, pattern);
  for (const pattern of ['\\bnon[- ]?commercial\\b[^.;]{0,40}', 'cost \\$\\d+ \\^2', '\\(?:x\\)']) assert.equal(looksAround(pattern), false, pattern);
});

test('a phrase that does not look around matches a segment only where it matches the segments joined by line breaks', () => {
  // what lets findRestrictiveClauses try each such phrase on the joined text first and skip it on every segment when it fails there
  const full = JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'spdx-license-list', 'spdx-full.json'), 'utf8')) as Record<string, { licenseText?: string }>;
  // and texts of our own where a phrase that looks around matches a segment but not the joined text
  const own = ['ACME License\n\nUse restrictions\n\nNone.', 'The grant is non-\nrevocable. Revocable grants are not offered.'];
  const texts = [...own, ...Object.values(full).flatMap((entry) => (entry.licenseText ? [entry.licenseText] : []))];
  const brokenBy = (phrases: readonly Phrase[]) => {
    const broken: string[] = [];
    let matched = 0;
    for (const text of texts) {
      const segments = clauseSegments(text).map((segment) => segment.text);
      const joined = segments.join('\n');
      for (const phrase of phrases) {
        if (phrase.regex.test(joined)) matched++;
        else for (const segment of segments) if (phrase.regex.test(segment)) broken.push(`${phrase.pattern}: ${segment}`);
      }
    }
    return { broken, matched };
  };
  const plain = compiledPhrases().filter((phrase) => !phrase.contextual);
  assert.ok(plain.length > 50 && plain.length < compiledPhrases().length, `${plain.length} phrases`);
  const { broken, matched } = brokenBy(plain);
  assert.ok(matched > 20, `${matched} matches`);
  assert.deepEqual(broken, []);
  assert.notDeepEqual(brokenBy(compiledPhrases().filter((phrase) => phrase.contextual)).broken, [], 'the texts of our own show why the others are tried on every segment');
});

test('clauses of our own minimal texts: kind, criterion and the line range of the sentence', () => {
  const text = [
    'ACME MODEL LICENSE', '',
    '1. You may use, copy and modify the Model for commercial or non-commercial purposes.', '',
    '2. You shall not use the Model or any output of it',
    '   to improve any other large language model.', '',
    '3. If your products have more than 700 million monthly active users, you must request a license from ACME.', '',
    '4. You may not use the Model for military purposes.',
  ].join('\n');
  const found = findRestrictiveClauses(text).map((clause) => [clause.kind, clause.criterion, text.slice(0, clause.span.start).split('\n').length, text.slice(0, clause.span.end).split('\n').length]);
  assert.deepEqual(found, [
    ['no-improving-other-models', 'OSD 6', 5, 6],
    ['user-threshold', 'OSD 5', 8, 8],
    ['approval-before-use', 'OSD 7', 8, 8],
    ['field-of-use', 'OSD 6', 10, 10],
  ]);
  // permissions and disclaimers are not restrictions
  assert.deepEqual(findRestrictiveClauses('You may freely use the Product in any project, commercial, academic, military, or private.\nThis software is not designed for use in weapons systems.\nYou may host the Model for third-party remote access (e.g. software-as-a-service).'), []);
});

test('the phrase lists are per language: German, French and Chinese phrases of our own', () => {
  const kinds = (text: string) => findRestrictiveClauses(text).map((clause) => `${clause.kind}/${clause.language}`);
  assert.deepEqual(kinds('Das Modell darf nur für nicht-kommerzielle Zwecke genutzt werden.'), ['non-commercial/de']);
  assert.deepEqual(kinds('Toute utilisation à des fins militaires est interdite.'), ['field-of-use/fr']);
  assert.deepEqual(kinds('如果您的产品月活跃用户超过一亿，须另行申请许可。'), ['user-threshold/zh']);
});

test('the weakest kinds: phrases of our own in the shapes real licenses use (personal use, restricted parties, redistribution, terms changed at any time); the OSI-approved texts with like words stay clear', () => {
  const kinds = (text: string) => findRestrictiveClauses(text).map((clause) => clause.kind);
  assert.deepEqual(kinds('You may run the app only for your own internal business purposes or for non-commercial or personal use.'), ['non-commercial', 'personal-use-only']);
  assert.deepEqual(kinds('The voices are licensed to you for your personal, non-commercial use.'), ['personal-use-only']);
  assert.deepEqual(kinds('Nobody currently listed on any U.S. Government list of prohibited or restricted parties may download the weights.'), ['persons-or-places']);
  assert.deepEqual(kinds('It is not allowed to sell, rent, share, or distribute the Pro Edition.'), ['no-redistribution']);
  assert.deepEqual(kinds('Redistribution of the dataset is not permitted.'), ['no-redistribution']);
  assert.deepEqual(kinds('The Company may amend these terms at any time without notice.'), ['revocable']);
  // APSL's "solely for Your internal research and development and/or Personal Use", LPPL's "Distribution of only part of The Program is not allowed"
  assert.deepEqual(kinds('You may use it solely for Your internal research and development and/or Personal Use.'), []);
  assert.deepEqual(kinds('Distribution of only part of the tool is not allowed.'), []);
});

/** The kinds a reviewer finds in each real license (at least one must be found). */
const expectedKinds: Record<string, string[]> = {
  '050-TEN-framework__ten-framework/LICENSE': ['non-compete', 'field-of-use'],
  '158-nocobase__nocobase/LICENSE.txt': ['hosted-service', 'branding-duty', 'no-redistribution', 'revocable'],
  '186-langgenius__dify/LICENSE': ['hosted-service', 'branding-duty'],
  '188-lobehub__lobe-chat/LICENSE': ['no-derivatives'],
  '190-opendatalab__MinerU/LICENSE.md': ['user-threshold', 'revenue-threshold', 'branding-duty'],
  '140-hashicorp__terraform/LICENSE': ['delayed-license', 'non-compete', 'evaluation-only'],
  '141-Uniswap__v3-core/LICENSE': ['delayed-license', 'evaluation-only'],
  '142-dragonflydb__dragonfly/LICENSE.md': ['delayed-license', 'non-compete'],
  '144-surrealdb__surrealdb/LICENSE': ['delayed-license', 'evaluation-only'],
  '146-mongodb-js__compass/LICENSE': ['hosted-service'],
  '147-inngest__inngest/LICENSE.md': ['hosted-service'],
  '150-airbytehq__airbyte-platform/LICENSE': ['hosted-service'],
  '151-outofcoffee__imposter/LICENSE': ['no-sale'],
  '153-getsentry__sentry/LICENSE.md': ['non-compete', 'delayed-license'],
  '155-liquibase__liquibase/LICENSE.txt': ['non-compete', 'delayed-license'],
  '156-getumbrel__umbrel/LICENSE.md': ['non-commercial'],
  '157-n8n-io__n8n/LICENSE.md': ['non-commercial', 'no-sale', 'personal-use-only'],
  '163-meta-llama__llama3/LICENSE': ['user-threshold', 'acceptable-use', 'no-improving-other-models', 'branding-duty'],
  '170-CompVis__stable-diffusion/LICENSE': ['acceptable-use', 'field-of-use', 'downstream-restrictions', 'remote-restriction'],
  '171-Stability-AI__generative-models/LICENSE-SDXL1.0': ['acceptable-use', 'field-of-use', 'downstream-restrictions'],
  '172-Stability-AI__generative-models/LICENCE-SD-Turbo': ['non-commercial', 'acceptable-use', 'revocable'],
  '173-Stability-AI__generative-models/LICENSE-SVD': ['non-commercial', 'acceptable-use', 'revocable'],
  '176-deepseek-ai__DeepSeek-LLM/LICENSE-MODEL': ['acceptable-use', 'field-of-use', 'downstream-restrictions'],
  '177-QwenLM__Qwen-VL/LICENSE': ['user-threshold', 'no-improving-other-models'],
  '178-QwenLM__Qwen/Tongyi Qianwen RESEARCH LICENSE AGREEMENT': ['research-only', 'non-commercial', 'no-improving-other-models'],
  '179-THUDM__ChatGLM2-6B/MODEL_LICENSE': ['field-of-use', 'revocable'],
  '180-THUDM__ChatGLM-6B/MODEL_LICENSE': ['field-of-use', 'revocable'],
  '182-THUDM__CogVideo/MODEL_LICENSE': ['research-only', 'approval-before-use', 'field-of-use', 'revocable'],
  '184-fishaudio__fish-speech/LICENSE': ['research-only', 'non-commercial', 'no-improving-other-models', 'revocable'],
  '213-deep-floyd__IF/LICENSE-MODEL': ['non-commercial', 'research-only', 'field-of-use', 'persons-or-places', 'revocable'],
  '214-Stability-AI__stablediffusion/LICENSE-MODEL': ['acceptable-use', 'field-of-use', 'downstream-restrictions'],
  '215-MiniMax-AI__MiniMax-01/LICENSE-MODEL': ['field-of-use'],
  '216-jasonppy__VoiceCraft/LICENSE-MODEL': ['non-commercial'],
};

const restrictiveCategories = new Set(['ai-model', 'source-available', 'modified']);

test('every AI, source-available and modified license of ../shared/license-texts gets a clause of a right kind, read as if unknown; coverage per kind', (context) => {
  if (!existsSync(join(licenseTextsDir, 'truth.json'))) {
    context.skip(`the real LICENSE files are not at ${licenseTextsDir} (they sit beside the clone as ../shared/license-texts)`);
    return;
  }
  const truth = JSON.parse(readFileSync(join(licenseTextsDir, 'truth.json'), 'utf8')) as Record<string, { category: string }>;
  const files = Object.entries(truth).filter(([, entry]) => restrictiveCategories.has(entry.category)).map(([file]) => file);
  assert.deepEqual(files.filter((file) => !expectedKinds[file]), [], 'every restrictive file has expected kinds here');
  const perKind = new Map<string, { expected: number; found: number }>();
  const missed: string[] = [];
  const lines: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(licenseTextsDir, 'files', file), 'utf8');
    // as if unknown: no identification, the clauses alone decide
    const verdict = judgeLicenseText(file.split('/').pop()!, text, { license: null, confidence: 0, method: 'none', parts: [] });
    const kinds = new Set(verdict.clauses.map((clause) => clause.kind));
    const expected = expectedKinds[file];
    for (const kind of expected) {
      const entry = perKind.get(kind) ?? { expected: 0, found: 0 };
      entry.expected++;
      if (kinds.has(kind)) entry.found++;
      perKind.set(kind, entry);
    }
    const right = expected.filter((kind) => kinds.has(kind));
    if (right.length === 0) missed.push(`${file}: expected ${expected.join(' or ')}, found ${[...kinds].join(', ') || 'nothing'}`);
    assert.match(verdict.license ?? '', /^LicenseRef-custom-text-/u, file);
    assert.match(verdict.note ?? '', /\(line \d+: “.+”\) — not open source \(OSD \d+\)$/u, file);
    lines.push(`  ${file}: ${right.length}/${expected.length} expected kinds (${[...kinds].join(', ')})`);
  }
  context.diagnostic(`coverage per kind (files where a reviewer expects it / where it is found):\n${[...perKind].sort().map(([kind, entry]) => `  ${kind}: ${entry.found}/${entry.expected}`).join('\n')}\nper file:\n${lines.join('\n')}`);
  assert.deepEqual(missed, []);
});

/** The catalog's restriction kinds (data/aiLicenses.json), as the clause kinds that state them. */
const catalogKinds: Record<string, string[]> = {
  'acceptable-use': ['acceptable-use'],
  'use-based': ['acceptable-use', 'field-of-use'],
  attribution: ['branding-duty'],
  naming: ['branding-duty'],
  'non-commercial': ['non-commercial', 'research-only'],
  'research-only': ['research-only', 'non-commercial'],
  // the catalog's catch-all for source-available terms: production, competing, selling, hosting
  'field-of-use': ['field-of-use', 'acceptable-use', 'non-compete', 'evaluation-only', 'delayed-license', 'no-sale', 'hosted-service'],
  'user-threshold': ['user-threshold'],
  'revenue-threshold': ['revenue-threshold'],
  'remote-restriction': ['remote-restriction'],
  'no-improving-other-models': ['no-improving-other-models'],
  regional: ['persons-or-places'],
  'hosted-service': ['hosted-service'],
  revocable: ['revocable'],
};

test('the catalog\'s restrictions of each known license are found in its real text', (context) => {
  if (!existsSync(join(licenseTextsDir, 'truth.json'))) {
    context.skip(`the real LICENSE files are not at ${licenseTextsDir}`);
    return;
  }
  const truth = JSON.parse(readFileSync(join(licenseTextsDir, 'truth.json'), 'utf8')) as Record<string, { truth: string | null }>;
  const missed: string[] = [];
  let checked = 0;
  for (const [file, entry] of Object.entries(truth)) {
    const known = entry.truth ? aiLicense(entry.truth) : undefined;
    if (!known) continue;
    const found = new Set(findRestrictiveClauses(readFileSync(join(licenseTextsDir, 'files', file), 'utf8')).map((clause) => clause.kind));
    // a restriction the catalog takes from elsewhere ("per the README") is not in the text
    for (const restriction of known.restrictions.filter((candidate) => !/\bREADME\b/u.test(candidate.text))) {
      checked++;
      if (!(catalogKinds[restriction.kind] ?? [restriction.kind]).some((kind) => found.has(kind))) missed.push(`${file} (${known.id}): ${restriction.kind} “${restriction.text}”`);
    }
  }
  assert.ok(checked >= 20, `${checked} catalog restrictions checked`);
  assert.deepEqual(missed, []);
});

test('the ordinary open licenses of ../shared/license-texts have no clause', (context) => {
  if (!existsSync(join(licenseTextsDir, 'truth.json'))) {
    context.skip(`the real LICENSE files are not at ${licenseTextsDir}`);
    return;
  }
  const truth = JSON.parse(readFileSync(join(licenseTextsDir, 'truth.json'), 'utf8')) as Record<string, { category: string; truth: string | null }>;
  const open = Object.entries(truth).filter(([, entry]) => entry.truth && spdxLicense(entry.truth)?.osiApproved);
  assert.ok(open.length > 80);
  const wrong = open.flatMap(([file]) => findRestrictiveClauses(readFileSync(join(licenseTextsDir, 'files', file), 'utf8')).map((clause) => `${file}: ${clause.kind} “${clause.excerpt}”`));
  assert.deepEqual(wrong, []);
});

test('the modified Apache licenses of ../shared/license-texts: an "open-source" claim over them is openwashing with the clause cited; `license: apache-2.0` over them is a mismatch', (context) => {
  if (!existsSync(join(licenseTextsDir, 'truth.json'))) {
    context.skip(`the real LICENSE files are not at ${licenseTextsDir}`);
    return;
  }
  const modified = ['050-TEN-framework__ten-framework/LICENSE', '158-nocobase__nocobase/LICENSE.txt', '186-langgenius__dify/LICENSE', '188-lobehub__lobe-chat/LICENSE', '190-opendatalab__MinerU/LICENSE.md'];
  for (const file of modified) {
    const name = file.split('/').pop()!;
    const license = { path: name, text: readFileSync(join(licenseTextsDir, 'files', file), 'utf8') };
    const claimed = audit([license, { path: 'README.md', text: '# Tool\n\nTool is an open-source platform.\n' }]);
    const claim = claimed.findings.find((finding) => finding.file === 'README.md' && finding.rule === 'claim-non-osi-license');
    assert.ok(claim, `${file}: ${claimed.findings.map((finding) => `${finding.rule}: ${finding.message}`).join('\n')}`);
    assert.match(claim.message, new RegExp(`${name.replace(/[.]/gu, '\\.')} [a-z, -]+ \\(line \\d+\\) — not open source \\(OSD \\d\\)`, 'u'), file);
    const related = claim.related.find((entry) => entry.file === name);
    assert.ok(related && claimed.findings.some((finding) => finding.rule === 'restrictive-clause' && finding.span.start === related.span.start), `${file}: the claim points at the clause`);
    assert.ok(claimed.findings.every((finding) => finding.rule !== 'restrictive-clause' || (finding.file === name && finding.severity === 'info')), file);
    // a model card that says apache-2.0 over a text that adds conditions: the two disagree
    const declared = audit([license, { path: 'README.md', text: '---\nlicense: apache-2.0\n---\n# Tool\n\nA tool.\n' }]);
    assert.ok(declared.findings.some((finding) => finding.rule === 'license-mismatch' && finding.file === 'README.md'), `${file}: no license-mismatch on the front matter`);
  }
});

/** Custom model licenses of ../shared/corpus: their LICENSE-like file, as the projects hold them. */
const corpusModelLicenses = [
  'MiniMax-AI__MiniMax-01/LICENSE-MODEL',
  'QwenLM__Qwen-VL/LICENSE',
  'Stability-AI__stablediffusion/LICENSE-MODEL',
  'Stability-AI__generative-models/model_licenses/LICENSE-SDXL0.9',
  'THUDM__ChatGLM2-6B/MODEL_LICENSE',
  'THUDM__ChatGLM3/MODEL_LICENSE',
  'databricks__dbrx/LICENSE',
  'deep-floyd__IF/LICENSE-MODEL',
  'deepseek-ai__DeepSeek-LLM/LICENSE-MODEL',
  'jasonppy__VoiceCraft/LICENSE-MODEL',
  'meta-llama__llama3/LICENSE',
];

test('the custom model licenses of ../shared/corpus, under an "open-source model" claim: not open source, the clause cited and pointed at', (context) => {
  if (!existsSync(corpusDir)) {
    context.skip(`the labelled corpus is not at ${corpusDir} (it sits beside the clone as ../shared/corpus)`);
    return;
  }
  for (const path of corpusModelLicenses) {
    const name = path.split('/').pop()!;
    const text = readFileSync(join(corpusDir, path), 'utf8');
    const result = audit([{ path: name, text }, { path: 'README.md', text: '# Model\n\nOur open-source model for everyone.\n' }]);
    const claim = result.findings.find((finding) => finding.rule === 'claim-non-osi-license');
    assert.ok(claim, `${path}: ${result.findings.map((finding) => finding.rule).join(', ')}`);
    const clauses = result.findings.filter((finding) => finding.rule === 'restrictive-clause');
    assert.ok(clauses.length > 0, path);
    // the related location is the cited clause, one of those shown in the file
    const related = claim.related.find((entry) => entry.file === name)!;
    assert.ok(clauses.some((clause) => clause.span.start === related.span.start), `${path}: the claim points at a clause`);
    // an unknown text is named by its file, the message names the clause with its line, the related location quotes it
    if (/custom license/u.test(claim.message)) assert.match(claim.message, /\(line \d+\) — not open source \(OSD \d\)/u, path);
    assert.match(related.message, /line \d+: “[^”]+”/u, path);
  }
});
