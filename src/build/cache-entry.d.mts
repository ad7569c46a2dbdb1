export declare const hashFileOf: (entry: string) => string;
export declare const sha256: (data: Uint8Array) => string;
export declare function writeEntry(entry: string, data: Uint8Array): void;
export declare function writeEntryAsync(entry: string, data: Uint8Array): Promise<void>;
export declare function readEntry(entry: string): Buffer | 'missing' | 'damaged';
export declare const BACKDATE_MS: number;
export declare function entrySize(entry: string): number | 'missing' | 'damaged';
export declare function settleFile(file: string): string;
export declare function fileIsAsRecorded(file: string, hash: string, stamp: string): boolean;
