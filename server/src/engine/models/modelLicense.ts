// The license of a model a project runs, from bundled tables only
// (data/modelLicenses.json, then data/baseModels.json): a Hugging Face repo
// id, an Ollama tag or a KAITO preset resolves to a license with its source,
// or to "unknown" — never a guess.
import data from '../licenses/data/modelLicenses.json';
import { baseModelLicense } from '../licenses/baseModels.js';
import type { ModelReference } from './modelReference.js';

interface HfEntry { pattern: string; license: string; source: string; note?: string }
interface OllamaEntry { name: string; license: string; source: string; note?: string }
interface KaitoPreset { name: string; model: string }

const table = data as { huggingFace: HfEntry[]; ollama: OllamaEntry[]; kaito: { source: string; presets: KaitoPreset[] } };

const globToRegExp = (pattern: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('.*')}$`, 'iu');
const hfEntries = table.huggingFace.map((entry) => ({ entry, pattern: globToRegExp(entry.pattern) }));
const ollamaByName = new Map(table.ollama.map((entry) => [entry.name.toLowerCase(), entry]));
const kaitoByName = new Map(table.kaito.presets.map((preset) => [preset.name.toLowerCase(), preset]));

export interface ModelLicense {
  /** The model resolved: a KAITO preset's Hugging Face repo, else the reference's own name. */
  model: string;
  /** SPDX id, LicenseRef, or "unknown". */
  license: string;
  /** Where the license (and for a preset, its model) is stated. */
  source?: string;
  note?: string;
}

/** Whether an Ollama library name (the part before `:`) is one the table knows. */
export function isKnownOllamaName(tag: string): boolean {
  return ollamaByName.has(tag.split(':')[0].toLowerCase());
}

export function isKaitoPreset(name: string): boolean {
  return kaitoByName.has(name.toLowerCase());
}

/** The names of every KAITO preset the table maps (for tests and docs). */
export const kaitoPresetNames: readonly string[] = table.kaito.presets.map((preset) => preset.name);

export function huggingFaceLicense(repoId: string): ModelLicense {
  const own = hfEntries.find(({ pattern }) => pattern.test(repoId))?.entry;
  if (own) return { model: repoId, license: own.license, source: own.source, note: own.note };
  const base = baseModelLicense(repoId);
  if (base) return { model: repoId, license: base.license, source: `data/baseModels.json: ${base.source}` };
  return { model: repoId, license: 'unknown' };
}

function ollamaLicense(tag: string): ModelLicense {
  const lower = tag.toLowerCase().replace(/:latest$/u, '');
  // a size tag first (qwen2.5:72b), then the name (its other tags)
  const size = /^([^:]+):(\d+(?:\.\d+)?[bm])(?:[-_].*)?$/u.exec(lower);
  const entry = (size && ollamaByName.get(`${size[1]}:${size[2]}`)) || ollamaByName.get(lower.split(':')[0]);
  if (!entry) return { model: tag, license: 'unknown' };
  return { model: tag, license: entry.license, source: entry.source, note: entry.note };
}

export function modelLicense(reference: Pick<ModelReference, 'kind' | 'name'>): ModelLicense {
  if (reference.kind === 'ollama') return ollamaLicense(reference.name);
  if (reference.kind === 'kaito-preset') {
    const preset = kaitoByName.get(reference.name.toLowerCase());
    // newer KAITO releases also take a Hugging Face repo id as the preset name
    if (!preset && reference.name.includes('/')) return huggingFaceLicense(reference.name);
    if (!preset) return { model: reference.name, license: 'unknown', note: 'a KAITO preset this release of License Claims does not know' };
    const resolved = huggingFaceLicense(preset.model);
    return { ...resolved, source: `${table.kaito.source}; ${resolved.source ?? 'license unknown'}` };
  }
  return huggingFaceLicense(reference.name);
}
