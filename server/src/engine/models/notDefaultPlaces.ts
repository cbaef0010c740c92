// Where in a repository a file names a model without being the project's
// default deployment: the folders that show, test, document or walk through a
// model (the reader picks one), and the hardware profiles of which the
// machine picks one. Data with the reason for each entry and the real layout
// it was decided on (docs/model-references-real-world.md has the rows).
// modelReference.ts (notDefaultPlace) and hardwareProfiles.ts apply it.

export interface NotDefaultFolderKind {
  /** Folder names of this kind, one path segment. */
  folders: RegExp;
  /** Why a model named in such a folder is not a default, for messages. */
  reason: string;
  /** A real layout this entry was decided on. */
  seen: string;
}

export const notDefaultFolderKinds: readonly NotDefaultFolderKind[] = [
  {
    folders: /^(?:examples?|samples?|demos?|playground|cookbooks?|recipes)$/iu,
    reason: 'examples show how to run a model; the user picks one',
    seen: 'vLLM examples/offline_inference/basic/basic.py (LLM(model="facebook/opt-125m")); KAITO examples/inference/*.yaml',
  },
  {
    // a folder named as a set of examples: docker-examples/, example_configs/, sample-deployments/
    folders: /(?:^|[-_.])(?:examples?|samples?|demos?)(?:$|[-_.])/iu,
    reason: 'a set of examples shows how to run a model; the user picks one',
    seen: 'docker-examples/ of a model-agnostic front-end (fixture closed-model-sample-compose-of-engine)',
  },
  {
    folders: /^(?:guides?|tutorials?)$/iu,
    reason: 'walk-throughs, each deploying the model its scenario needs',
    seen: 'llm-d guides/<scenario>/modelserver/<accelerator>/vllm/patch-vllm.yaml (vllm serve meta-llama/Llama-3.2-3B-Instruct); production-stack tutorials/assets/values-01-minimal-example.yaml',
  },
  {
    folders: /^(?:tests?|testing|__tests__|spec|specs|e2e|fixtures?)$/iu,
    reason: 'tests load a model to test the code',
    seen: 'tests/ folders of Python and TypeScript projects',
  },
  {
    folders: /^(?:docs?|documentation|notebooks?)$/iu,
    reason: 'documentation names models as illustrations',
    seen: 'docs/ snippets and notebooks/',
  },
  {
    folders: /^(?:benchmarks?|bench|evals?|evaluation)$/iu,
    reason: 'benchmarks and evaluations measure models rather than serve one',
    seen: 'benchmarks/ of serving engines',
  },
];

/** The kind of a folder whose files never name a default, or undefined. */
export function notDefaultFolderKind(name: string): NotDefaultFolderKind | undefined {
  return notDefaultFolderKinds.find((kind) => kind.folders.test(name));
}

/**
 * Folders named for a hardware profile: `cpu`, `gpu-8g`, `intel`, `cuda12`,
 * `rocm`, `tpu`, `xpu`, `metal`… When a folder holds two or more of them, each
 * with its own model configs (LocalAI's `aio/cpu/`, `aio/gpu-8g/`,
 * `aio/intel/`, of which the image's entrypoint loads the one the machine
 * has), a model that not every profile names is that profile's choice, not
 * the project's default. A model every profile names stays a default: the
 * project runs it whatever the machine (hardwareProfiles.ts).
 */
export const hardwareProfileFolder = /^(?:cpu|gpu(?:[-_]?\d+g[bi]?)?|cuda(?:[-_.]?\d+)*|rocm(?:[-_.]?\d+)*|hip|intel|xpu|hpu|tpu|npu|metal|apple|mps|nvidia|amd|vulkan|sycl|jetson|gaudi|neuron)$/iu;
