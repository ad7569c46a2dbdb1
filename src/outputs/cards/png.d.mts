export const PNG_LEVEL: number;
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer;
