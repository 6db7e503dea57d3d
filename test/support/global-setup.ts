import type { TestProject } from 'vitest/node';
import { startPgCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

/** Starts one PostgreSQL cluster for the whole run (or uses MINHBACH_TEST_PG_URL). */
export default async function setup(project: TestProject) {
  const external = process.env.MINHBACH_TEST_PG_URL;
  if (external) {
    project.provide('pgUrl', external);
    return;
  }
  const cluster = await startPgCluster();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
