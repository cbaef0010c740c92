import { HfInference } from '@huggingface/inference';

const hf = new HfInference(process.env.HF_TOKEN);
const pattern = /"model": "not/;

export async function answer(question: string): Promise<string> {
  const result = await hf.textGeneration({ model: 'google/gemma-2-9b-it', inputs: question });
  return result.generated_text;
}
