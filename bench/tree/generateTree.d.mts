// Types for generateTree.mjs (used by tests as well as the benchmark).
export function random(seed: number): () => number;
export function markdownDocument(next: () => number, bytes: number, options?: { frontMatter?: boolean; claimShare?: number; license?: string }): string;
export function generateTree(root: string, options?: { files?: number; nodeModules?: number; seed?: number }): { files: number; nodeModules: number; projects: number; modelProjects: number };
