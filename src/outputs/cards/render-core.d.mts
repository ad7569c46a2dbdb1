export interface RendererOptions {
  family: string;
  fonts: { weight: 400 | 700; data: Uint8Array }[];
  width: number;
  height: number;
}
export function createRenderer(options: RendererOptions): (tree: unknown) => Promise<Buffer>;
