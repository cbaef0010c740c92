// Well-known base models and their licenses (data/baseModels.json, sourced),
// matched by Hugging Face repo id with case-insensitive globs, first match
// wins. An unknown model is "unknown", never a guess.
import data from './data/baseModels.json';

export interface BaseModelEntry {
  pattern: string;
  /** SPDX id, LicenseRef, or "unknown". */
  license: string;
  /** Whether the base license binds derivatives (fine-tunes); null when the sources do not say. */
  restrictsDerivatives: boolean | null;
  source: string;
}

const entries = (data as { baseModels: BaseModelEntry[] }).baseModels.map((entry) => ({
  entry,
  pattern: new RegExp(`^${entry.pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('.*')}$`, 'iu'),
}));

/** The base model entry for a `base_model:` value ("meta-llama/Meta-Llama-3-8B"), or undefined when none matches. */
export function baseModelLicense(repoId: string): BaseModelEntry | undefined {
  const id = repoId.trim().replace(/^https?:\/\/huggingface\.co\//iu, '').replace(/\/+$/u, '');
  return entries.find(({ pattern }) => pattern.test(id))?.entry;
}
