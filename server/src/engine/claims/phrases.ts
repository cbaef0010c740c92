// The words that make a claim, and the words around a mention that make it
// something else (a negation, a third party, a comparison), per language.
// These are patterns over prose sentences, never over document structure.
//
// A word starts with `(?<!\w)`, not `\b`: before a word character the two are
// the same (under `iu`, `\w` is ASCII letters, digits, `_`, U+017F and U+212A
// for both), but a leading `\b` under the `iu` flags keeps V8 from looking for
// the pattern's first letters before anything else: the claim phrases as one
// expression took 190–330 ns per character of prose with `\b`, 6–13 with
// `(?<!\w)` (test/wordStartPatterns.test.ts holds the two forms equal).
import type { ClaimKind, ClaimLanguage } from '../types.js';

export interface ClaimPattern {
  kind: Exclude<ClaimKind, 'named-license'>;
  language: ClaimLanguage;
  pattern: RegExp;
}

const W = String.raw`[\s\u00a0]`;
const DASH = String.raw`[\s\u00a0\-\u2010\u2011]`;

/** Claim phrases. Each pattern must be global and case-insensitive. */
export const claimPatterns: ClaimPattern[] = [
  // "open source", "open-source", "opensource", "open-sourced", "Open-Source-Modell"
  { kind: 'open-source', language: 'en', pattern: new RegExp(String.raw`(?<!\w)open${DASH}?sourc(?:e|ed|es|ing)\b`, 'giu') },
  { kind: 'open-source', language: 'en', pattern: new RegExp(String.raw`(?<!\w)fully${DASH}open\b(?!${DASH}?(?:source|weight))(?!${W}+for${W}+(?:academic|research|non${DASH}?commercial|personal|evaluation|educational)\b)`, 'giu') },
  { kind: 'open-source', language: 'en', pattern: new RegExp(String.raw`(?<!\w)OSI${DASH}?approved\b`, 'giu') },
  { kind: 'open-source', language: 'de', pattern: /(?<!\w)quelloffen\w*/giu },
  { kind: 'open-source', language: 'fr', pattern: new RegExp(String.raw`(?<!\w)code${W}+source${W}+ouvert\w*`, 'giu') },
  // ("à source ouverte" after a space: the `\b` this had before `à`, not a word character, wanted a letter before it)
  { kind: 'open-source', language: 'fr', pattern: new RegExp(String.raw`(?<!\w)(?:à|a)${W}+source${W}+ouverte\b`, 'giu') },
  { kind: 'open-source', language: 'es', pattern: new RegExp(String.raw`(?<!\w)c(?:ó|o)digo${W}+abierto\b`, 'giu') },
  { kind: 'free-software', language: 'en', pattern: new RegExp(String.raw`(?<!\w)free${W}+software\b`, 'giu') },
  { kind: 'free-software', language: 'en', pattern: new RegExp(String.raw`(?<!\w)libre${W}+(?:software|model|license)\b`, 'giu') },
  { kind: 'free-software', language: 'de', pattern: new RegExp(String.raw`(?<!\w)freie${W}+Software\b`, 'gu') },
  { kind: 'free-software', language: 'fr', pattern: new RegExp(String.raw`(?<!\w)logiciels?${W}+libres?\b`, 'giu') },
  { kind: 'free-software', language: 'es', pattern: new RegExp(String.raw`(?<!\w)software${W}+libre\b`, 'giu') },
  { kind: 'open-weights', language: 'en', pattern: new RegExp(String.raw`(?<!\w)open${DASH}?weights?\b`, 'giu') },
];

/** Names that contain claim words but are names, not claims. */
export const namesContainingClaimWords: RegExp[] = [
  // (the OSI's name; "X is an open-source initiative" describes X)
  /(?<!\b(?:an?)[\s\u00a0]+)(?<!\w)open[\s-]source[\s-]initiative\b/giu,
  /(?<!\w)open[\s-]source[\s-](?:ai[\s-])?definition\b/giu,
  /(?<!\w)NCSA[\s-]open[\s-]source[\s-]licen[sc]e\b/giu,
  /(?<!\w)free[\s-]software[\s-]foundation\b/giu,
  /(?<!\w)open[\s-]source[\s-]security[\s-]foundation\b/giu,
  /(?<!\w)open[\s-]source[\s-]program(?:me)?[\s-]offices?\b/giu,
  /(?<!\w)open[\s-]source[\s-]summit\b/giu,
  /(?<!\w)open[\s-]source[\s-]insights?\b/giu,
  /(?<!\w)open[\s-]source[\s-]guides?\b/giu,
  // programmes, policies, codes of conduct, offices and teams of organisations: names, not statements about this project
  /\b(?:[\p{Lu}][\p{L}.&-]*[\s-]+)?open[\s-]?source[\s-]+(?:code[\s-]+of[\s-]+conduct|policy|policies|program(?:me)?s?|office|team|pledge|guidelines|release[\s-]+process|review|day|fund|awards?)\b/giu,
  // e-mail addresses and web addresses (`opensource-conduct@example.com`, `opensource.example.com/codeofconduct`)
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu,
  /(?<!\w)(?:https?:\/\/|www\.)\S+/giu,
  /\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|ai|cn|edu|gov|co)\b(?:\/\S*)?/giu,
];

/** Words (lower-case) shortly before a mention that negate it. */
export const negationWords = new Set([
  'not', 'no', 'never', 'non', 'neither', 'nor', 'isn\'t', 'aren\'t', 'wasn\'t', 'isnt', 'without', 'longer',
  'kein', 'keine', 'keinen', 'keiner', 'keines', 'nicht',
  'pas', 'jamais', 'ni',
  'nunca',
]);

/**
 * Words (lower-case) before a mention, in the same clause, that put it in the
 * future or among plans: "will be open-sourced", "we intend to release a fully
 * open-source model", "we plan to open-source the server". A promise is not a
 * statement that the project is open source now.
 */
export const futureBefore = new Set([
  'will', "we'll", "i'll", "it'll", 'shall', 'going', 'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'intended', 'intending',
  'aim', 'aims', 'hope', 'hopes', 'expect', 'expects', 'soon', 'upcoming', 'eventually', 'future', 'later', 'would', 'considering', 'roadmap',
  'wird', 'werden', 'planen', 'bientôt', 'sera', 'seront', 'será', 'serán',
]);

/** Words (lower-case) after a mention, in the same clause, that put it in the future: "open-sourced soon", "open source next year". */
export const futureAfter = new Set(['soon', 'later', 'eventually', 'next', 'upcoming', 'shortly', 'bald', 'bientôt', 'pronto']);

/**
 * Words (lower-case) shortly before a mention that make it a sentiment about
 * open source in general, not a statement about this project: "We love open
 * source", "committed to open source", "the world of open source software".
 */
export const sentimentBefore = new Set([
  'love', 'loves', 'loved', 'lover', 'lovers', 'passion', 'passionate', 'committed', 'commitment', 'dedicated', 'believe', 'believes', 'believers',
  'champion', 'champions', 'advocate', 'advocates', 'advocating', 'embrace', 'embraces', 'enthusiasts', 'fans', 'support', 'supports', 'supporting',
  'sponsor', 'sponsors', 'sponsoring', 'fund', 'funds', 'funding', 'world', 'spirit', 'sustainability', 'sustain', 'sustaining', 'history', 'state',
  'mapping', 'contributor', 'maintainer', 'maintainers',
]);

/** Words (lower-case) shortly before a mention that make it about others. */
export const thirdPartyBefore = new Set([
  'other', 'others', 'existing', 'popular', 'many', 'various', 'several', 'any',
  'these', 'those', 'such', 'compared', 'comparison', 'comparing', 'than', 'among', 'amongst', 'versus', 'vs', 'vs.',
  'outperform', 'outperforms', 'outperforming', 'outperformed', 'surpass', 'surpasses', 'surpassing', 'rival', 'rivals', 'beats',
  'thanks', 'built', 'based', 'powered', 'relies', 'rely', 'leverage', 'leverages', 'leveraging', 'using', 'uses', 'from',
  'third-party', 'third', 'similar', 'including', 'contribute', 'contributing', 'contributions',
  'benchmarking', 'benchmarked', 'benchmark', 'evaluating', 'evaluated', 'evaluate', 'against', 'alongside',
  'most', 'assess', 'assessing', 'assessed', 'capabilities',
  'andere', 'anderen', 'anderer', 'vergleich', 'dank', 'basierend',
  'autres', 'autre', 'comparé', 'comparés', 'grâce', 'basé',
  'otros', 'otras', 'otro', 'comparado', 'gracias', 'basado',
]);

/** Nouns (lower-case) right after a mention that make it about a movement or others. */
export const thirdPartyAfter = new Set([
  'community', 'communities', 'ecosystem', 'ecosystems', 'contributors', 'contributor', 'movement', 'world', 'initiative',
  'foundation', 'definition', 'developers', 'maintainers', 'alternatives', 'competitors', 'counterparts',
  'peers', 'projects', 'libraries', 'tools', 'packages', 'dependencies', 'components', 'datasets', 'data',
  // plural kinds of things: the class of open-source repositories or licenses, not this one ("open source licenses", "excellent open source repositories")
  'repositories', 'repos', 'licenses', 'licences', 'tutorials', 'tutorial', 'products', 'programs', 'codebases', 'frameworks', 'platforms', 'solutions', 'apps', 'applications',
  'work', 'landscape', 'space',
  'gemeinschaft', 'communauté', 'comunidad',
]);

/** Nouns that name someone else's software when a link to it follows ("the open-source evaluation tool [OpenCompass](…)"). */
export const toolNouns = /^(?:tools?|librar(?:y|ies)|frameworks?|projects?|toolkits?|packages?|engines?|suites?|platforms?|apps?|applications?|repos?|repositories|implementations?|solutions?|software|systems?)$/u;

/** Words that say a sentence is about the model or its weights. */
export const modelWords = /(?<!\w)(?:models?|weights?|checkpoints?|llms?|(?:large )?language models?|modell\w*|gewichte|modèles?|poids|modelos?|pesos)\b/iu;
