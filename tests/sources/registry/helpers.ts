// Shared by the registry tests: the real registry under content/registry/ and the fixtures under
// tests/fixtures/registry/.
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/repo';
import type { Registry } from '../../../src/sources/registry/registry';
import { loadRegistry } from '../../../src/sources/registry/load';
import { resolveUnit } from '../../../src/sources/registry/resolve';

export const root = REPO_ROOT;
export const fixtures = join(root, 'tests/fixtures/registry');
export const real = loadRegistry(join(root, 'content/registry'));

export const nameOf = (reg: Registry, id: string | null) => (id ? reg.departmentById.get(id)?.name : undefined);
export const resolvedName = (written: string, region: string) => nameOf(real, resolveUnit(real, written, region).departmentId);
