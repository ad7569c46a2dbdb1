// How pages name things when the source leaves a field empty.
import type { Document } from '../domain/types';

/** A document's title, or its slug when the text gave none (never an empty link or heading). */
export const documentTitle = (d: Pick<Document, 'title' | 'slug'>): string => d.title?.trim() || d.slug;
