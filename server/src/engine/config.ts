// `.license-claims.json`: data only. Validated field by field; every error
// names the file and the field.
import { parse as parseJsonc, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { shallowJson } from './text/shallowNesting.js';
import type { ClaimLanguage, SeveritySetting } from './types.js';
import { policyNames, type PolicyName } from './licenses/policy.js';
import { parseExpression } from './licenses/expression.js';

export interface Config {
  policy?: PolicyName;
  allow?: string[];
  rules?: Record<string, SeveritySetting>;
  ignore?: string[];
  languages?: ClaimLanguage[];
}

export const configFileName = '.license-claims.json';
const languages: readonly ClaimLanguage[] = ['en', 'de', 'fr', 'es'];
const severities: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/**
 * A value from the file as an error message shows it: at most 60 characters,
 * control characters and bidirectional overrides escaped (a config file is
 * untrusted; its text must not move the terminal's cursor or hide itself).
 */
export function displayed(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return short.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export class ConfigError extends Error {
  constructor(readonly file: string, readonly field: string | undefined, detail: string) {
    super(`${file}: ${field ? `\`${displayed(field)}\` ` : ''}${detail}`);
  }
}

/**
 * The path of a `__proto__` key, which a JSON parser turns into the object's
 * prototype instead of a property (so it would be read silently, or not at
 * all): a config file naming one is refused.
 */
function prototypeKey(text: string): string | undefined {
  let found: string | undefined;
  try {
    visit(text, {
      onObjectProperty: (property, _offset, _length, _line, _character, path) => {
        if (found === undefined && property === '__proto__') found = [...path(), property].join('.');
      },
    }, { allowTrailingComma: true, disallowComments: false });
  } catch {
    // nested too deep to walk: what the walk reached has been checked, and the parser keeps only shallow values
  }
  return found;
}

function stringArray(file: string, field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new ConfigError(file, field, 'must be an array of strings');
  return value as string[];
}

/** Parses and validates a config file's text. Throws ConfigError. */
export function parseConfig(text: string, file: string, knownRules: readonly string[]): Config {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(shallowJson(text), errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) throw new ConfigError(file, undefined, `is not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(file, undefined, 'must hold a JSON object');
  const prototypeField = prototypeKey(text);
  if (prototypeField !== undefined) throw new ConfigError(file, prototypeField, 'is refused: a config file is plain data, and `__proto__` is not a setting');
  const config: Config = {};
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case '$schema':
        break;
      case 'policy':
        if (typeof value !== 'string' || !policyNames.includes(value as PolicyName)) throw new ConfigError(file, 'policy', `must be one of ${policyNames.join(', ')}`);
        config.policy = value as PolicyName;
        break;
      case 'allow':
        config.allow = stringArray(file, 'allow', value);
        for (const entry of config.allow) {
          if (!parseExpression(entry)) throw new ConfigError(file, 'allow', `entry "${displayed(entry)}" is not an SPDX id or expression (use LicenseRef-… for others)`);
        }
        break;
      case 'rules': {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(file, 'rules', 'must be an object of rule id → "off" | "info" | "warning" | "error"');
        config.rules = {};
        for (const [rule, severity] of Object.entries(value)) {
          if (!knownRules.includes(rule)) throw new ConfigError(file, `rules.${rule}`, `is not a rule (rules: ${knownRules.join(', ')})`);
          if (typeof severity !== 'string' || !severities.includes(severity as SeveritySetting)) throw new ConfigError(file, `rules.${rule}`, 'must be "off", "info", "warning" or "error"');
          config.rules[rule] = severity as SeveritySetting;
        }
        break;
      }
      case 'ignore':
        config.ignore = stringArray(file, 'ignore', value);
        break;
      case 'languages':
        config.languages = stringArray(file, 'languages', value) as ClaimLanguage[];
        for (const language of config.languages) {
          if (!languages.includes(language)) throw new ConfigError(file, 'languages', `"${displayed(language)}" is not supported (supported: ${languages.join(', ')})`);
        }
        break;
      default:
        throw new ConfigError(file, key, 'is not a setting (settings: policy, allow, rules, ignore, languages)');
    }
  }
  return config;
}

/** Fields of `override` win over `base`; rule severities merge. */
export function mergeConfig(base: Config, override: Config): Config {
  return {
    ...base,
    ...override,
    rules: { ...base.rules, ...override.rules },
    allow: override.allow ?? base.allow,
    ignore: [...(base.ignore ?? []), ...(override.ignore ?? [])],
  };
}

/**
 * The configuration of a project: the root folder's file, then each folder's
 * file down to the project (a nearer file wins), then `override` (command-line
 * flags or editor settings).
 */
export function configForProject(configs: ReadonlyMap<string, Config>, projectRoot: string, override: Config = {}): Config {
  let merged: Config = configs.get('') ?? {};
  const parts = projectRoot === '' ? [] : projectRoot.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const folderConfig = configs.get(parts.slice(0, i).join('/'));
    if (folderConfig) merged = mergeConfig(merged, folderConfig);
  }
  return mergeConfig(merged, override);
}
