import { deflateSync } from 'node:zlib';
import { declaredImageSize, sealImageType } from './seal-image';

function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(height * (1 + width * 3)))),
  ]);
}

/** SOI, an APP0 segment, then SOF0 with the given size. */
function jpeg(width: number, height: number, frameMarker = 0xc0): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46]);
  const sof = Buffer.from([
    0xff,
    frameMarker,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    1,
    0,
    0,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

describe('sealImageType', () => {
  it.each([
    ['a PNG', png(2, 2), 'image/png'],
    ['a JPEG', jpeg(2, 2), 'image/jpeg'],
    ['a GIF', Buffer.from('GIF89a....'), null],
    ['text named seal.png', Buffer.from('not an image'), null],
    ['nothing', Buffer.alloc(0), null],
  ])('%s is %p', (_, content, type) => {
    expect(sealImageType(content)).toBe(type);
  });
});

describe('declaredImageSize', () => {
  it('reads a PNG’s size from its header', () => {
    expect(declaredImageSize(png(640, 480))).toEqual({ width: 640, height: 480 });
  });

  it('reads a JPEG’s size from its first start-of-frame, baseline or progressive, past other segments', () => {
    expect(declaredImageSize(jpeg(800, 600))).toEqual({ width: 800, height: 600 });
    expect(declaredImageSize(jpeg(1024, 768, 0xc2))).toEqual({ width: 1024, height: 768 });
  });

  it('believes a huge claim, so the caller can refuse it before decoding anything', () => {
    expect(declaredImageSize(png(20000, 20000).subarray(0, 33))).toEqual({ width: 20000, height: 20000 });
  });

  it('gives null for a PNG without its header chunk, a JPEG without a frame, or anything else', () => {
    expect(declaredImageSize(png(2, 2).subarray(0, 20))).toBeNull();
    expect(declaredImageSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toBeNull();
    expect(declaredImageSize(Buffer.from('hello'))).toBeNull();
  });
});
