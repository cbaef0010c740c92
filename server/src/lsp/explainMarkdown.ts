// `license-claims explain` as a Markdown page for the editor ("License
// Claims: Explain License…" and the hover's Explain link): what the bundled
// knowledge says about one license, its restrictions in full, and the pages
// to read more, as titles and links.
import { explainLicense, type Explanation } from '../engine/licenses/explainLicense.js';
import { identifyLicenseText } from '../engine/licenses/identifyLicenseText.js';
import { literalMarkdown } from './markdownText.js';

const yesNo = (value: boolean | null) => (value === null ? 'cannot tell (it names no single license)' : value ? 'yes' : 'no');

export function explanationMarkdown(explanation: Explanation, heading?: string): string {
  const lines = [
    `# ${literalMarkdown(explanation.name)}`,
    '',
    '<!-- license-claims-disable -->',
    '',
    ...(heading ? [literalMarkdown(heading), ''] : []),
    `| | |`,
    `| --- | --- |`,
    `| Identifier | \`${explanation.id}\` |`,
    `| OSI-approved | ${yesNo(explanation.osiApproved)} |`,
    `| FSF free/libre | ${yesNo(explanation.fsfLibre)} |`,
    ...(explanation.deprecated ? ['| SPDX status | deprecated id |'] : []),
    ...(explanation.huggingFaceId ? [`| Hugging Face id | \`${explanation.huggingFaceId}\` |`] : []),
  ];
  if (explanation.reason) lines.push('', '## Why it is not open source', '', `${literalMarkdown(explanation.reason.charAt(0).toUpperCase() + explanation.reason.slice(1))}.`);
  if (explanation.restrictions.length > 0) {
    lines.push('', '## Restrictions', '');
    for (const restriction of explanation.restrictions) lines.push(`- **${restriction.kind.replace(/-/gu, ' ')}**: ${literalMarkdown(restriction.text)}`);
  }
  if (explanation.note) lines.push('', '## Note', '', literalMarkdown(explanation.note));
  if (explanation.sources.length > 0) {
    lines.push('', '## Read more', '');
    for (const source of explanation.sources) lines.push(`- [${literalMarkdown(source.title)}](<${source.url}>)`);
  }
  return `${lines.join('\n')}\n`;
}

/** The explanation of a license id or name, or of the license a LICENSE text is identified as. */
export function explainQuery(query: string | undefined, licenseText: { name: string; text: string } | undefined): { id: string; name: string; markdown: string } | null {
  if (query?.trim()) {
    const explanation = explainLicense(query.trim());
    return explanation ? { id: explanation.id, name: explanation.name, markdown: explanationMarkdown(explanation) } : null;
  }
  if (!licenseText) return null;
  const identified = identifyLicenseText(licenseText.text);
  const explanation = identified.license ? explainLicense(identified.license) : undefined;
  if (!explanation) return null;
  const how = identified.method === 'full-text' ? `its text matches ${Math.round(identified.confidence * 100)}%` : 'phrases of its text';
  return { id: explanation.id, name: explanation.name, markdown: explanationMarkdown(explanation, `${licenseText.name} is identified as this license (${how}).`) };
}
