import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // `antd/locale/*` are CommonJS shims over antd/lib; the ES build shares code with the rest of antd.
    alias: [{ find: /^antd\/locale\/(.+)$/, replacement: 'antd/es/locale/$1' }],
  },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
  },
});
