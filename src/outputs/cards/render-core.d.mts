export interface RendererOptions {
  family: string;
  fonts: { weight: 400 | 700; data: Uint8Array }[];
  width: number;
  height: number;
  /** Opaque colour laid under the drawing: the PNG encoder takes resvg's pixels as they are. */
  background: string;
}
export function createRenderer(options: RendererOptions): (tree: unknown) => Promise<Buffer>;
