export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer;
