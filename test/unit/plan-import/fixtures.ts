/** Paths and loaders for the plan fixtures of these tests. */
import { existsSync, readFileSync } from 'node:fs';

const HERE = new URL('../../fixtures/plans/', import.meta.url);

/** The shared fixture directory beside the repository, when this checkout has it. */
export const SHARED = new URL('../../../../shared/fixtures/plans/', import.meta.url);

/** The real plan lives once in the repository, in seed/plans (the seed imports it too). */
const SEED = new URL('../../../seed/plans/', import.meta.url);

export function fixtureText(name: string): string {
  const local = new URL(name, HERE);
  return readFileSync(existsSync(local) ? local : new URL(name, SEED), 'utf8');
}

export function fixtureJson<T>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

export function sharedExists(name: string): boolean {
  return existsSync(new URL(name, SHARED));
}

export function sharedText(name: string): string {
  return readFileSync(new URL(name, SHARED), 'utf8');
}
