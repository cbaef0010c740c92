// A short license notice instead of a license text: "Licensed under the
// Apache License, Version 2.0 …", "… under the terms of the GNU Lesser General
// Public License as published by the Free Software Foundation, either version
// 3 of the License, or (at your option) any later version." The notice names
// the license; a notice that names several, or points elsewhere for some
// parts, is a pointer (`null`), unless it offers a choice between licenses
// that are all known (an `OR` expression). Conditions added to the notice
// make it `LicenseRef-modified-<id>`.
import { findLicenseMentions } from './licenseMentions.js';
import { findAddedTerms, saysDualLicensed } from './addedTerms.js';
import { gnuNoticeVariant } from './gnuVariant.js';

const noticeLead = /\b(?:licen[sc]ed|released|distributed|available|provided|offered)\s+(?:pursuant\s+to|under)\s+(?:the\s+)?(?:terms\s+of\s+(?:the\s+)?)?|\bunder\s+the\s+terms\s+of\s+(?:the\s+)?|\bincorporates\s+(?:and\s+references\s+)?the\s+(?:full\s+)?text\s+of\s+(?:the\s+)?/giu;
const gnuName = /\b(?:GNU\s+)?(Affero\s+|Lesser\s+|Library\s+)?General\s+Public\s+Licen[sc]e\b/giu;
const additionalTerms = /\b(?:additional|supplementary|supplemental|following)\s+(?:terms|conditions)\b/iu;

export interface NoticeIdentification {
  license: string;
  confidence: number;
  basedOn?: string;
  addedText?: string;
}

/** The GNU license a notice names with its version, -only or -or-later as the notice says. */
function gnuNotice(text: string): string | undefined {
  for (const match of text.matchAll(gnuName)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 240);
    const version = /\bversion\s+(\d(?:\.\d)?)\b|\bv(\d(?:\.\d)?)\b/iu.exec(after);
    if (!version) continue;
    const family = match[1] ? (/^affero/iu.test(match[1]) ? 'AGPL' : 'LGPL') : 'GPL';
    let number = version[1] ?? version[2];
    if (!number.includes('.')) number = family === 'LGPL' && number === '2' ? '2.1' : `${number}.0`;
    const variant = gnuNoticeVariant(after.slice(0, (version.index ?? 0) + 120));
    return `${family}-${number}-${variant ?? 'only'}`;
  }
  return undefined;
}

export function identifyNotice(text: string, wordCount: number): NoticeIdentification | undefined {
  const modified = additionalTerms.test(text);
  if (wordCount > (modified ? 4000 : 400)) return undefined;
  const named = new Set<string>();
  let unknown = 0;
  for (const lead of text.matchAll(noticeLead)) {
    const after = lead.index + lead[0].length;
    const following = text.slice(after, after + 120);
    if (/^(?:GNU\s+)?(?:Affero\s+|Lesser\s+|Library\s+)?General\s+Public/iu.test(following)) {
      const gnu = gnuNotice(text.slice(after, after + 400));
      if (gnu) {
        named.add(gnu);
        continue;
      }
    }
    const mention = findLicenseMentions(following.slice(0, 80)).find((candidate) => candidate.start <= 4 && candidate.id);
    if (mention?.id) named.add(mention.id);
    else if (/^(?:an?\s+|the\s+|this\s+)?(?:[\w.+-]+\s+){1,5}licen[cs]e\b/iu.test(following.slice(0, 60))) unknown++;
  }
  if (named.size === 0) for (const id of titleLines(text)) named.add(id);
  if (named.size === 0) return undefined;
  const choice = saysDualLicensed(text);
  if (unknown > 0 || (choice && named.size < 2)) return undefined;
  if (named.size > 1) return choice ? { license: [...named].join(' OR '), confidence: 0.7 } : undefined;
  const license = [...named][0];
  const added = findAddedTerms(text);
  if (added && !license.includes(' ')) return { license: `LicenseRef-modified-${license}`, confidence: 0.7, basedOn: license, addedText: added };
  return { license, confidence: 0.8 };
}

/** Licenses named by lines that hold nothing else ("Creative Commons Attribution 4.0 International License (CC BY 4.0)" and its URL). */
function titleLines(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split(/\r?\n/u)) {
    const mentions = findLicenseMentions(line).filter((mention) => mention.id);
    if (mentions.length === 0) continue;
    let rest = line;
    for (const mention of [...mentions].reverse()) rest = rest.slice(0, mention.start) + ' ' + rest.slice(mention.end);
    const leftover = rest.replace(/https?:\/\/\S+/gu, ' ').replace(/\b(?:the|licen[cs]e|international|version|v)\b/giu, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (leftover.split(' ').filter(Boolean).length <= 1) found.push(...mentions.map((mention) => mention.id!));
  }
  return [...new Set(found)];
}
