import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL server (superuser URL); take a database with freshDatabase. */
    postgresUrl: string;
  }
}

/** Starts one PostgreSQL cluster for the whole vitest run, and stops it at the end. */
export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
