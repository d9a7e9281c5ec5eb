import { defineConfig } from 'vite';

// The binary serves dist/ itself (tianping serve --web web/dist); `npm run dev` proxies /api to it.
export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
