import { checkAttachment, cleanFilename } from './attachment-policy';

const PDF = Buffer.from('%PDF-1.7\n...');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
const EXE = Buffer.from('MZ\x90\x00');

describe('checkAttachment', () => {
  it.each([
    ['会办意见.pdf', PDF, 'application/pdf'],
    ['答复稿.DOCX', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['统计表.xlsx', ZIP, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['旧版.doc', OLE, 'application/msword'],
    ['现场照片.jpg', JPEG, 'image/jpeg'],
    ['扫描件.png', PNG, 'image/png'],
    ['沟通记录.txt', Buffer.from('电话沟通，委员表示满意'), 'text/plain'],
    ['gbk.txt', Buffer.from([0xb1, 0xe0, 0xba, 0xc5]), 'text/plain'],
    ['公文.ofd', ZIP, 'application/ofd'],
  ])('accepts %s', (name, content, contentType) => {
    expect(checkAttachment(name, content)).toEqual({ problem: null, contentType });
  });

  it.each([
    ['empty.pdf', Buffer.alloc(0), 'empty'],
    ['virus.exe', EXE, 'type_not_allowed'],
    ['no-extension', PDF, 'type_not_allowed'],
    ['renamed.pdf', EXE, 'content_mismatch'],
    ['fake.docx', PDF, 'content_mismatch'],
    ['binary.txt', Buffer.from([0x41, 0x00, 0x42]), 'content_mismatch'],
  ])('refuses %s: %s', (name, content, problem) => {
    expect(checkAttachment(name, content)).toEqual({ problem });
  });

  it('refuses files over the limit', () => {
    expect(checkAttachment('big.pdf', Buffer.concat([PDF, Buffer.alloc(100)]), 50)).toEqual({ problem: 'too_large' });
  });
});

describe('cleanFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\\\Users\\\\王丽\\\\会办意见.pdf', '会办意见.pdf'],
    ['a"b\u0007.pdf', 'ab.pdf'],
    ['   ', 'attachment'],
  ])('%p becomes %p', (input, expected) => {
    expect(cleanFilename(input)).toBe(expected);
  });
});
