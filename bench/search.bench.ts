import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { Actor } from '@dafu/platform/auth/actor';
import type { DafuConfig } from '@dafu/platform/config/dafu-config';
import { postgresOptions } from '@dafu/platform/database/database-settings';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { SearchIndexer } from '@dafu/search/search-indexer.service';
import type { SearchPublication } from '@dafu/search/search-publication';
import { SearchService } from '@dafu/search/search.service';
import { SimilarRepliesService } from '@dafu/search/similar-replies.service';
import { createEmptyDatabase, dropDatabase, migrate } from '@dafu/testing/test-database';
import type { BenchRow } from './bench-result';

/**
 * Search at scale: a throwaway database with BENCH_SIZE documents (default 100,000: four in five
 * proposals, one in five archived letters with 文号 and signatories), Chinese text made of the seed
 * letters' sentences shuffled, indexed by the real indexer, then each kind of query timed.
 */
const SEEDS = join(__dirname, '../test/fixtures/seeds');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '晓静峥锋杰冰益民法中明华建国丽娟伟强军平刚勇毅俊峰磊涛斌辉鹏';
const PREFIXES = ['濮民文', '三民文', '焦民函', '本民字', '濮卫文', '三教文', '焦人社', '本财字'];

/**
 * The seed letters are all about care for the elderly; real archives span every subject. Each
 * generated document takes one subject and the seed sentences' subject words are swapped for it,
 * so a word like 养老 matches about a tenth of the documents, as in a real year's proposals.
 */
const SUBJECTS: readonly [string, string, string][] = [
  ['养老', '老年人', '老龄'],
  ['教育', '学生', '学龄'],
  ['医疗', '患者', '病患'],
  ['交通', '市民', '出行'],
  ['住房', '住户', '安居'],
  ['就业', '劳动者', '职业'],
  ['环保', '居民', '生态'],
  ['农业', '农民', '乡村'],
  ['文旅', '游客', '文化'],
  ['托育', '婴幼儿', '育儿'],
];

function onSubject(text: string, [a, b, c]: readonly [string, string, string]): string {
  return text
    .replace(/养老/g, a)
    .replace(/老年人/g, b)
    .replace(/老龄/g, c);
}

/** A deterministic generator, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function seedSentences(): { sentences: string[]; topics: string[] } {
  const sentences: string[] = [];
  const topics: string[] = [];
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(SEEDS, file), 'utf8').replace(/\[bookmark:[^\]]*\]/g, '');
    for (const s of text.split(/(?<=[。！？；])/)) {
      const clean = s.replace(/\s+/g, '');
      if (clean.length >= 12 && clean.length <= 160) sentences.push(clean);
    }
    for (const line of text.split('\n')) {
      const heading = /^[一二三四五六七八九十]+、(.{6,30}?)[。：]?$/.exec(line.trim());
      if (heading) topics.push(heading[1]);
    }
  }
  return { sentences, topics };
}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] * 100) / 100;
}

async function time(samples: number, work: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  await work(-1); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await work(i);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), p99: percentile(ms, 0.99) };
}

export async function run(): Promise<BenchRow[]> {
  const size = Number(process.env.BENCH_SIZE ?? 100_000);
  const name = `dafu_test_bench_search_${randomBytes(4).toString('hex')}`;
  const settings = await createEmptyDatabase(name);
  const dataSource = new DataSource({ ...postgresOptions(settings), logging: false });
  const rows: BenchRow[] = [];
  try {
    await migrate(settings);
    await dataSource.initialize();
    const random = rng(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const { sentences, topics } = seedSentences();
    const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.5 ? pick([...GIVEN]) : '');
    const paragraph = (n: number) => Array.from({ length: n }, () => pick(sentences)).join('');

    const [org] = await dataSource.query(
      `INSERT INTO organisations (name, kind) VALUES ('基准测试提案委', $1) RETURNING id`,
      [OrganisationKind.CppccCommittee],
    );
    const [user] = await dataSource.query(
      `INSERT INTO users (username, display_name, organisation_id, roles, password_hash)
       VALUES ('bench', '基准', $1, '{registrar}', 'x') RETURNING id`,
      [org.id],
    );
    const sessions: { id: string; kind: string }[] = [];
    for (let term = 8; term <= 9; term++) {
      for (let sitting = 1; sitting <= 5; sitting++) {
        const [s] = await dataSource.query(
          `INSERT INTO sessions (body, term, sitting, year, name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [
            sitting % 2 ? 'cppcc' : 'npc',
            term,
            sitting,
            2015 + term + sitting,
            `市${sitting % 2 ? '政协' : '人大'}${term}届${sitting}次会议`,
          ],
        );
        sessions.push({ id: s.id, kind: sitting % 2 ? 'proposal' : 'suggestion' });
      }
    }
    const [imp] = await dataSource.query(
      `INSERT INTO archive_imports (imported_by, organisation_id, file_count, imported_count, failed_count)
       VALUES ($1, $2, 0, 0, 0) RETURNING id`,
      [user.id, org.id],
    );

    const letters = Math.round(size / 5);
    const proposals = size - letters;
    const generateStart = Date.now();
    const BATCH = 2000;
    for (let done = 0; done < proposals; done += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, proposals - done) }, (_, k) => {
        const session = sessions[(done + k) % sessions.length];
        const subject = SUBJECTS[(done + k) % SUBJECTS.length];
        return {
          session_id: session.id,
          number: Math.floor((done + k) / sessions.length) + 1,
          kind: session.kind,
          title: onSubject(`关于${pick(topics)}的${random() < 0.5 ? '提案' : '建议'}`, subject),
          body: onSubject(paragraph(4 + Math.floor(random() * 8)), subject),
          proposer: person(),
        };
      });
      await dataSource.query(
        `WITH p AS (
           INSERT INTO proposals (session_id, number, kind, title, body)
           SELECT session_id, number, kind::proposal_kind, title, body
             FROM jsonb_to_recordset($1::jsonb) AS r(session_id uuid, number int, kind text, title text, body text)
           RETURNING id, session_id, number)
         INSERT INTO proposers (proposal_id, position, role, kind, name)
         SELECT p.id, 1, 'lead', 'person', r.proposer
           FROM p JOIN jsonb_to_recordset($1::jsonb) AS r(session_id uuid, number int, proposer text)
             ON r.session_id = p.session_id AND r.number = p.number`,
        [JSON.stringify(batch)],
      );
    }
    for (let done = 0; done < letters; done += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, letters - done) }, (_, k) => {
        const n = done + k;
        const subject = SUBJECTS[n % SUBJECTS.length];
        const year = 2015 + (n % 10);
        const headings = Array.from({ length: 3 + (n % 3) }, () => pick(topics));
        const text = onSubject(
          [
            `关于对市政协第${(n % 900) + 1}号提案的答复`,
            `${person()}委员：`,
            paragraph(2),
            ...headings.flatMap((h, i) => [`${'一二三四五'[i]}、${h}`, paragraph(2 + Math.floor(random() * 3))]),
          ].join('\n'),
          subject,
        );
        return {
          file_name: `letter-${n}.txt`,
          text_sha256: randomBytes(32).toString('hex'),
          text,
          document_number: `${PREFIXES[n % PREFIXES.length]}〔${year}〕${Math.floor(n / PREFIXES.length / 10) + 1}号`,
          signatory: person(),
          grade: 'ABC'[n % 3],
          kind: n % 2 ? 'suggestion' : 'proposal',
          proposal_number: (n % 900) + 1,
          proposal_title: onSubject(`关于${pick(topics)}的提案`, subject),
          section_headings: headings.map((h) => onSubject(h, subject)),
          sections: headings.map((heading) => ({
            heading: onSubject(heading, subject),
            paragraphs: [onSubject(paragraph(2), subject)],
          })),
          addressees: { people: [person()], title: '委员', organisation: null },
        };
      });
      await dataSource.query(
        `INSERT INTO archived_letters (import_id, file_name, text_sha256, text, document_number, signatory, grade, kind,
                proposal_number, proposal_title, section_headings, sections, addressees)
         SELECT $2, file_name, text_sha256, text, document_number, signatory, grade, kind::proposal_kind,
                proposal_number, proposal_title, section_headings, sections, addressees
           FROM jsonb_to_recordset($1::jsonb) AS r(file_name text, text_sha256 text, text text, document_number text,
                signatory text, grade text, kind text, proposal_number int, proposal_title text,
                section_headings jsonb, sections jsonb, addressees jsonb)`,
        [JSON.stringify(batch), imp.id],
      );
    }
    const generateSeconds = (Date.now() - generateStart) / 1000;

    const indexer = new SearchIndexer(dataSource, { timezone: 'Asia/Shanghai' } as DafuConfig);
    const counts = await indexer.rebuild();
    const indexed = counts.proposals + counts.archivedLetters;
    await dataSource.query(`VACUUM ANALYZE search_documents`);
    const [{ tsv_index, total }] = await dataSource.query(
      `SELECT pg_size_pretty(pg_relation_size('search_documents_tsv_idx')) AS tsv_index,
              pg_size_pretty(pg_total_relation_size('search_documents')) AS total`,
    );
    rows.push({
      group: 'search',
      name: 'index (jieba + tsvector upsert)',
      size: indexed,
      samples: 1,
      p50Ms: Math.round((counts.seconds * 1000 * 100) / indexed) / 100,
      p99Ms: Math.round(counts.seconds * 1000),
      note:
        `${Math.round(indexed / counts.seconds)} docs/s; p50Ms = ms per doc, p99Ms = whole rebuild; ` +
        `GIN tsv ${tsv_index}, table+indexes ${total}; data generated in ${generateSeconds.toFixed(0)} s`,
    });

    // A bureau reader's scope carries both bodies' publication cutoffs, as in the API.
    const today = new Date().toISOString().slice(0, 10);
    const publication = {
      cutoffsFor: async (scope: { kind: string }) =>
        scope.kind === 'city'
          ? []
          : [
              { body: 'cppcc', cutoff: today },
              { body: 'npc', cutoff: today },
            ],
    } as unknown as SearchPublication;
    const service = new SearchService(dataSource, publication);
    const similar = new SimilarRepliesService(dataSource, publication);
    const city: Actor = {
      userId: user.id,
      username: 'bench',
      organisationId: org.id,
      organisationKind: OrganisationKind.CppccCommittee,
      roles: [Role.Registrar],
    };
    const bureau: Actor = { ...city, organisationKind: OrganisationKind.Bureau, roles: [Role.Clerk] };
    const sample = await dataSource.query<{ document_number: string; title: string; body: string }[]>(
      `SELECT document_number, title, body FROM search_documents WHERE doc_kind = 'archived_letter'
        ORDER BY source_id LIMIT $1`,
      [SAMPLES + 1],
    );
    const matches = async (q: string) =>
      Number((await dataSource.query(`SELECT count(*) FROM search_documents WHERE tsv @@ $1::tsquery`, [q]))[0].count);
    const measure = async (name: string, work: (i: number) => Promise<unknown>, note?: string) => {
      const { p50, p99 } = await time(SAMPLES, work);
      rows.push({ group: 'search', name, size: indexed, samples: SAMPLES, p50Ms: p50, p99Ms: p99, note });
    };
    const at = (i: number) => sample[Math.max(0, i) % sample.length];

    await measure(
      'q=养老 (2-char word), page of 20 + snippets',
      () => service.search(city, { q: '养老' }),
      `${await matches("'养老'")} matches`,
    );
    await measure(
      'q=日间照料中心 (longer word)',
      () => service.search(city, { q: '日间照料中心' }),
      `${await matches("'日间' & '照料' & '中心'")} matches`,
    );
    await measure('q=养老 + session + kind filters', (i) =>
      service.search(city, {
        q: '养老',
        sessionId: sessions[Math.max(0, i) % sessions.length].id,
        kind: 'proposal' as never,
      }),
    );
    await measure('q=养老 as a bureau clerk (scope)', () => service.search(bureau, { q: '养老' }));
    await measure('q=rare word 护理员 + 培训', () => service.search(city, { q: '护理员 培训' }));
    await measure('文号 lookup (documentNumber=, pg_trgm)', (i) =>
      service.search(city, { documentNumber: at(i).document_number }),
    );
    await measure('文号 typed as q=[2019] brackets', (i) =>
      service.search(city, { q: at(i).document_number.replace('〔', '[').replace('〕', ']') }),
    );
    await measure('name lookup 晓静 (name=; two characters: name-gram GIN)', () =>
      service.search(city, { name: '晓静' }),
    );
    await measure('similar replies (fingerprint cosine + shingles)', (i) =>
      similar.similarTo(city, at(i).title, at(i).body),
    );

    // The alternative: pg_trgm alone, ILIKE over title and body with a trigram GIN on both.
    const trgmStart = Date.now();
    await dataSource.query(
      `CREATE INDEX bench_body_trgm ON search_documents USING gin ((title || ' ' || body) gin_trgm_ops)`,
    );
    const trgmSeconds = (Date.now() - trgmStart) / 1000;
    const [{ trgm_size }] = await dataSource.query(
      `SELECT pg_size_pretty(pg_relation_size('bench_body_trgm')) AS trgm_size`,
    );
    const ilike = (word: string) =>
      dataSource.query(
        `SELECT source_id, count(*) OVER () AS total FROM search_documents
          WHERE (title || ' ' || body) ILIKE $1 ORDER BY dated_on DESC NULLS LAST LIMIT 20`,
        [`%${word}%`],
      );
    await measure(
      'pg_trgm only: ILIKE %养老% (2 chars: no trigram)',
      () => ilike('养老'),
      `trigram GIN built in ${trgmSeconds.toFixed(0)} s, ${trgm_size}; no ranking`,
    );
    await measure('pg_trgm only: ILIKE %日间照料中心%', () => ilike('日间照料中心'), 'no ranking, no word boundaries');
    await measure('pg_trgm only: ILIKE %护理员%', () => ilike('护理员'));
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    // BENCH_KEEP=1 leaves the database for EXPLAIN; its name contains "test", so the test harness's cleanup reaps it.
    if (process.env.BENCH_KEEP === '1') process.stderr.write(`Kept database ${name}\n`);
    else await dropDatabase(name);
  }
  return rows;
}
