// What a README says about its own license: the "License" section, license
// badges (shields.io static badges), and "released under the X License"
// sentences elsewhere in its prose.
import type { Declaration, DeclarationScope, Span } from '../types.js';
import { findLicenseMentions } from '../licenses/licenseMentions.js';
import { proprietary, resolveLicenseName } from '../licenses/resolveLicense.js';
import { aiLicenses, catalogId, describeLicense } from '../licenses/licenseKnowledge.js';
import type { LinkTarget } from '../markdown/references.js';
import { sourceSpan, type ProseBlock } from '../markdown/proseBlocks.js';
import type { DocumentImage } from '../markdown/references.js';
import { makeDeclaration } from './declarationTypes.js';
import { modelWords } from '../claims/phrases.js';
import { readmeClausesDeclaration, readmeSectionClauses } from './readmeSectionClauses.js';

// A heading about licensing: "License", "Model License", "Open Source License", "License and Citation",
// "Licensing", "Terms of use" — not a title that merely contains the word ("License Claims").
const LICENSE_WORD = String.raw`(?:licen[cs]e[sd]?|licensing|lizenz(?:ierung|en)?|licencias?)`;
const licenseHeading = new RegExp(String.raw`(?:^|\s)${LICENSE_WORD}$|^${LICENSE_WORD}(?:\s+(?:and|&|und|et|y)\s+\S+|\s+(?:information|info|agreement|terms|notice|details|summary))?$|^terms\s+of\s+use$|^nutzungsbedingungen$`, 'iu');
const notOwnLicenseHeading = /(?<!\w)third[\s-]?party\b|(?<!\w)dependenc/iu;
const codeWords = /(?<!\w)(?:code|source code|codebase|repository|repo|implementation|scripts?|software|inference code|training code|quelltext|código)\b/iu;

/** Prose terms that keep a model from being open: research-only, non-commercial, commercial use by permission. */
const modelRestriction = /(?<!\w)(?:(?:only\s+)?for\s+(?:academic|non-?commercial|research)\s+(?:research|purposes|use)(?:\s+only)?|non-?commercial\s+(?:use|purposes)(?:\s+only)?|research\s+(?:use|purposes)\s+only|commercial\s+(?:use|usage)\s+(?:\w+\s+){0,3}(?:with|after|requires?|needs?|subject\s+to)\s+(?:\w+\s+){0,2}(?:permission|authori[sz]ation|approval|registration|application|license))/iu;

/**
 * What a sentence or section is about when it is not the project: its logo,
 * artwork, documentation, website, a specification, translations ("The logo is
 * licensed under CC-BY-SA-4.0" under a "Logo" heading declares the logo's license).
 */
const otherSubjectWords = String.raw`(?:logos?|icons?|artwork|images?|mascot|illustrations?|screenshots?|documentation|docs|website|site|specification|spec|fonts?|translations?|trademarks?|brand(?:ing)?|assets?|examples?|samples?)`;
const otherSubjectSentence = new RegExp(String.raw`^[\s\W]*(?:(?:the|our|its|all|this|these|project(?:'s)?|[\x60"“]?[\p{L}\p{N}][\w.-]*[\x60"”]?(?:'s|’s))\s+){0,2}(?:\p{L}+\s+)?${otherSubjectWords}\b`, 'iu');
/**
 * A sentence about a dependency's license: "X uses parts of the C library
 * "decNumber", which is distributed under the ICU License" declares the
 * library's license, not the project's.
 */
const dependencySentence = /(?<!\w)(?:uses|includes|bundles|contains|incorporates|vendors|embeds|ships)\b[^.]{0,100}?\b(?:librar(?:y|ies)|modules?|packages?|components?|dependenc(?:y|ies)|code)\b[^.]{0,60}?\b(?:which|that)\s+(?:is|are)\s+(?:distributed|licen[sc]ed|released|available)\b/iu;
const otherSubjectHeading = new RegExp(String.raw`(?<!\w)${otherSubjectWords}\b`, 'iu');

/** Whether a sentence (or the section it sits in) is about something other than the project. */
export function aboutSomethingElse(sentence: string, sections: { text: string }[]): boolean {
  const innermost = sections[sections.length - 1];
  if (innermost && !isLicenseHeading(innermost.text) && otherSubjectHeading.test(innermost.text)) return true;
  return otherSubjectSentence.test(sentence) || dependencySentence.test(sentence);
}

/**
 * A change license or change date: terms that apply in the future ("It also
 * becomes MIT after 2 years", BUSL's "Change License: Apache 2.0"); the
 * license that applies now is the other one.
 */
export const futureTerms = /(?<!\w)(?:becomes?|will\s+(?:be(?:come)?|convert|change|switch|transition)|convert(?:s|ed)?\s+to|change[\s-]+(?:date|license)|after\s+(?:\d+|two|three|four|five)\s+years|on\s+the\s+change\s+date)\b/iu;

/** "Proprietary.", "All rights reserved.": a License section that grants no public license. */
const noPublicLicense = /(?<!\w)proprietary\b|(?<!\w)all\s+rights\s+reserved\b|(?<!\w)closed[\s-]source\b/iu;

// Every block asks about each heading above it, on every judgment: a document's few distinct headings are judged once.
const licenseHeadings = new Map<string, boolean>();

export function isLicenseHeading(text: string): boolean {
  let known = licenseHeadings.get(text);
  if (known === undefined) {
    const words = text.replace(/[^\p{L}\p{N}&\s-]+/gu, ' ').replace(/\s+/gu, ' ').trim();
    known = licenseHeading.test(words) && !notOwnLicenseHeading.test(words);
    if (text.length <= 1000) {
      if (licenseHeadings.size >= 4096) licenseHeadings.clear();
      // a copy: a heading sliced from a document would keep the whole text alive
      licenseHeadings.set(Buffer.from(text, 'utf16le').toString('utf16le'), known);
    }
  }
  return known;
}

export function inLicenseSection(block: ProseBlock): boolean {
  return block.sections.some((heading) => isLicenseHeading(heading.text)) || (block.kind === 'heading' && isLicenseHeading(block.text));
}

export function scopeOf(sentence: string, sectionHeading: string | undefined): DeclarationScope {
  const aboutModel = modelWords.test(sentence) || (sectionHeading !== undefined && modelWords.test(sectionHeading));
  const aboutCode = codeWords.test(sentence) || (sectionHeading !== undefined && codeWords.test(sectionHeading));
  if (aboutModel && !aboutCode) return 'model';
  if (aboutCode && !aboutModel) return 'code';
  return 'all';
}

function sentences(text: string): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?;](?=\s|$)|\n/gu)) {
    // "Version 2.0." ends a sentence; "2.0" does not
    result.push({ start, end: match.index + 1 });
    start = match.index + 1;
  }
  if (start < text.length) result.push({ start, end: text.length });
  return result;
}

type WithResolved = ReturnType<typeof makeDeclaration>;

function mentionDeclaration(file: string, id: string | undefined, raw: string, span: Span, source: Declaration['source'], label: string, scope: DeclarationScope): WithResolved {
  const resolved = id ? { expression: id, deprecatedIds: [] } : resolveLicenseName(raw);
  return makeDeclaration(resolved, { source, file, span, raw, label, strictSpdx: false, scope });
}

/**
 * Declarations in the README's License section(s). `text` (the whole file) lets
 * the section's restrictive clauses ("for research purposes only", "may not be
 * used to improve other large language models") be cited by their lines.
 */
export function licenseSectionDeclarations(file: string, blocks: ProseBlock[], text?: string): WithResolved[] {
  const declarations: WithResolved[] = [];
  const source = text;
  let proprietarySite: { block: ProseBlock; start: number; end: number; text: string } | undefined;
  // the declarations of a sentence ending in ":" ("The following components are MIT licensed:"), until its list ends
  let listed: WithResolved[] = [];
  for (const block of blocks) {
    if (block.listItem && listed.length > 0 && inLicenseSection(block)) {
      const part = partName(block);
      for (const declaration of listed) if (part) (declaration.covers ??= []).push(part);
    } else if (!block.listItem) {
      listed = [];
    }
    // a block quote in a License section quotes someone else (a specification's own license)
    if (!inLicenseSection(block) || block.quoted) continue;
    const heading = [...block.sections].reverse().find((section) => isLicenseHeading(section.text))?.text ?? (block.kind === 'heading' ? block.text : undefined);
    for (const code of block.codes ?? []) {
      // `CC BY-NC 4.0` written as code in a License section still names the license
      for (const mention of findLicenseMentions(code.text)) {
        if (!mention.id) continue;
        const span = { start: block.base + code.offset + mention.start, end: block.base + code.offset + mention.end };
        declarations.push(mentionDeclaration(file, mention.id, mention.text, span, 'readme-section', `README License section (${describeLicense(mention.id).name})`, heading && modelWords.test(heading) ? 'model' : 'all'));
      }
    }
    for (const sentence of sentences(block.text)) {
      const text = block.text.slice(sentence.start, sentence.end);
      if (block.kind !== 'heading' && (aboutSomethingElse(text, block.sections) || futureTerms.test(text))) continue;
      const noLicense = noPublicLicense.exec(text);
      if (noLicense && !proprietarySite) proprietarySite = { block, start: sentence.start + noLicense.index, end: sentence.start + noLicense.index + noLicense[0].length, text: noLicense[0] };
      // a heading ("## License: MIT") may name a known license; custom names come from sentences only
      const mentions = findLicenseMentions(text, { custom: block.kind !== 'heading' });
      const restriction = mentions.length === 0 ? modelRestriction.exec(text) : null;
      // a sentence that names no license is read as a license text is: its restrictive clauses are the terms
      const clauses = mentions.length === 0 && block.kind !== 'heading' && source !== undefined ? readmeSectionClauses(source, block, sentence.start, sentence.end) : [];
      // once per sentence, not per mention: a long sentence can name thousands of licenses
      const scope = restriction || clauses.length > 0 || mentions.length > 0 ? scopeOf(text, heading) : 'all';
      if (clauses.length > 0) {
        declarations.push(readmeClausesDeclaration(file, clauses, scope));
      } else if (restriction && scope === 'model') {
        const start = sentence.start + restriction.index;
        declarations.push(makeDeclaration(
          { expression: 'LicenseRef-README-model-terms', note: `the README allows the model ${restriction[0].replace(/\s+/gu, ' ').trim()}`, deprecatedIds: [] },
          { source: 'readme-section', file, span: sourceSpan(block, start, start + restriction[0].length), raw: restriction[0], label: 'README License section (terms for the model)', strictSpdx: false, scope: 'model' },
        ));
      }
      const introducesList = /:\s*$/u.test(text);
      if (introducesList) listed = [];
      for (const mention of mentions) {
        const start = sentence.start + mention.start;
        const declaration = mentionDeclaration(
          file, mention.id, mention.text, sourceSpan(block, start, sentence.start + mention.end), 'readme-section',
          `README License section (${mention.id ? describeLicense(mention.id).name : mention.text})`, scope,
        );
        declarations.push(declaration);
        if (introducesList) listed.push(declaration);
      }
    }
  }
  // a License section that names no license but says "Proprietary" or "All rights reserved" declares that there is none
  if (declarations.length === 0 && proprietarySite) {
    const { block, start, end, text } = proprietarySite;
    declarations.push(makeDeclaration(proprietary(`the README License section (“${text}”)`), {
      source: 'readme-section', file, span: sourceSpan(block, start, end), raw: text, label: `README License section (${text})`, strictSpdx: false, scope: 'all',
    }));
  }
  return declarations;
}

/** The name of a listed part: its leading link's text, or its words up to "found in", a parenthesis or a full stop. */
function partName(block: ProseBlock): string | undefined {
  const lead = block.links[0];
  const text = lead && block.text.slice(0, lead.start).trim() === '' ? block.text.slice(lead.start, lead.end) : block.text.split(/\s+(?:found|as\s+found|in\s+the)\s|\(|\.(?:\s|$)/u)[0];
  const name = text.trim().replace(/[.:;,]+$/u, '');
  return name.length >= 6 && name.length <= 120 ? name : undefined;
}

/** A shields.io static badge: `/badge/<label>-<message>-<color>`. */
function badgeParts(url: string): { label: string; message: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/(?:^|\.)shields\.io$|badgen\.net$/iu.test(parsed.hostname)) return undefined;
  const match = /\/badge\/(.+)$/u.exec(parsed.pathname);
  if (!match) return undefined;
  let body: string;
  try {
    body = decodeURIComponent(match[1]).replace(/\.(?:svg|png|json)$/u, '');
  } catch {
    // a malformed escape (`%E0%A4%A`): not a badge anyone can read
    return undefined;
  }
  const parts = body.replace(/--/gu, '\u0000').split('-').map((part) => part.replace(/\u0000/gu, '-').replace(/__/gu, '\u0001').replace(/_/gu, ' ').replace(/\u0001/gu, '_').trim());
  if (parts.length >= 3) return { label: parts[0], message: parts.slice(1, -1).join('-') };
  if (parts.length === 2) return { label: parsed.searchParams.get('label') ?? '', message: parts[0] };
  return undefined;
}

/** License badges: a badge labelled "license" (or whose alt text says so) with a license as its message. */
export function badgeDeclarations(file: string, images: DocumentImage[]): WithResolved[] {
  const declarations: WithResolved[] = [];
  for (const image of images) {
    const badge = badgeParts(image.url);
    if (!badge || !/licen[cs]e/iu.test(`${badge.label} ${image.alt}`)) continue;
    const message = badge.message;
    const mention = findLicenseMentions(message).find((candidate) => candidate.id);
    const resolved = mention?.id ?? resolveLicenseName(message).expression;
    if (!resolved && /^(?:custom|other|see|view|unknown|license)$/iu.test(message)) continue;
    declarations.push(mentionDeclaration(file, resolved, message, image.span, 'readme-badge', `README license badge (${message})`, scopeOf(`${badge.label} ${image.alt}`, undefined)));
  }
  return declarations;
}

/** A catalogued license's canonical address, without scheme, "www." or a trailing slash, lower-case. */
function addressKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./u, '')}${parsed.pathname.replace(/\/+$/u, '')}`.toLowerCase();
  } catch {
    return undefined;
  }
}

const catalogAddresses = new Map(aiLicenses.flatMap((entry) => {
  const key = entry.url ? addressKey(entry.url) : undefined;
  return key ? [[key, entry] as const] : [];
}));

/** The catalogued license addresses (host and path, as addressKey gives them), as one case-insensitive test of raw text. */
const catalogAddressText = new RegExp([...catalogAddresses.keys()].map((key) => key.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|') || '(?!)', 'iu');

/**
 * Whether `text` may hold a link to a catalogued license: it names one of their addresses (a port, an
 * escaped host or a path that URL parsing normalizes, such as `a/../b`, is not looked for).
 */
export function mayLinkToCataloguedLicense(text: string): boolean {
  return catalogAddressText.test(text);
}

/**
 * A link to a catalogued model license ("see the [model license](https://ai.google.dev/gemma/terms)")
 * declares that license for the model, unless the README already names it.
 */
export function licenseLinkDeclarations(file: string, links: LinkTarget[], already: Declaration[]): WithResolved[] {
  const declarations: WithResolved[] = [];
  for (const link of links) {
    const key = addressKey(link.url);
    const entry = key ? catalogAddresses.get(key) : undefined;
    if (!entry) continue;
    const id = catalogId(entry);
    if ([...already, ...declarations].some((declaration) => declaration.expression === id)) continue;
    const scope: DeclarationScope = entry.category === 'source-available' ? 'all' : 'model';
    declarations.push(makeDeclaration({ expression: id, deprecatedIds: [] }, { source: 'readme-prose', file, span: link.span, raw: link.url, label: `README link to the ${entry.shortName}`, strictSpdx: false, scope }));
  }
  return declarations;
}
