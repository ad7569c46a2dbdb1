// Astro 7 declares no module type for `.astro` files to plain tsc (its language server and `astro check`
// type them): the container tests import components, so `npx tsc --noEmit -p .` needs this shim.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
