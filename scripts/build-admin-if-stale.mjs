// Builds the admin app when its sources are newer than the last build, so `npm start`
// always serves the current admin without a separate build step.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../web/admin/', import.meta.url).pathname;
const built = join(root, 'dist', 'index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(built) || newest(root) > statSync(built).mtimeMs) {
  console.log('Đang build giao diện quản trị (web/admin)…');
  execFileSync(process.execPath, [join(root, '../../node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit' });
}
