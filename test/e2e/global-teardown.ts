import { rmSync } from 'node:fs';

/** Removes the run's temporary DATA_DIR (made in playwright.config.ts). */
export default function globalTeardown(): void {
  const dir = process.env.MINHBACH_E2E_DATA_DIR;
  if (dir && /minhbach-e2e-/.test(dir)) rmSync(dir, { recursive: true, force: true });
}
