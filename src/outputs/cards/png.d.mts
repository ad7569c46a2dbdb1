export const PNG_LEVEL: number;
export function isOpaque(rgba: Uint8Array): boolean;
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer;
