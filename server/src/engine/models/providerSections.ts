// Provider sections gated by a switch: a config that lists a section per
// model provider and picks one with a `mode:`/`provider:` key (PrivateGPT's
// settings.yaml: `llm: {mode: llamacpp}`, then `llamacpp:`, `ollama:`,
// `huggingface:` sections, each naming its own model). Only the selected
// provider's models are run by default; the other sections are options.
// The same in `.env` examples: `LLM_PROVIDER=ollama` selects `OLLAMA_MODEL`
// over `OPENAI_MODEL` and `HUGGINGFACE_MODEL_ID`.

/** Section names that are model providers or runtimes (compared lower-case without `_`, `-`). */
const providerNames = new Set([
  'ollama', 'openai', 'azopenai', 'azure', 'azureopenai', 'huggingface', 'hf', 'hfhub', 'llamacpp', 'llamafile', 'vllm', 'tgi',
  'sagemaker', 'gemini', 'vertex', 'vertexai', 'google', 'anthropic', 'claude', 'bedrock', 'local', 'mock', 'openailike', 'lmstudio',
  'groq', 'mistral', 'mistralai', 'together', 'togetherai', 'fireworks', 'localai', 'transformers', 'sentencetransformers', 'fastembed',
  'cohere', 'nvidia', 'nim', 'watsonx', 'deepseek', 'xinference', 'litellm', 'gpt4all', 'koboldcpp', 'exllama', 'mlx', 'tei', 'sglang',
  'llamaedge', 'openrouter', 'perplexity', 'replicate', 'qianfan', 'dashscope', 'zhipu', 'moonshot', 'baichuan', 'minimax',
]);

const normal = (name: string) => name.toLowerCase().replace(/[-_.\s]/gu, '');

export function isProviderName(name: string): boolean {
  return providerNames.has(normal(name));
}

/** Keys that pick a provider: `mode`, `provider`, `backend`, `engine`, `type`, `llm_mode`, `embedding_provider`, `LLM_PROVIDER`… */
export function isSwitchKey(key: string): boolean {
  const name = normal(key);
  return /^[a-z]{0,24}(?:mode|provider|backend|engine)$/u.test(name) || name === 'type' || name === 'runtime';
}

/** A switch's value as written, less an environment default's wrapping: `${PGPT_MODE:llamacpp}` → `llamacpp`. */
export function switchValue(value: string): string {
  const variable = /^\$\{[A-Za-z_][A-Za-z0-9_]*:-?([^}]*)\}$/u.exec(value.trim());
  return (variable ? variable[1] : value).trim();
}

export interface Switch {
  /** Where it is, for messages: `llm.mode`. */
  key: string;
  value: string;
}

/**
 * Given the switches of a file and the sections its models sit in, why a
 * section's models are not run by default (they are in a provider's section
 * that no switch selects, while a switch selects another one that the file
 * has), or undefined. `sections` are the file's provider section names.
 */
export function gate(switches: Switch[], sections: string[]): (section: string | undefined) => string | undefined {
  const present = new Set(sections.map(normal));
  const selecting = switches.filter((entry) => present.has(normal(entry.value)) && isProviderName(entry.value));
  if (selecting.length === 0) return () => undefined;
  const selected = new Set(selecting.map((entry) => normal(entry.value)));
  const by = selecting.map((entry) => `\`${entry.key}\` selects \`${entry.value}\``).join(', ');
  return (section) => (section !== undefined && isProviderName(section) && !selected.has(normal(section)) ? `in the \`${section}\` provider section, while ${by}` : undefined);
}
