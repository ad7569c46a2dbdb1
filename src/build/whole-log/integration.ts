// Astro integration: Astro's build log arrives whole when it goes to a pipe (see whole-log.ts).
import type { AstroIntegration } from 'astro';
import { blockingWrites } from './whole-log';

export default function wholeLogIntegration(): AstroIntegration {
  return {
    name: 'qingdan-whole-log',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') blockingWrites();
      },
    },
  };
}
