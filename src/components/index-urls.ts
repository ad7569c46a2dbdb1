// Index pages that src/model/urls.ts has no function for yet. Kept in one place so that moving them
// into urls.ts (owned by the lead) is a one-line change per name.
// TODO(urls): move to src/model/urls.ts.
export const documentsIndexUrl = () => '/documents/';
export const departmentsIndexUrl = () => '/departments/';
export const regionsIndexUrl = () => '/regions/';
export const overdueUrl = () => '/overdue/';
