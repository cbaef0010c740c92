// `licenseClaims.*` settings, pulled per resource (workspace/configuration),
// cached until the client says they changed, and merged over the
// `.license-claims.json` files: a setting that is set wins.
import type { Connection } from 'vscode-languageserver/node';
import type { Config } from '../engine/config.js';
import type { PolicyName } from '../engine/licenses/policy.js';
import type { ClaimLanguage, SeveritySetting } from '../engine/types.js';

export interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  policy: PolicyName | null;
  allow: string[];
  rules: Record<string, SeveritySetting>;
  ignore: string[];
  languages: ClaimLanguage[];
}

export const defaultSettings: Settings = { enable: true, run: 'onType', policy: null, allow: [], rules: {}, ignore: [], languages: [] };

export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(private readonly connection: Connection, private readonly supported: () => boolean) {}

  get(resource: string): Promise<Settings> {
    if (!this.supported()) return Promise.resolve(defaultSettings);
    let settings = this.cache.get(resource);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: resource, section: 'licenseClaims' })
        .then((value: Partial<Settings> | null) => ({ ...defaultSettings, ...(value ?? {}) }), () => defaultSettings);
      this.cache.set(resource, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }

  forget(resource: string): void {
    this.cache.delete(resource);
  }
}

/** The settings as a config layer over the files' config. */
export function settingsAsConfig(settings: Settings): Config {
  const config: Config = {};
  if (settings.policy) config.policy = settings.policy;
  if (settings.allow.length > 0) config.allow = settings.allow;
  if (Object.keys(settings.rules).length > 0) config.rules = settings.rules;
  if (settings.ignore.length > 0) config.ignore = settings.ignore;
  if (settings.languages.length > 0) config.languages = settings.languages;
  return config;
}
