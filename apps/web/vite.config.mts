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
    // npm run web:dev: the API on :3000 answers everything that is not the app.
    proxy: Object.fromEntries(
      [
        '/auth',
        '/assignments',
        '/proposals',
        '/replies',
        '/sessions',
        '/organisations',
        '/public',
        '/verify',
        '/docs',
      ].map((path) => [path, 'http://127.0.0.1:3000']),
    ),
  },
});
