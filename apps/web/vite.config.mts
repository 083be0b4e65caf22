import { defineConfig } from 'vite';

/** Built into apps/web/dist and served by the API under /app/ (apps/api/src/web-app.ts). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  // JSX through Vite's own transform (oxc), automatic runtime: no React plugin needed for a build.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    // npm run web:dev: the API on :3000 answers every path that is not the app's own (/app/…).
    proxy: { '^/(?!app(/|$))': 'http://127.0.0.1:3000' },
  },
});
