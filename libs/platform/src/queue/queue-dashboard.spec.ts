import { readDashboardCredentials } from './queue-dashboard';

const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('readDashboardCredentials', () => {
  it.each([
    [undefined, { scheme: 'none' }],
    ['', { scheme: 'none' }],
    ['   ', { scheme: 'none' }],
    ['Bearer abc.def.ghi', { scheme: 'bearer' }],
    ['bearer abc', { scheme: 'bearer' }],
    ['Bearer', { scheme: 'bearer' }],
    [basic('admin:secret'), { scheme: 'basic', username: 'admin', password: 'secret' }],
    [
      `basic ${Buffer.from('admin:secret').toString('base64')}`,
      { scheme: 'basic', username: 'admin', password: 'secret' },
    ],
    [basic('admin:se:cr:et'), { scheme: 'basic', username: 'admin', password: 'se:cr:et' }],
    [basic('admin:'), { scheme: 'basic', username: 'admin', password: '' }],
    [basic('管理员:密码'), { scheme: 'basic', username: '管理员', password: '密码' }],
    [basic(':secret'), { scheme: 'unusable' }],
    [basic('no-colon'), { scheme: 'unusable' }],
    ['Basic', { scheme: 'unusable' }],
    ['Basic not*base64', { scheme: 'unusable' }],
    ['Digest username="admin"', { scheme: 'unusable' }],
    ['admin:secret', { scheme: 'unusable' }],
  ])('%p → %p', (header, expected) => {
    expect(readDashboardCredentials(header)).toEqual(expected);
  });
});
