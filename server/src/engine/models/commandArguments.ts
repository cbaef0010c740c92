// Model names in a server's command line: vLLM (`vllm serve X`, `--model X`,
// `--model=X`), TGI (`--model-id X`), SGLang (`--model-path X`), llama.cpp
// (`--hf-repo X`), as a list of words with their offsets.
import { isKnownOllamaName } from './modelLicense.js';
import { isModelKey, referenceName, type ModelReference } from './modelReference.js';

/** A reference found, before "by default" is decided: the list it sits in (several in one list are options), `always` (a KAITO preset is what its workspace runs), or `option`. */
export interface Found {
  reference: Omit<ModelReference, 'byDefault'>;
  list: unknown;
  always?: boolean;
  /** Why it is an option rather than the default, when its file says so (a provider section no switch selects). */
  option?: string;
}

const modelFlags = new Set(['--hf-repo', '-m']);

export function argumentReferences(words: { text: string; start: number }[], file: string): Omit<ModelReference, 'byDefault'>[] {
  const found: Omit<ModelReference, 'byDefault'>[] = [];
  const add = (text: string, start: number, via: string) => {
    const named = referenceName(text.replace(/^["']|["']$/gu, ''), isKnownOllamaName);
    if (!named) return;
    const from = start + (/^["']/u.test(text) ? 1 : 0) + named.offset;
    found.push({ file, span: { start: from, end: from + named.name.length }, name: named.name, kind: named.kind, via });
  };
  // `--model`, `--model-id`, `--model-path`, `--base_model`, `--hf-repo`, `-m`: a flag that names a model
  const flagName = (word: string) => /^--?([A-Za-z][A-Za-z_-]*)$/u.exec(word)?.[1];
  const isModelFlag = (word: string) => modelFlags.has(word) || (word.startsWith('--') && isModelKey(flagName(word) ?? ''));
  for (let index = 0; index < words.length; index++) {
    const word = words[index].text;
    const equals = /^(--[A-Za-z][A-Za-z_-]*)=(.+)$/u.exec(word);
    if (equals && isModelFlag(equals[1])) add(equals[2], words[index].start + equals[1].length + 1, `\`${equals[1]}\` argument`);
    else if (!equals && isModelFlag(word) && index + 1 < words.length) add(words[index + 1].text, words[index + 1].start, `\`${word}\` argument`);
    else if (word === 'serve' && index > 0 && /(?:^|\/)vllm$/u.test(words[index - 1].text) && index + 1 < words.length) add(words[index + 1].text, words[index + 1].start, '`vllm serve` argument');
  }
  return found;
}
