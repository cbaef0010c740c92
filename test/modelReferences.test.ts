// Model references (the models a project runs), their licenses, "by default",
// and the rule claim-closed-model-dependency, through the engine on
// in-memory files; the `models` command through the CLI's own code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audit } from '../server/src/engine/audit.js';
import { readModelReferences, mayNameModels, modelFileFormat } from '../server/src/engine/models/modelReferences.js';
import { kaitoPresetNames, modelLicense } from '../server/src/engine/models/modelLicense.js';
import type { ModelReference } from '../server/src/engine/models/modelReference.js';
import type { SourceFile } from '../server/src/engine/types.js';
import { main } from '../server/src/cli/main.js';

const refs = (path: string, text: string) => readModelReferences({ path, text });
const names = (found: ModelReference[]) => found.map((reference) => reference.name);

/** Every reference's range holds exactly its name. */
function assertExact(text: string, found: ModelReference[]) {
  for (const reference of found) assert.equal(text.slice(reference.span.start, reference.span.end), reference.name, reference.via);
}

test('KAITO Workspace and RAGEngine presets, with the preset resolved to its Hugging Face model', () => {
  const text = 'apiVersion: kaito.sh/v1alpha1\nkind: Workspace\ninference:\n  preset:\n    name: "phi-3-mini-4k-instruct"\ntuning:\n  preset:\n    name: llama-3.1-8b-instruct\n---\napiVersion: kaito.sh/v1alpha1\nkind: RAGEngine\nspec:\n  embedding:\n    local:\n      modelID: BAAI/bge-small-en-v1.5\n';
  const found = refs('deploy/kaito.yaml', text);
  assertExact(text, found);
  assert.deepEqual(names(found), ['phi-3-mini-4k-instruct', 'llama-3.1-8b-instruct', 'BAAI/bge-small-en-v1.5']);
  assert.deepEqual(found.map((reference) => reference.kind), ['kaito-preset', 'kaito-preset', 'hugging-face']);
  assert.equal(modelLicense(found[0]).model, 'microsoft/Phi-3-mini-4k-instruct');
  assert.equal(modelLicense(found[0]).license, 'MIT');
  assert.equal(modelLicense(found[1]).license, 'LicenseRef-Llama-3.1-Community-License');
  // the same key outside a KAITO resource is not a preset
  assert.deepEqual(refs('x.yaml', 'kind: Other\npreset:\n  name: phi-2\n'), []);
});

test('every KAITO preset of the table resolves to a known license, with its source', () => {
  assert.ok(kaitoPresetNames.length >= 19);
  for (const name of kaitoPresetNames) {
    const resolved = modelLicense({ kind: 'kaito-preset', name });
    assert.notEqual(resolved.license, 'unknown', name);
    assert.match(resolved.source ?? '', /kaito-project\/kaito\/blob\/[0-9a-f]{40}\/presets\/workspace\/models\/supported_models\.yaml/u);
  }
  assert.equal(modelLicense({ kind: 'kaito-preset', name: 'deepseek-r1-distill-llama-8b' }).license, 'LicenseRef-Llama-3.1-Community-License');
  assert.equal(modelLicense({ kind: 'kaito-preset', name: 'no-such-preset' }).license, 'unknown');
});

test('container env, --model args (list and string), vllm serve, compose environment', () => {
  const text = [
    'spec:',
    '  containers:',
    '    - args: ["--model=Qwen/Qwen2.5-72B-Instruct", "--port", "8000"]',
    '      command: ["vllm", "serve", "google/gemma-2-2b-it"]',
    '      env:',
    '        - name: MODEL_NAME',
    "          value: 'meta-llama/Llama-3.2-1B'",
    '        - name: PORT',
    '          value: "8000"',
    'services:',
    '  tgi:',
    '    command: --model-id tiiuae/falcon-7b-instruct',
    '    environment:',
    '      - LLM_MODEL=ollama/llama3.1',
    '',
  ].join('\n');
  const found = refs('k8s/all.yaml', text);
  assertExact(text, found);
  assert.deepEqual(names(found).sort(), ['Qwen/Qwen2.5-72B-Instruct', 'google/gemma-2-2b-it', 'llama3.1', 'meta-llama/Llama-3.2-1B', 'tiiuae/falcon-7b-instruct'].sort());
  const compose = 'services:\n  app:\n    environment:\n      - LLM_MODEL=ollama/llama3.1\n      - PORT=1\n';
  const fromCompose = refs('docker-compose.yml', compose);
  assertExact(compose, fromCompose);
  assert.deepEqual(fromCompose.map((reference) => [reference.name, reference.kind]), [['llama3.1', 'ollama']]);
});

test('paths, file names, hosted-API names and unknown Ollama names are not model references', () => {
  const text = 'model: ./models/llama\nmodel_name: models/bert-base\nbase_model: checkpoints/run-1\nllm_model: openai/gpt-4o\nchat_model: gpt-4o\nmodel_path: org/x.gguf\nembedding_model: mymodel\n';
  assert.deepEqual(refs('config.yaml', text), []);
  assert.deepEqual(names(refs('config.yaml', 'llm_model: openai/gpt-oss-20b\n')), ['openai/gpt-oss-20b'], 'a Hub repo of an API provider\'s org that the tables know');
});

test('config.json keys at any depth (jsonc-parser), adapter_config.json base model', () => {
  const text = '{\n  // comment\n  "llm": { "model": "mistralai/Mistral-7B-Instruct-v0.2" },\n  "base_model_name_or_path": "meta-llama/Meta-Llama-3-8B",\n  "escaped": { "model": "a\\/b" },\n}\n';
  const found = refs('adapter_config.json', text);
  assertExact(text, found);
  assert.deepEqual(names(found), ['mistralai/Mistral-7B-Instruct-v0.2', 'meta-llama/Meta-Llama-3-8B']);
  assert.equal(modelFileFormat('package.json'), undefined);
});

test('.env examples and Modelfiles', () => {
  const env = '# comment MODEL_ID=meta-llama/x\nexport MODEL_ID="meta-llama/Llama-2-7b-chat-hf"\nOLLAMA_MODEL=gemma2:9b\nPORT=1\n';
  const fromEnv = refs('.env.example', env);
  assertExact(env, fromEnv);
  assert.deepEqual(names(fromEnv), ['meta-llama/Llama-2-7b-chat-hf', 'gemma2:9b']);
  assert.equal(modelFileFormat('.env'), undefined, 'a real .env is not read');
  const modelfile = '# from a comment\nFROM hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M\nFROM llama3\n';
  const fromModelfile = refs('Modelfile', modelfile);
  assertExact(modelfile, fromModelfile);
  assert.deepEqual(names(fromModelfile), ['bartowski/Llama-3.2-1B-Instruct-GGUF']);
  assert.deepEqual(refs('Modelfile', 'FROM ./model.gguf\n'), []);
  const unknownTag = refs('Modelfile', 'FROM mycompany-model:v2\n');
  assert.equal(modelLicense(unknownTag[0]).license, 'unknown');
  assert.equal(modelLicense({ kind: 'ollama', name: 'qwen2.5:72b-instruct-q4_K_M' }).license, 'LicenseRef-Tongyi-Qianwen-License-Agreement');
  assert.equal(modelLicense({ kind: 'ollama', name: 'qwen2.5:7b' }).license, 'Apache-2.0');
  assert.equal(modelLicense({ kind: 'ollama', name: 'deepseek-r1' }).license, 'unknown');
});

test('Python: from_pretrained, pipeline(model=), hf_hub_download, LLM, getenv defaults, annotated defaults; comments and f-strings are not literals', () => {
  const text = [
    '# from_pretrained("meta-llama/Llama-2-7b-hf") in a comment',
    'import os',
    'tok = AutoTokenizer.from_pretrained("google/gemma-7b")',
    "pipe = pipeline('text-generation', model='mistralai/Mistral-7B-Instruct-v0.3')",
    'path = hf_hub_download(repo_id="TheBloke/Llama-2-7B-GGUF", filename="x.gguf")',
    'llm = LLM(model="Qwen/Qwen2.5-3B-Instruct")',
    'MODEL = os.environ.get("MODEL_ID", "microsoft/phi-2")',
    'class Settings:',
    '    model_name: str | None = "BAAI/bge-m3"',
    'name = f"meta-llama/{size}"',
    'doc = """model = "meta-llama/not-a-default" in a docstring"""',
    'if model == "meta-llama/Llama-3.1-8B": pass',
  ].join('\n');
  const found = refs('app/serve.py', text);
  assertExact(text, found);
  assert.deepEqual(names(found), ['google/gemma-7b', 'mistralai/Mistral-7B-Instruct-v0.3', 'TheBloke/Llama-2-7B-GGUF', 'Qwen/Qwen2.5-3B-Instruct', 'microsoft/phi-2', 'BAAI/bge-m3']);
  assert.ok(found.every((reference) => reference.byDefault));
});

test('TypeScript/JavaScript: object keys, transformers.js pipeline, env defaults; regular expressions and comments are skipped', () => {
  const text = [
    "// { model: 'meta-llama/Llama-2-7b-hf' }",
    "const re = /model: 'not\\/a-string'/;",
    "const extractor = await pipeline('feature-extraction', 'Xenova/all-MiniLM-L6-v2');",
    "const model = process.env.LLM_MODEL ?? 'llama3.2';",
    "await ollama.chat({ model: 'gemma3:4b', messages });",
    'const url = `${base}/org/name`;',
  ].join('\n');
  const found = refs('src/chat.ts', text);
  assertExact(text, found);
  assert.deepEqual(names(found), ['Xenova/all-MiniLM-L6-v2', 'llama3.2', 'gemma3:4b']);
});

test('the pre-scan lets ordinary source files go unparsed', () => {
  assert.equal(mayNameModels('js', "import React from 'react';\nexport const x = 1;\n"), false);
  assert.equal(mayNameModels('python', 'def model():\n    return 1\n'), false);
  assert.equal(mayNameModels('python', 'm = AutoModel.from_pretrained("bert-base-uncased")\n'), false, 'no org/name and no known Ollama name');
  assert.equal(mayNameModels('python', 'm = AutoModel.from_pretrained("google-bert/bert-base-uncased")\n'), true);
  assert.equal(mayNameModels('yaml', 'name: ci\non: push\n'), false);
  // a constants module that names its model only in capitals (LocalGPT's constants.py: MODEL_ID = "TheBloke/Llama-2-7b-Chat-GGUF")
  const constants = '# the LLM\nMODEL_ID = "TheBloke/Llama-2-7b-Chat-GGUF"\nMODEL_BASENAME = "llama-2-7b-chat.Q4_K_M.gguf"\n';
  assert.equal(mayNameModels('python', constants), true);
  assert.deepEqual(refs('constants.py', constants).map((reference) => [reference.name, reference.byDefault]), [['TheBloke/Llama-2-7b-Chat-GGUF', true]]);
});

test('"by default": examples, tests and docs folders, test files, and several models listed together are options', () => {
  const list = 'models:\n  - model: meta-llama/Llama-3.1-8B-Instruct\n  - model: google/gemma-2-9b-it\n';
  assert.ok(refs('config.yaml', list).every((reference) => !reference.byDefault && /2 models listed together/u.test(reference.notDefaultBecause ?? '')));
  const same = 'replicas:\n  - model: meta-llama/Llama-3.1-8B-Instruct\n  - model: meta-llama/Llama-3.1-8B-Instruct\n';
  assert.ok(refs('config.yaml', same).every((reference) => reference.byDefault), 'one model, twice, is still the default');
  const code = 'm = AutoModel.from_pretrained("meta-llama/Llama-3.1-8B")\n';
  for (const path of ['examples/run.py', 'tests/test_model.py', 'src/test_load.py', 'docs/snippet.py', 'notebooks/a.py']) assert.equal(refs(path, code)[0].byDefault, false, path);
  assert.equal(refs('src/run.py', code)[0].byDefault, true);
  const pyList = 'CHOICES = [dict(model="meta-llama/Llama-3.1-8B"), dict(model="google/gemma-2-9b")]\n';
  assert.ok(refs('src/choices.py', pyList).every((reference) => !reference.byDefault));
});

test('"by default": a provider section is a default only when the file\'s mode/provider switch selects it (YAML, JSON, .env)', () => {
  const byName = (found: ModelReference[]) => Object.fromEntries(found.map((reference) => [reference.name, reference.byDefault]));
  const settings = (mode: string) => `llm:\n  mode: ${mode}\nollama:\n  llm_model: llama3.1:8b\nhuggingface:\n  llm_model: meta-llama/Llama-3.1-8B-Instruct\n`;
  assert.deepEqual(byName(refs('settings.yaml', settings('ollama'))), { 'llama3.1:8b': true, 'meta-llama/Llama-3.1-8B-Instruct': false });
  assert.deepEqual(byName(refs('settings.yaml', settings('huggingface'))), { 'llama3.1:8b': false, 'meta-llama/Llama-3.1-8B-Instruct': true });
  assert.deepEqual(byName(refs('settings.yaml', settings('${APP_MODE:ollama}'))), { 'llama3.1:8b': true, 'meta-llama/Llama-3.1-8B-Instruct': false }, 'an environment default');
  assert.match(refs('settings.yaml', settings('ollama'))[1].notDefaultBecause ?? '', /in the `huggingface` provider section, while `llm\.mode` selects `ollama`/u);
  // a switch that names no section of the file, a mode that is no provider, or no switch: every section is a default
  assert.deepEqual(byName(refs('settings.yaml', settings('llamacpp'))), { 'llama3.1:8b': true, 'meta-llama/Llama-3.1-8B-Instruct': true });
  assert.deepEqual(byName(refs('settings.yaml', 'server:\n  mode: production\nproduction:\n  model: meta-llama/Llama-3.1-8B-Instruct\n')), { 'meta-llama/Llama-3.1-8B-Instruct': true });
  assert.deepEqual(byName(refs('settings.yaml', 'ollama:\n  llm_model: llama3.1:8b\n')), { 'llama3.1:8b': true });
  // a section that is no provider is not gated (a reranker next to the providers)
  assert.deepEqual(byName(refs('settings.yaml', `${settings('ollama')}rerank:\n  model: meta-llama/Llama-3.2-1B\n`))['meta-llama/Llama-3.2-1B'], true);
  const json = '{"provider": "vllm", "vllm": {"model": "Qwen/Qwen2.5-7B-Instruct"}, "ollama": {"model": "gemma2:9b"}}\n';
  assert.deepEqual(byName(refs('app.config.json', json)), { 'Qwen/Qwen2.5-7B-Instruct': true, 'gemma2:9b': false });
  const env = (provider: string) => `LLM_PROVIDER=${provider}\nVLLM_MODEL=Qwen/Qwen2.5-7B-Instruct\nOLLAMA_MODEL=gemma2:9b\nLLM_MODEL=meta-llama/Llama-3.1-8B-Instruct\n`;
  assert.deepEqual(byName(refs('.env.example', env('ollama'))), { 'Qwen/Qwen2.5-7B-Instruct': false, 'gemma2:9b': true, 'meta-llama/Llama-3.1-8B-Instruct': true });
  assert.deepEqual(byName(refs('.env.example', 'VLLM_MODEL=Qwen/Qwen2.5-7B-Instruct\nOLLAMA_MODEL=gemma2:9b\n')), { 'Qwen/Qwen2.5-7B-Instruct': true, 'gemma2:9b': true }, 'no switch');
});

test('"by default": per-model config folders and sample config files are options; other config folders and .env examples are not', () => {
  const yaml = 'model: meta-llama/Meta-Llama-3-8B-Instruct\n';
  const isDefault = (path: string) => refs(path, yaml)[0].byDefault;
  for (const path of ['configs/llama3-8b/serve.yaml', 'configs/Meta-Llama-3-8B/config.yaml', 'presets/qwen2.5_7b.yaml', 'model_configs/mixtral-8x7b/a.yaml', 'deploy/configs/phi3-mini/values.yaml', 'configs/70b.yaml']) assert.equal(isDefault(path), false, path);
  assert.match(refs('configs/llama3-8b/serve.yaml', yaml)[0].notDefaultBecause ?? '', /per-model config \(`configs\/llama3-8b`\)/u);
  for (const path of ['configs/config.yaml', 'config/production/values.yaml', 'configs/options/serve.yaml', 'configs/default.yaml', 'config.yaml', 'helm/values.yaml']) assert.equal(isDefault(path), true, path);
  for (const path of ['docker-compose.example.yml', 'compose.sample.yaml', 'values-example.yaml', 'example-compose.yaml', 'config.yaml.example', 'sample_config.json', 'docker-examples/compose.yaml', 'example_configs/vllm.yaml']) {
    const text = path.endsWith('.json') ? '{"model": "meta-llama/Meta-Llama-3-8B-Instruct"}\n' : yaml;
    const found = refs(path, text);
    assert.equal(found.length === 0 ? 'not read' : found[0].byDefault, path.endsWith('.example') ? 'not read' : false, path);
  }
  assert.equal(refs('.env.example', 'MODEL_ID=meta-llama/Meta-Llama-3-8B-Instruct\n')[0].byDefault, true, 'a .env example sets the defaults');
  assert.equal(refs('docker-compose.yml', 'services:\n  llm:\n    command: --model meta-llama/Meta-Llama-3-8B-Instruct\n')[0].byDefault, true);
});

test('"by default": a models/ folder of one YAML per model, named by its file, is a set of options (RayLLM); its code and other configs stay defaults', () => {
  const yaml = 'engine_config:\n  model_id: meta-llama/Llama-2-7b-chat-hf\n';
  const first = (path: string, text = yaml) => refs(path, text)[0];
  const nested = first('models/continuous_batching/meta-llama--Llama-2-7b-chat-hf.yaml');
  assert.equal(nested.byDefault, false);
  assert.match(nested.notDefaultBecause ?? '', /per-model config \(`models\/continuous_batching\/meta-llama--Llama-2-7b-chat-hf`\)/u);
  assert.equal(first('configs/production/qwen2.5-7b.yaml').byDefault, false, 'a per-model file name under a configs/ subfolder');
  for (const path of ['models/config.yaml', 'models/continuous_batching/serve.yaml', 'deploy/models.yaml']) assert.equal(first(path).byDefault, true, path);
  assert.equal(first('src/models/llama.py', 'MODEL_ID = "meta-llama/Llama-2-7b-chat-hf"\n').byDefault, true, 'code under models/ is not a config set');
});

test('"by default": a section switched off by its own `enabled: false` configures a model it does not run', () => {
  const text = 'rag:\n  rerank:\n    enabled: false\n    model: cross-encoder/ms-marco-MiniLM-L-2-v2\nembedding:\n  enabled: true\n  model: BAAI/bge-small-en-v1.5\nextras:\n  - name: summariser\n    enabled: "false"\n    model: meta-llama/Llama-3.1-8B-Instruct\nllm:\n  model: meta-llama/Llama-3.2-1B-Instruct\n';
  const found = refs('settings.yaml', text);
  assert.deepEqual(Object.fromEntries(found.map((reference) => [reference.name, reference.byDefault])), {
    'cross-encoder/ms-marco-MiniLM-L-2-v2': false,
    'BAAI/bge-small-en-v1.5': true,
    'meta-llama/Llama-3.1-8B-Instruct': false,
    'meta-llama/Llama-3.2-1B-Instruct': true,
  });
  assert.match(found[0].notDefaultBecause ?? '', /switched off by `rag\.rerank\.enabled: false`/u);
  assert.match(found[2].notDefaultBecause ?? '', /`extras\.enabled: false`/u);
});

test('a list of models assigned to a models variable (Khoj default_offline_chat_models): each item found, options when several', () => {
  const py = 'default_offline_chat_models = [\n    "bartowski/Meta-Llama-3.1-8B-Instruct-GGUF",\n    "bartowski/Llama-3.2-3B-Instruct-GGUF",\n]\ndefault_openai_chat_models = ["gpt-4o-mini", "gpt-4o"]\nprompts = ["meta-llama/Llama-3.1-8B-Instruct"]\n';
  const found = refs('src/app/constants.py', py);
  assertExact(py, found);
  assert.deepEqual(names(found), ['bartowski/Meta-Llama-3.1-8B-Instruct-GGUF', 'bartowski/Llama-3.2-3B-Instruct-GGUF']);
  assert.deepEqual(found.map((reference) => reference.byDefault), [false, false]);
  assert.match(found[0].notDefaultBecause ?? '', /one of 2 models listed together/u);
  const js = "export const SUPPORTED_MODELS = ['Qwen/Qwen2.5-7B-Instruct'];\nconst other = ['google/gemma-2-9b-it'];\nconst runModels = ['meta-llama/Llama-3.1-8B-Instruct', 'google/gemma-2-9b-it'];\n";
  const single = refs('src/models.ts', js);
  assert.deepEqual(names(single), ['Qwen/Qwen2.5-7B-Instruct']);
  assert.equal(single[0].byDefault, true, 'a list of one is the default');
});

test('a Hub file URL under a model download key names its repository (llama-gpt MODEL_DOWNLOAD_URL)', () => {
  const text = "services:\n  api:\n    environment:\n      MODEL: '/models/llama-2-7b-chat.bin'\n      MODEL_DOWNLOAD_URL: 'https://huggingface.co/TheBloke/Nous-Hermes-Llama-2-7B-GGML/resolve/main/nous-hermes-llama-2-7b.ggmlv3.q4_0.bin'\n";
  const found = refs('docker-compose.yml', text);
  assertExact(text, found);
  assert.deepEqual(names(found), ['TheBloke/Nous-Hermes-Llama-2-7B-GGML']);
  assert.equal(found[0].byDefault, true);
  // a fine-tune the table does not list: unknown, not guessed from "Llama-2" in its name
  assert.equal(modelLicense(found[0]).license, 'unknown');
  // a dataset file or any other URL is still not a model
  assert.deepEqual(refs('.env.example', 'MODEL_DOWNLOAD_URL=https://huggingface.co/datasets/org/set/resolve/main/a.bin\nDOWNLOAD_URL=https://huggingface.co/org/repo/resolve/main/a.bin\n'), []);
});

const readme = (claim: string): SourceFile => ({ path: 'README.md', text: `# Stack\n\n${claim}\n` });
const pkg = (license: string): SourceFile => ({ path: 'package.json', text: `{ "name": "stack", "license": "${license}" }\n` });
const kaito = (preset: string): SourceFile => ({ path: 'deploy/workspace.yaml', text: `apiVersion: kaito.sh/v1beta1\nkind: Workspace\ninference:\n  preset:\n    name: ${preset}\n` });

test('the rule: one warning on the claim naming the model, its license and the reference; an information note on the reference', () => {
  const files = [readme('Stack is a fully open-source AI assistant. Try it.'), pkg('MIT'), kaito('llama-3.1-8b-instruct')];
  const findings = audit(files).findings.filter((finding) => finding.rule === 'claim-closed-model-dependency');
  assert.equal(findings.length, 2);
  const onClaim = findings.find((finding) => finding.file === 'README.md')!;
  assert.equal(onClaim.severity, 'warning');
  assert.match(onClaim.message, /llama-3\.1-8b-instruct \(meta-llama\/Llama-3\.1-8B-Instruct\)/u);
  assert.match(onClaim.message, /Llama 3\.1 Community License, which is not OSI-approved/u);
  assert.equal(onClaim.related[0].file, 'deploy/workspace.yaml');
  const note = findings.find((finding) => finding.file === 'deploy/workspace.yaml')!;
  assert.equal(note.severity, 'info');
  assert.match(note.message, /^llama-3\.1-8b-instruct \(meta-llama\/Llama-3\.1-8B-Instruct\) — Llama 3\.1 Community License, not open source/u);
  // the quick fix clarifies the claim at its sentence end, and the claim is then still a claim (the model is still closed)
  const fix = onClaim.fixes.find((candidate) => candidate.title.startsWith('Reword'))!;
  const edit = fix.edits[0];
  const fixed = files[0].text.slice(0, edit.span.start) + edit.newText + files[0].text.slice(edit.span.end);
  assert.equal(fixed, '# Stack\n\nStack is a fully open-source AI assistant (open-source code; the default model, llama-3.1-8b-instruct (meta-llama/Llama-3.1-8B-Instruct), is under the Llama 3.1 Community License). Try it.\n');
  // a claim that says what the default model is under discloses it: the finding is gone
  assert.deepEqual(audit([{ path: 'README.md', text: fixed }, ...files.slice(1)]).findings.filter((finding) => finding.rule === 'claim-closed-model-dependency' && finding.severity === 'warning'), []);
});

test('the rule is silent for an open default model, an unknown model, a rejected declared license, a model card, and a license the config allows', () => {
  const closed = (files: SourceFile[], config = {}) => audit(files, { configFor: () => config }).findings.filter((finding) => finding.rule === 'claim-closed-model-dependency' && finding.severity === 'warning');
  assert.deepEqual(closed([readme('A fully open-source assistant.'), pkg('MIT'), kaito('phi-4')]), []);
  assert.deepEqual(closed([readme('A fully open-source assistant.'), pkg('MIT'), { path: 'serve.py', text: 'LLM(model="some-org/private-model")\n' }]), []);
  assert.deepEqual(closed([readme('A fully open-source assistant.'), pkg('CC-BY-NC-4.0'), kaito('llama-3.1-8b-instruct')]), [], 'claim-non-osi-license says it');
  assert.deepEqual(closed([{ path: 'README.md', text: '---\nlicense: mit\n---\n# Card\n\nAn open-source model.\n' }, kaito('llama-3.1-8b-instruct')]), []);
  assert.deepEqual(closed([readme('A fully open-source assistant.'), pkg('MIT'), kaito('llama-3.1-8b-instruct')], { allow: ['LicenseRef-Llama-3.1-Community-License'] }), []);
  assert.equal(closed([readme('A fully open-source assistant.'), pkg('MIT'), kaito('llama-3.1-8b-instruct')], { rules: { 'claim-closed-model-dependency': 'off' } }).length, 0);
});

test('license-claims models: the model bill of materials as JSON', async () => {
  const root = mkdtempSync(join(tmpdir(), 'models-cli-'));
  try {
    mkdirSync(join(root, 'deploy'));
    writeFileSync(join(root, 'deploy', 'workspace.yaml'), kaito('llama-3.1-8b-instruct').text);
    writeFileSync(join(root, 'Modelfile'), 'FROM mistral\n');
    writeFileSync(join(root, '.gitignore'), 'ignored/\n');
    mkdirSync(join(root, 'ignored'));
    writeFileSync(join(root, 'ignored', 'Modelfile'), 'FROM llama3\n');
    let stdout = '';
    const status = await main(['models', root, '--format', 'json'], (text) => (stdout += text), () => undefined);
    assert.equal(status, 0);
    const output = JSON.parse(stdout) as { models: { file: string; line: number; model: string; license: string; verdict: string; resolvedModel?: string; source?: string }[]; summary: { references: number; rejected: number } };
    assert.deepEqual(output.models.map((entry) => [entry.file, entry.line, entry.model, entry.license, entry.verdict]), [
      ['Modelfile', 1, 'mistral', 'Apache-2.0', 'accepted'],
      ['deploy/workspace.yaml', 5, 'llama-3.1-8b-instruct', 'LicenseRef-Llama-3.1-Community-License', 'rejected'],
    ]);
    assert.equal(output.models[1].resolvedModel, 'meta-llama/Llama-3.1-8B-Instruct');
    assert.ok(output.models.every((entry) => entry.source));
    assert.deepEqual(output.summary.references, 2);
    let text = '';
    await main(['models', root], (chunk) => (text += chunk), () => undefined);
    assert.match(text, /2 model references: 1 accepted, 1 not accepted by the policy, 0 unknown/u);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('scheme-prefixed repos (LocalAI huggingface://, KubeAI hf://) and env examples named like .backend_env.example', () => {
  const text = 'parameters:\n  model: huggingface://NousResearch/Hermes-2-Pro-Llama-3-8B-GGUF/Hermes-2-Pro-Llama-3-8B-Q4_K_M.gguf\n';
  const found = refs('aio/cpu/text-to-text.yaml', text);
  assertExact(text, found);
  assert.deepEqual(names(found), ['NousResearch/Hermes-2-Pro-Llama-3-8B-GGUF']);
  assert.equal(modelLicense(found[0]).license, 'unknown', 'a Llama fine-tune the tables do not list is not guessed');
  assert.equal(modelFileFormat('.backend_env.example'), 'env');
  assert.deepEqual(names(refs('.backend_env.example', 'MODEL_PATH=./local_models/ggml-gpt4all-j-v1.3-groovy.bin\nLLM_MODEL=hf://mistralai/Mistral-7B-Instruct-v0.3\n')), ['mistralai/Mistral-7B-Instruct-v0.3']);
});

test('YAML and JSON nested 10,000 deep: no crash, and a model near the top is still read', () => {
  const deepYaml = `model: meta-llama/Llama-3.1-8B\nx: ${'['.repeat(10000)}${']'.repeat(10000)}\n`;
  assert.deepEqual(names(refs('values.yaml', deepYaml)), ['meta-llama/Llama-3.1-8B']);
  const deepJson = `{"model": "meta-llama/Llama-3.1-8B", "x": ${'['.repeat(10000)}${']'.repeat(10000)}}`;
  assert.deepEqual(names(refs('config.json', deepJson)), ['meta-llama/Llama-3.1-8B']);
});

test("the programs a command runs: python -m's top package, the binary, the image's repository name", async () => {
  const { programNames, imageProgramName } = await import('../server/src/engine/models/commandArguments.js');
  assert.deepEqual(programNames(['python3 -m sglang.launch_server --model-path x/y']), ['sglang']);
  assert.deepEqual(programNames(['python', '-m', 'Fast_Serve.server']), ['fast-serve']);
  assert.deepEqual(programNames(['vllm', 'serve', 'meta-llama/Llama-3.1-8B-Instruct']), ['vllm']);
  assert.deepEqual(programNames(['/bin/sh', '-c', 'pip install x && exec /usr/local/bin/fastserve --model a/b']), ['pip', 'fastserve']);
  assert.deepEqual(programNames(['env', 'HF_HOME=/data', 'uv', 'run', 'fastserve']), ['fastserve']);
  // a command of flags only is run by the image's entrypoint; llama.cpp's `-c 4096` starts no command
  assert.deepEqual(programNames(['--model-id', 'google/gemma-2-9b-it']), []);
  assert.deepEqual(programNames(['llama-server', '-m', 'x.gguf', '-c', '4096']), ['llama-server']);
  assert.equal(imageProgramName('lmsysorg/sglang:v0.4.1-cu124'), 'sglang');
  assert.equal(imageProgramName('ghcr.io/huggingface/text-generation-inference:2.4.0'), 'text-generation-inference');
  assert.equal(imageProgramName('localhost:5000/vllm/vllm-openai@sha256:abc'), 'vllm-openai');
  assert.equal(imageProgramName('ollama/ollama'), 'ollama');
});

test('a command-line model argument records the programs of its container (image, command), in compose and Kubernetes YAML', () => {
  const compose = 'services:\n  s:\n    image: lmsysorg/sglang:latest\n    command: python3 -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct\n';
  const [fromCompose] = refs('docker/compose.yaml', compose);
  assert.deepEqual(fromCompose.runBy, ['sglang']);
  const k8s = 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: vllm/vllm-openai:v0.6\n          command: ["vllm", "serve"]\n          args: ["--model", "meta-llama/Llama-3.1-8B-Instruct"]\n';
  const [fromK8s] = refs('k8s/deploy.yaml', k8s);
  assert.deepEqual(fromK8s.runBy, ['vllm-openai', 'vllm']);
  assert.equal(fromK8s.byDefault, true, 'the file alone does not know whose program it runs');
  // the program in the service's `entrypoint`, the model in its (folded) `command`
  const entrypoint = 'services:\n  s:\n    image: registry.example/engine:latest\n    entrypoint: python3 -m fastserve.server\n    command: --model-path meta-llama/Llama-3.1-8B-Instruct\n      --port 30000\n';
  assert.deepEqual(refs('docker/compose.yaml', entrypoint)[0].runBy, ['engine', 'fastserve']);
  // a model key is not a command-line argument: no programs
  assert.equal(refs('config.yaml', 'model: meta-llama/Llama-3.1-8B-Instruct\n')[0].runBy, undefined);
});

test("a model argument of the project's own program is a sample of the engine, not a default; a third-party engine's stays a default", () => {
  const license = { path: 'LICENSE', text: 'Apache License\nVersion 2.0, January 2004\n' };
  const readme = { path: 'README.md', text: '# Engine\n\nThis engine is open source.\n' };
  const compose = (image: string, command: string) => ({ path: 'docker/compose.yaml', text: `services:\n  s:\n    image: ${image}\n    command: ${command}\n` });
  const closed = (files: SourceFile[]) => audit(files).findings.filter((finding) => finding.rule === 'claim-closed-model-dependency');
  // SGLang's layout: the package is declared in python/pyproject.toml, the deployment files are at the top
  const sglang = [license, readme, { path: 'python/pyproject.toml', text: '[project]\nname = "sglang"\nlicense = "Apache-2.0"\n' }, compose('lmsysorg/sglang:latest', 'python3 -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct')];
  const notes = closed(sglang);
  assert.deepEqual(notes.map((finding) => finding.severity), ['info']);
  assert.match(notes[0].message, /not run by default: an argument of the project's own program `sglang` in a sample deployment of the engine/u);
  // matched by the image alone (a command of flags), by a package.json name with a scope, by a Cargo crate's binary
  const byImage = [license, readme, { path: 'pyproject.toml', text: '[tool.poetry]\nname = "Fast_Serve"\n' }, compose('org/fast-serve:1.0', '--model-path meta-llama/Llama-3.1-8B-Instruct')];
  assert.deepEqual(closed(byImage).map((finding) => finding.severity), ['info']);
  const byScope = [license, readme, { path: 'package.json', text: '{ "name": "@acme/servelet", "license": "Apache-2.0" }' }, compose('node:20', 'servelet serve --model meta-llama/Llama-3.1-8B-Instruct')];
  assert.deepEqual(closed(byScope).map((finding) => finding.severity), ['info']);
  const byCrate = [license, readme, { path: 'Cargo.toml', text: '[package]\nname = "rustserve"\nlicense = "Apache-2.0"\n' }, compose('debian:12', '/usr/local/bin/rustserve --model-id meta-llama/Llama-3.1-8B-Instruct')];
  assert.deepEqual(closed(byCrate).map((finding) => finding.severity), ['info']);
  // an app running vLLM's image, or its own program with a third-party engine's image name nowhere in its manifests: still the default
  const app = [license, readme, { path: 'pyproject.toml', text: '[project]\nname = "askdocs"\n' }, compose('vllm/vllm-openai:latest', '--model meta-llama/Llama-3.1-8B-Instruct')];
  assert.deepEqual(closed(app).map((finding) => finding.severity).sort(), ['info', 'warning']);
  // a vendored copy of the engine does not make its program the project's own
  const vendored = [...app, { path: 'third_party/vllm-openai/pyproject.toml', text: '[project]\nname = "vllm-openai"\n' }];
  assert.deepEqual(closed(vendored).map((finding) => finding.severity).sort(), ['info', 'warning']);
  // no manifest, no name: the default stands
  const nameless = [license, readme, compose('lmsysorg/sglang:latest', 'python3 -m sglang.launch_server --model-path meta-llama/Llama-3.1-8B-Instruct')];
  assert.deepEqual(closed(nameless).map((finding) => finding.severity).sort(), ['info', 'warning']);
});

test('model URLs under url/uri (KubeAI hf:// and ollama://, llm-d modelArtifacts.uri), with exact ranges; other URLs are not read', () => {
  const kubeai = 'catalog:\n  a:\n    url: "hf://meta-llama/Llama-3.1-8B-Instruct"\n  b:\n    url: ollama://gemma2:2b\n  c:\n    url: ollama://some-unlisted-model\n';
  const found = refs('charts/values.yaml', kubeai);
  assertExact(kubeai, found);
  assert.deepEqual(found.map((reference) => [reference.name, reference.kind]), [['meta-llama/Llama-3.1-8B-Instruct', 'hugging-face'], ['gemma2:2b', 'ollama'], ['some-unlisted-model', 'ollama']]);
  assert.equal(modelLicense(found[1]).license, 'LicenseRef-Gemma-Terms-of-Use');
  assert.equal(modelLicense(found[2]).license, 'unknown', 'an Ollama name the table does not list is named by its scheme, its license unknown');
  const llmd = 'modelArtifacts:\n  uri: hf://Qwen/Qwen3-0.6B\n  name: Qwen/Qwen3-0.6B\n';
  assert.deepEqual(names(refs('values.yaml', llmd)), ['Qwen/Qwen3-0.6B']);
  assertExact(llmd, refs('values.yaml', llmd));
  const json = '{ "spec": { "uri": "ollama://llama3.1:8b" } }';
  assert.deepEqual(names(refs('model.config.json', json)), ['llama3.1:8b']);
  // KServe: storageUri (any key ending in url/uri) with a model scheme
  const kserve = 'spec:\n  predictor:\n    model:\n      storageUri: hf://meta-llama/Llama-3.1-8B-Instruct\n';
  assert.deepEqual(names(refs('deploy/isvc.yaml', kserve)), ['meta-llama/Llama-3.1-8B-Instruct']);
  assertExact(kserve, refs('deploy/isvc.yaml', kserve));
  // a Hub page or another scheme under a URL key, or a model scheme under another key, names no model the project runs
  assert.deepEqual(refs('config.yaml', 'url: https://huggingface.co/meta-llama/Llama-3.1-8B\nstorageUri: s3://bucket/model\nuri: gs://b/m\nendpoint: hf://x/y\ncurl: hf://x/y\n'), []);
});

test('`vllm serve` with the model as the first item of a separate args list (llm-d), and `- --model` then `- org/name` items', async () => {
  const { servingCommand } = await import('../server/src/engine/models/commandArguments.js');
  assert.equal(servingCommand(['vllm', 'serve']), 'vllm serve');
  assert.equal(servingCommand(['/usr/local/bin/vllm serve']), 'vllm serve');
  assert.equal(servingCommand(['python3', '-m', 'fastserve']), undefined);
  const positional = 'spec:\n  template:\n    spec:\n      containers:\n        - name: decode\n          command: ["vllm", "serve"]\n          args:\n            - "meta-llama/Llama-3.2-3B-Instruct"\n            - "--max_model_len=8192"\n';
  const found = refs('deploy/decode.yaml', positional);
  assertExact(positional, found);
  assert.deepEqual(found.map((reference) => [reference.name, reference.byDefault, reference.runBy]), [['meta-llama/Llama-3.2-3B-Instruct', true, ['vllm']]]);
  assert.match(found[0].via, /`vllm serve` argument \(the first of `args`\)/u);
  // a flag first, or a command that is not `vllm serve`: the first item is no model
  assert.deepEqual(refs('deploy/a.yaml', positional.replace('- "meta-llama/Llama-3.2-3B-Instruct"', '- "--port=8000"\n            - "meta-llama/Llama-3.2-3B-Instruct"')), []);
  assert.deepEqual(refs('deploy/a.yaml', positional.replace('["vllm", "serve"]', '["python3", "app.py"]')), []);
  const separate = 'containers:\n  - image: vllm/vllm-openai:v0.6\n    args:\n      - --model\n      - mistralai/Mistral-7B-Instruct-v0.3\n      - --port\n      - "8000"\n';
  const items = refs('k8s/vllm.yaml', separate);
  assertExact(separate, items);
  assert.deepEqual(names(items), ['mistralai/Mistral-7B-Instruct-v0.3']);
});

test('"by default": in Helm values, a catalog entry without `enabled` among entries switched off one by one is off too; elsewhere it is not', () => {
  const catalog = 'catalog:\n  a:\n    enabled: false\n    url: hf://meta-llama/Llama-3.1-8B-Instruct\n  b:\n    enabled: false\n    url: hf://google/gemma-2-9b-it\n  c:\n    url: hf://meta-llama/Llama-3.1-70B-Instruct\n';
  const found = refs('charts/models/values.yaml', catalog);
  assert.deepEqual(found.map((reference) => reference.byDefault), [false, false, false]);
  assert.match(found[2].notDefaultBecause ?? '', /Helm values entry `catalog.c`, which does not set `enabled`/u);
  // one entry switched on: the others' missing `enabled` is not read as off
  assert.equal(refs('values.yaml', catalog.replace('  b:\n    enabled: false', '  b:\n    enabled: true'))[2].byDefault, true);
  // not a Helm values file, or only one entry off: no inference
  assert.equal(refs('config.yaml', catalog)[2].byDefault, true);
  assert.equal(refs('values.yaml', catalog.replace('  b:\n    enabled: false\n', '  b:\n'))[2].byDefault, true);
  // a chart's own switches (`helm create` writes `ingress.enabled: false` and `autoscaling.enabled: false`) make no
  // catalog of models: the entries switched off must name models themselves
  const chart = 'replicaCount: 1\nserver:\n  model: meta-llama/Llama-3.1-8B-Instruct\ningress:\n  enabled: false\nautoscaling:\n  enabled: false\n';
  assert.deepEqual(refs('charts/app/values.yaml', chart).map((reference) => [reference.name, reference.byDefault]), [['meta-llama/Llama-3.1-8B-Instruct', true]]);
});

test('"by default": guides/ and tutorials/ folders are walk-throughs, with the reason in the note', () => {
  const text = 'model: meta-llama/Llama-3.1-8B-Instruct\n';
  const [guide] = refs('guides/inference-scheduling/values.yaml', text);
  assert.equal(guide.byDefault, false);
  assert.match(guide.notDefaultBecause ?? '', /^in the `guides\/` folder: walk-throughs/u);
  assert.match(refs('docs/values.yaml', text)[0].notDefaultBecause ?? '', /^in the `docs\/` folder: documentation/u);
  assert.equal(refs('deploy/values.yaml', text)[0].byDefault, true);
});

test('"by default": hardware profiles (LocalAI aio/cpu, aio/gpu-8g): a model not every profile runs is an option; one every profile runs stays a default', () => {
  const yaml = (model: string) => `parameters:\n  model: ${model}\n`;
  const files: SourceFile[] = [
    { path: 'package.json', text: '{ "name": "serve-any", "license": "MIT" }' },
    { path: 'README.md', text: '# Serve\n\nAn open-source server.\n' },
    { path: 'aio/cpu/text.yaml', text: yaml('meta-llama/Llama-3.2-1B-Instruct') },
    { path: 'aio/gpu-8g/text.yaml', text: yaml('mistralai/Mistral-7B-Instruct-v0.3') },
    { path: 'aio/cpu/embed.yaml', text: yaml('google/gemma-2-2b-it') },
    { path: 'aio/gpu-8g/embed.yaml', text: yaml('google/gemma-2-2b-it') },
  ];
  const result = audit(files);
  const project = result.workspace.projects[0];
  const byFile = new Map(project.models.map((model) => [model.file, model]));
  assert.equal(byFile.get('aio/cpu/text.yaml')!.byDefault, false);
  assert.match(byFile.get('aio/cpu/text.yaml')!.notDefaultBecause ?? '', /`aio\/cpu\/` hardware profile, one of 2 \(`cpu`, `gpu-8g`\)/u);
  assert.equal(byFile.get('aio/cpu/embed.yaml')!.byDefault, true, 'every profile names Gemma in the same file');
  assert.equal(byFile.get('aio/gpu-8g/embed.yaml')!.byDefault, true);
  // Gemma, a default whatever the machine, is flagged on the claim
  assert.deepEqual(result.findings.filter((finding) => finding.rule === 'claim-closed-model-dependency' && finding.severity === 'warning').map((finding) => finding.file), ['README.md']);
  // another model under the same license in every profile: a default whatever the machine
  const sameLicense = audit([files[0], files[1], { path: 'aio/cpu/text.yaml', text: yaml('meta-llama/Llama-3.2-1B-Instruct') }, { path: 'aio/gpu-8g/text.yaml', text: yaml('meta-llama/Llama-3.2-3B-Instruct') }]).workspace.projects[0].models;
  assert.deepEqual(sameLicense.map((model) => model.byDefault), [true, true]);
  // a single profile folder is no set of profiles
  const single = audit([files[0], files[1], files[2]]).workspace.projects[0].models;
  assert.equal(single[0].byDefault, true);
});

test('the manifest readers record the package name (the own-program rule reads it from there, not by parsing again)', async () => {
  const { packageJsonDeclarations } = await import('../server/src/engine/declarations/packageJsonDeclarations.js');
  const { pyprojectDeclarations } = await import('../server/src/engine/declarations/pyprojectDeclarations.js');
  const { cargoTomlDeclarations } = await import('../server/src/engine/declarations/cargoTomlDeclarations.js');
  assert.equal(packageJsonDeclarations({ path: 'package.json', text: '{ "name": "@acme/Serve_It" }' }).packageName, 'serve-it');
  assert.equal(pyprojectDeclarations({ path: 'pyproject.toml', text: '[tool.poetry]\nname = "Fast.Serve"\n' }).packageName, 'fast-serve');
  assert.equal(cargoTomlDeclarations({ path: 'Cargo.toml', text: '[package]\nname = "rustserve"\n' }).packageName, 'rustserve');
  assert.equal(packageJsonDeclarations({ path: 'package.json', text: '{ "license": "MIT" }' }).packageName, undefined);
});
