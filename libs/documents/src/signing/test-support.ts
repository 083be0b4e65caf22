/* Helpers for the signing specs only: Typst fixtures, signature extraction and the CLI checkers. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const FANDOL = '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/';
let compiler: NodeCompiler | undefined;

export function typstPdf(body = '你好'): Buffer {
  compiler ??= NodeCompiler.create({ fontArgs: [{ fontPaths: [FANDOL] }] });
  return compiler.pdf({ mainFileContent: `#set text(font: "FandolFang")\n${body}` });
}

export interface ExtractedSignature {
  byteRange: [number, number, number, number];
  /** The CMS exactly, cut at its DER length rather than at trailing zeros (a DER can end in 00). */
  cms: Buffer;
  signedBytes: Buffer;
}

export function extractLastSignature(pdf: Buffer): ExtractedSignature {
  const matches = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = matches[matches.length - 1];
  if (!last) throw new Error('no /ByteRange');
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  const padded = Buffer.from(pdf.subarray(b + 1, c - 1).toString('latin1'), 'hex');
  return {
    byteRange: [a, b, c, d],
    cms: padded.subarray(0, derLength(padded)),
    signedBytes: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
  };
}

function derLength(der: Buffer): number {
  const first = der[1];
  if (first < 0x80) return 2 + first;
  const octets = first & 0x7f;
  return 2 + octets + der.subarray(2, 2 + octets).readUIntBE(0, octets);
}

/** Rewrites /ByteRange in place, padded to the same length so no offset moves. */
export function withByteRange(pdf: Buffer, numbers: number[]): Buffer {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  const end = text.indexOf(']', at) + 1;
  const oldLength = /^ */.exec(text.slice(end))![0].length + end - at;
  const replacement = `/ByteRange [${numbers.join(' ')}]`.padEnd(oldLength, ' ');
  if (replacement.length !== oldLength) throw new Error('ByteRange does not fit');
  return Buffer.concat([pdf.subarray(0, at), Buffer.from(replacement, 'latin1'), pdf.subarray(at + oldLength)]);
}

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'dafu-signing-'));
}

export interface CommandResult {
  status: number | null;
  output: string;
}

export function run(command: string, args: string[]): CommandResult {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export function commandExists(command: string, versionFlag = '-v'): boolean {
  return spawnSync(command, [versionFlag], { encoding: 'utf8' }).error === undefined;
}

/** Writes the CMS and its content to `dir` and runs `openssl cms -verify` with the extra args. */
export function opensslCmsVerify(dir: string, signature: ExtractedSignature, extra: string[]): CommandResult {
  const cmsPath = join(dir, `sig-${process.hrtime.bigint()}.der`);
  const dataPath = `${cmsPath}.bin`;
  writeFileSync(cmsPath, signature.cms);
  writeFileSync(dataPath, signature.signedBytes);
  return run('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    cmsPath,
    '-content',
    dataPath,
    '-out',
    '/dev/null',
    ...extra,
  ]);
}
