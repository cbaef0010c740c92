// A model reference: a place where a project names a model it runs (a KAITO
// preset, a `from_pretrained("…")` argument, vLLM's `--model`, an Ollama
// `FROM`, a `MODEL_ID=` default). What counts as a reference, and what makes
// one the project's default rather than one option among several, is decided
// here (docs/rules/claim-closed-model-dependency.md says it in words).
import type { Span } from '../types.js';
import { huggingFaceLicense } from './modelLicense.js';
import { notDefaultFolderKind } from './notDefaultPlaces.js';

export type ModelReferenceKind = 'hugging-face' | 'ollama' | 'kaito-preset';

export interface ModelReference {
  file: string;
  /** The model's name in the file (without quotes). */
  span: Span;
  /** The name as the project gives it, normalised: `meta-llama/Llama-3.1-8B-Instruct`, `llama3:8b`, `phi-3-mini-4k-instruct`. */
  name: string;
  kind: ModelReferenceKind;
  /** Where it was found, for messages: "KAITO Workspace `inference.preset.name`", "`from_pretrained(…)`". */
  via: string;
  /** True when the project runs this model unless configured otherwise. */
  byDefault: boolean;
  /** When not by default: why ("in an examples folder", "one of 3 models listed"). */
  notDefaultBecause?: string;
  /**
   * For a command-line argument (`--model-path X`): the programs the command
   * runs, normalised (normaliseProgramName): the container image's repository
   * name (`sglang` for `lmsysorg/sglang:latest`), the module's top package
   * (`python -m sglang.launch_server`), the binary (`vllm serve`). When one is
   * the project's own package, the model is the user's choice in a sample
   * deployment of the project's engine, not a default (project.ts decides).
   */
  runBy?: string[];
}

/**
 * Keys and variables that name a model: `model`, `model_id`, `MODEL_NAME`,
 * `base_model`, `HF_MODEL_ID`, `llm_model`, `embedding_model`,
 * `pretrained_model_name_or_path`… (anything ending in `model`, `model_id`,
 * `model_name`, `model_path`, `model_url`, `model_download_url`…, or `hf_repo_id`), compared
 * lower-case with `_`, `-` and `.` removed. The value still has to look like a
 * model name (see `referenceName`).
 */
export function isModelKey(key: string): boolean {
  const normal = key.toLowerCase().replace(/[-_.]/gu, '');
  // `llm_model`, `embedding_hf_model_name`, `modelURL`, `model_path` (FastChat's takes repo ids), `llm_hf_repo_id`
  return /^[a-z]{0,24}model(?:id|name|repo|repoid|url|uri|downloadurl|path|nameorpath)?$/u.test(normal) || /hfrepo(?:id)?$/u.test(normal);
}

/**
 * Keys that hold a model only as a URL with a model scheme: KubeAI's
 * `url: hf://…` / `url: ollama://…`, llm-d's `modelArtifacts.uri: hf://…`,
 * KServe's `storageUri: hf://…`, LocalAI's `download_files[].uri`. A plain
 * URL key holds anything (an endpoint, a download), so only these schemes count.
 */
export function isModelUrl(key: string, value: string): boolean {
  // `url`, `storageUri`, `download_url`: a word of its own (not `curl`)
  const urlKey = /^(?:url|uri)$|[_-](?:url|uri)$/iu.test(key) || /[a-z0-9](?:Url|Uri|URL|URI)$/u.test(key);
  return urlKey && /^\s*(?:hf|huggingface|ollama):\/\//iu.test(value);
}

const hfId = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}\/[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$/u;
/** Owners that are folders, not Hugging Face accounts (`models/bert`, `./checkpoints/x`). */
const folderOwner = /^(?:models?|data|datasets?|checkpoints?|ckpts?|outputs?|output_dir|weights|cache|tmp|temp|saved_models?|pretrained|local|path|src|assets|runs|experiments?|artifacts|mnt|home|root|opt|var|app|workspace)$/iu;
const fileExtension = /\.(?:gguf|bin|pt|pth|safetensors|onnx|ckpt|h5|pb|tflite|json|ya?ml|txt|zip|tar|gz|py|js|ts)$/iu;
/** LiteLLM-style `provider/model` names of hosted APIs: not a model the project runs. */
const apiProvider = /^(?:openai|azure|azure_ai|anthropic|bedrock|vertex_ai|gemini|groq|cohere|mistral|deepseek|xai|together_ai|fireworks_ai|replicate|perplexity|openrouter|sagemaker|watsonx|cloudflare|ai21|voyage|nvidia_nim|databricks)$/iu;
const ollamaPrefix = /^(?:ollama|ollama_chat)\/(.+)$/iu;
const ollamaTag = /^[a-z0-9][a-z0-9._-]{0,63}(?::[A-Za-z0-9._-]{1,64})?$/u;

export interface ReferenceName {
  name: string;
  kind: Exclude<ModelReferenceKind, 'kaito-preset'>;
  /** Characters dropped from the front of the value (`https://huggingface.co/`, `ollama/`). */
  offset: number;
}

/**
 * What a string names, when it names a model: a Hugging Face repo id
 * (`org/name`, or its huggingface.co URL), an Ollama tag that `isOllamaName`
 * knows (`llama3`, `qwen2.5:7b`, or `ollama/llama3` as LiteLLM writes it).
 * Paths, file names and hosted-API names are not references.
 */
export function referenceName(value: string, isOllamaName: (name: string) => boolean): ReferenceName | undefined {
  let text = value;
  let offset = 0;
  const url = /^(?:https?:\/\/)?(?:huggingface\.co|hf\.co)\//iu.exec(text);
  if (url) {
    text = text.slice(url[0].length).replace(/\/+$/u, '');
    offset = url[0].length;
    // hf.co/org/repo:Q4_K_M (Ollama pulls GGUF repos so)
    text = text.replace(/:[A-Za-z0-9._-]+$/u, '');
    // a file of the repo: huggingface.co/org/repo/resolve/main/model.q4_0.bin (llama-gpt's MODEL_DOWNLOAD_URL)
    text = text.replace(/^([^/]+\/[^/]+)\/(?:resolve|blob|raw|tree)\/.*$/u, '$1');
  }
  // LocalAI and KubeAI: huggingface://org/repo/file.gguf, hf://org/repo
  const scheme = /^(?:huggingface|hf):\/\/([A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*)(?:\/.*)?$/u.exec(text);
  if (scheme) return hfId.test(scheme[1]) ? { name: scheme[1], kind: 'hugging-face', offset: offset + text.indexOf('//') + 2 } : undefined;
  // KubeAI: ollama://gemma2:2b (the scheme says it is an Ollama model, known to the table or not)
  const ollamaUrl = /^ollama:\/\/(.+)$/iu.exec(text);
  if (ollamaUrl) return ollamaTag.test(ollamaUrl[1]) ? { name: ollamaUrl[1], kind: 'ollama', offset: offset + 'ollama://'.length } : undefined;
  const ollama = ollamaPrefix.exec(text);
  if (ollama) {
    return ollamaTag.test(ollama[1]) && isOllamaName(ollama[1]) ? { name: ollama[1], kind: 'ollama', offset: offset + text.length - ollama[1].length } : undefined;
  }
  if (hfId.test(text)) {
    const [owner, name] = text.split('/');
    if (folderOwner.test(owner) || fileExtension.test(name) || /^\.+$/u.test(name)) return undefined;
    // `openai/gpt-4o` names a hosted API; `openai/gpt-oss-20b` is a Hub repo the tables know
    if (apiProvider.test(owner) && huggingFaceLicense(text).license === 'unknown') return undefined;
    return { name: text, kind: 'hugging-face', offset };
  }
  if (!url && ollamaTag.test(text) && isOllamaName(text)) return { name: text, kind: 'ollama', offset };
  return undefined;
}

const testFileName = /(?:^test_.*\.py$|_test\.py$|\.(?:test|spec)\.[cm]?[jt]sx?$|^conftest\.py$)/iu;
/**
 * A sample or template of a config (`docker-compose.example.yml`,
 * `values.sample.yaml`, `config-example.json`, `example-compose.yaml`,
 * `compose.template.yml`): a model in it shows how to set one. A `.env`
 * example is not one of these: it is where such a stack sets its defaults.
 */
const sampleFileName = /^(?:(?:example|sample|demo|template)s?[-_.].+\.(?:ya?ml|json)|.+[-_.](?:example|sample|demo|template|tmpl|dist)s?\.(?:ya?ml|json)|.+\.(?:ya?ml|json)\.(?:example|sample|template|tmpl|dist))$/iu;
/** Folders that hold one config per model: `configs/`, `presets/`, `model_configs/`. */
const configsFolder = /^(?:configs?|model[-_]?configs?|presets?|model[-_]?presets?|model[-_]?cards?)$/iu;
/** `models/` holds one YAML or JSON config per model in RayLLM (`models/continuous_batching/meta-llama--Llama-2-7b-chat-hf.yaml`); its code files are another matter. */
const modelsFolder = /^models?$/iu;
const configFile = /\.(?:ya?ml|json)$/iu;
/** A name that names a model: a family (`llama3-8b`, `qwen2.5_7b`, `mistral`) or a size (`7b`, `70B`, `8x7b`). */
const modelLikeName = /(?:^|[-_.])(?:llama|mistral|mixtral|gemma|qwen|falcon|deepseek|baichuan|chatglm|internlm|starcoder|codellama|vicuna|bloom|olmo|granite|smollm|tinyllama|whisper|stablelm|pythia|minicpm|nemotron|jamba|dbrx|zephyr|openchat)|(?:^|[-_.])(?:phi|opt|yi|gpt|mpt|glm|t5|command-?r)[-_.]?\d|(?:^|[-_.])\d+(?:\.\d+)?[bm](?:$|[-_.])|\d+x\d+b/iu;

/** Whether a folder of this name holds examples, guides, tests or docs, whose references are never defaults (notDefaultPlaces.ts). */
export function isNotDefaultFolder(name: string): boolean {
  return notDefaultFolderKind(name) !== undefined;
}

/** Why a file's references are not the project's defaults ("in the `examples/` folder"), or undefined when they are. */
export function notDefaultPlace(path: string): string | undefined {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  for (const part of parts) {
    const kind = notDefaultFolderKind(part);
    if (kind) return `in the \`${part}/\` folder: ${kind.reason}`;
  }
  if (testFileName.test(name)) return 'in a test file';
  if (sampleFileName.test(name)) return 'in a sample configuration file';
  // configs/llama3-8b/serve.yaml, presets/qwen2.5-7b.yaml, models/continuous_batching/meta-llama--Llama-2-7b-chat-hf.yaml:
  // one config per model (named by its own subfolder or its own file name), each an option
  const configs = parts.findIndex((part) => configsFolder.test(part) || (modelsFolder.test(part) && configFile.test(name)));
  if (configs >= 0) {
    const base = name.replace(/\.[^.]+$/u, '');
    const own = [...(configs + 1 < parts.length ? [parts[configs + 1]] : []), base].find((part) => modelLikeName.test(part));
    if (own) return `in a per-model config (\`${[...(own === base ? parts : parts.slice(0, configs + 1)), own].join('/')}\`), one option of a set`;
  }
  return undefined;
}
