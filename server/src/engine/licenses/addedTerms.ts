// The text of a LICENSE file that the license it holds does not account for:
// a preface, a scope note ("files under ee/ are licensed separately"), a
// third-party notice, a trademark sentence — none of which changes the
// license — or an added condition ("you may not use it to operate a
// multi-tenant SaaS service", "a commercial license must be obtained…"), which
// makes it another license: `LicenseRef-modified-<id>`.

// what an added condition says (never a generic "shall not": "shall not be used in advertising" is in many licenses)
const restriction = /\byou\s+(?:may|must|shall|can)\s*not\b|\bmay\s+not\s+(?:be\s+used\s+(?:to|for)\s+(?:compet|commercial)|remove|modify|alter|host|deploy|use\s+the)\b|\bnot\s+permitted\b|\bprohibit(?:ed|s)?\b|\bcommercial\s+licen[cs]e\b|\bseparate\s+licen[cs]e\b|\b(?:you|licensee)\s+(?:must|shall|are\s+required\s+to)\s+(?:obtain|contact|display|pay|purchase|acquire|clearly|prominently|indicate|request|notify)\b|\bmonthly\s+active\s+users\b|\bthe\s+right\s+to\s+sell\b|\bdoes\s+not\s+grant\s+to\s+you\b|\bcompet(?:e|es|ing|itor|itive)\b|\bmulti[\s-]?tenant\b|\brevenue\b|\bnon[\s-]?commercial\s+(?:use|purposes?)\s+only\b|\bonly\s+for\s+(?:non[\s-]?commercial|research|academic|personal)\b/iu;
// what a scope note, a pointer or a trademark sentence says
const scope = /\bfiles?\b|\bfile\s*names?\b|\bdirname\b|\bdirector(?:y|ies)\b|\bfolders?\b|\bbranch(?:es)?\b|\bsub-?(?:directories|projects?|modules?)\b|\bthird[\s-]+party\s+(?:components?|software|code|librar(?:y|ies)|notices?|licen[cs]es?|dependencies|packages?|materials?|works?)\b|\bcomponents?\b|\btrademarks?\b|\bis\s+(?:licensed|available)\s+separately\b/iu;
// the sentences of a standard notice
const boilerplate = /\bexcept\s+in\s+compliance\s+with\s+the\s+licen[cs]e\b|\bwithout\s+warranties\s+or\s+conditions\b|\bin\s+the\s+hope\s+that\s+it\s+will\s+be\s+useful\b|\bwithout\s+any\s+warranty\b|\bclaim\s+that\s+you\s+wrote\b|\bmisrepresented\b/iu;

/** "MIT License", "## Additional terms", "TERMS AND CONDITIONS": a title, not the start of a sentence. */
function isHeading(line: string): boolean {
  const body = line.trim();
  return /^#/u.test(body) || (body === body.toUpperCase() && /\p{Lu}/u.test(body)) || /\b(?:licen[cs]e|terms|conditions|agreement|section|appendix|exhibit)\b/iu.test(body);
}

function sentences(text: string): string[] {
  return text
    // a heading line ("MIT License", "## Additional terms") is not part of the sentence after it
    .replace(/^([^\n.;:,!?]{1,60})\n(?=\s*\S)/gmu, (line, heading: string) => (isHeading(heading) ? `${heading}\n\n` : line))
    .split(/(?<=[.!?;:。；])\s+|\n\s*\n|\n\s*(?=(?:\d+\.|[a-z]\.|[-*•]|\(\w\))\s)/u)
    .map((sentence) => sentence.replace(/\s+/gu, ' ').trim())
    .filter((sentence) => sentence.split(' ').length >= 5);
}

/** The added conditions in text a license does not account for, joined; undefined when there are none. */
export function findAddedTerms(text: string): string | undefined {
  const added = sentences(text).filter((sentence) => restriction.test(sentence) && !scope.test(sentence) && !boilerplate.test(sentence));
  return added.length ? added.join(' ') : undefined;
}

// a choice between licenses, in so many words
const dual = /\bdual[\s-]*licen[cs](?:ed|e|ing)\b|\b(?:choose|choice\s+of|either\s+of)\s+(?:the\s+)?(?:following\s+|these\s+|two\s+|both\s+)?licen[cs]es\b|\bchoose\s+whichever\b|\bwhichever\s+(?:licen[cs]e\s+)?you\s+prefer\b|\bunder\s+either\b|\byour\s+choice\s+of\b|\bchoose\s+either\b|\bat\s+your\s+(?:option|choice)\b|\balternative(?:ly)?\b/iu;

/** Whether the text around several licenses offers a choice between them (an SPDX `OR`) rather than adding one to another (`AND`). */
export function offersChoice(text: string): boolean {
  return dual.test(text.replace(/\bor\s*\(?\s*at\s+your\s+option\s*\)?\s*any\s+later\s+version\b/giu, ' '));
}

const strictDual = /\bdual[\s-]*licen[cs](?:ed|e|ing)\b|\b(?:choose|choice\s+of|either\s+of)\s+(?:the\s+)?(?:following\s+|these\s+|two\s+|both\s+)?licen[cs]es\b|\bchoose\s+whichever\b|\bwhichever\s+(?:licen[cs]e\s+)?you\s+prefer\b|\bunder\s+either\b|\byour\s+choice\s+of\b|\bchoose\s+either\b/iu;

/** Whether a text says, in so many words, that the whole is under a choice of licenses ("dual-licensed", "either of the following licenses"). */
export function saysDualLicensed(text: string): boolean {
  return strictDual.test(text);
}

// a sentence that puts some files under another license
const exclusion = /\bNOT\s+licensed\s+under\b|\blicensed\s+under\s+the\s+licen[cs]e\s+defined\s+in\b|\b(?:is|are)\s+licensed\s+separately\b|\b(?:is|are)\s+(?:licensed\s+)?under\s+a\s+(?:separate|different|commercial|proprietary)\s+licen[cs]e\b|\bare\s+not\s+licensed\b/iu;
const filesOrParts = /\bfiles?\b|\bdirector(?:y|ies)\b|\bfolders?\b|\bbranch(?:es)?\b|\bportions?\b|\b[\w.-]*ee\/|\bdirname\b|\bfilename\b/iu;
// "All third party components … are licensed under the original license": bundled code, not the project's own
const thirdParty = /\bthird[\s-]+party\b/iu;

/** The sentences that put some of the project's own files under another license, joined; undefined when there are none. */
export function findExclusions(text: string): string | undefined {
  const found = sentences(text).filter((sentence) => exclusion.test(sentence) && filesOrParts.test(sentence) && !thirdParty.test(sentence));
  return found.length ? found.join(' ') : undefined;
}
