/**
 * Keeps the module graph acyclic and the domain pure: `libs/<context>/src/domain` holds plain
 * TypeScript rules with no framework, ORM or queue imports.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Module cycles become forwardRef webs; the graph must stay acyclic.',
      from: {},
      // A type-only back reference (a TypeORM relation's type) is erased at compile time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment: 'Domain rules are plain TypeScript: no Nest, TypeORM, BullMQ, Redis or HTTP in libs/*/src/domain.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: 'node_modules/(@nestjs|typeorm|bullmq|ioredis|fastify|@fastify|pg|class-validator|class-transformer|exceljs|csv-parse)',
      },
    },
    {
      name: 'domain-depends-on-domain-only',
      severity: 'error',
      comment:
        'A domain module may import other domain modules, the shared vocabulary and assertUnreachable: nothing with side effects.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: '^libs/',
        pathNot: [
          '^libs/[^/]+/src/domain/',
          '^libs/platform/src/vocabulary\\.ts$',
          '^libs/platform/src/errors/assert-unreachable\\.ts$',
        ],
      },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      comment: 'Only the test harness starts the composition roots.',
      from: { path: '^libs/', pathNot: '^libs/testing/' },
      to: { path: '^apps/' },
    },
    {
      name: 'platform-knows-no-context',
      severity: 'error',
      comment: 'libs/platform is the bottom layer: contexts depend on it, never the reverse.',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/(?!platform/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // apps/web/dist: Vite's output (a lazy chunk and its importer refer to each other), not source.
    exclude: { path: '(\\.spec\\.ts$|\\.e2e-spec\\.ts$|\\.medium-spec\\.ts$|^apps/web/dist/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
