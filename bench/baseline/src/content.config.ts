// One collection: the Markdown pages bench/run.ts wrote for this run.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: '**/*.md', base: process.env.BENCH_BASELINE_PAGES ?? './pages' }),
    schema: z.object({ title: z.string() }),
  }),
};
