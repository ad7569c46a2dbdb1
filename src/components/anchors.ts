// Anchors inside a document page: one per task paragraph of the full text, one per heading. The task
// page links back to its paragraph ("查看原文段落") through taskSourceUrl.
// TODO(urls): taskSourceUrl belongs in src/model/urls.ts (owned by the lead).
import { documentUrl } from '../model/urls';

/** Local ids are URL-safe already ("t12", "g2-t3", "p7"); anything else is replaced, never trusted. */
const clean = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '-');

export const taskAnchor = (localId: string) => `task-${clean(localId)}`;
export const sectionAnchor = (sectionId: string) => `section-${clean(sectionId)}`;
export const measureAnchor = (measureId: string) => `measure-${clean(measureId.split('/').pop() ?? measureId)}`;

/** The task's paragraph in its document's full text. */
export const taskSourceUrl = (documentSlug: string, localId: string) => `${documentUrl(documentSlug)}#${taskAnchor(localId)}`;
