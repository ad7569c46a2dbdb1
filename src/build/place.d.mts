export function placeFile(from: string, to: string, made?: Set<string>): 'kept' | 'linked' | 'copied';
