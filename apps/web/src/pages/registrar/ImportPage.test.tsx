import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { refusal, sessionFixture } from './fixtures';
import { ImportPage } from './ImportPage';
import { chooseOption, expectEveryFieldLabelled } from './testing';
import type { ImportPreview, ImportPreviewRow } from './types';

// antd forms in jsdom on a shared two-core machine take a while per interaction.

const CSV = '编号,标题,提案人,主办单位\n146,关于养老的提案,姚峥,三门峡市民政局\n147,,李红,不存在的局\n';

function csvFile(name = '提案清单.csv', content = CSV): File {
  return new File([content], name, { type: 'text/csv' });
}

function xlsxFile(): File {
  return new File(['PK\u0003\u0004 xlsx bytes'], '交办清单.xlsx');
}

function row(line: number, overrides: Partial<ImportPreviewRow> = {}): ImportPreviewRow {
  return {
    line,
    number: 144 + line,
    title: `关于第${line}行的提案`,
    kind: 'proposal',
    proposers: [{ name: '姚峥', kind: 'person' }],
    category: null,
    receivedOn: null,
    body: null,
    leadBureau: '三门峡市民政局',
    coBureaus: [],
    separateBureaus: [],
    problems: [],
    ...overrides,
  };
}

function previewOf(filename: string, rows: ImportPreviewRow[], fileProblems: ImportPreview['fileProblems'] = []) {
  const problems = rows.flatMap((r) => r.problems).length + fileProblems.length;
  const valid = fileProblems.length > 0 ? 0 : rows.filter((r) => r.problems.length === 0).length;
  return {
    filename,
    importable: problems === 0,
    counts: {
      rows: rows.length,
      valid,
      withProblems: rows.filter((r) => r.problems.length > 0).length,
      alreadyRegistered: rows.filter((r) => r.problems.some((p) => p.code === 'NUMBER_TAKEN')).length,
      problems,
    },
    fileProblems,
    rows,
  } satisfies ImportPreview;
}

const BAD_CSV_PREVIEW = previewOf('提案清单.csv', [
  row(2, { number: 146, title: '关于养老的提案' }),
  row(3, {
    number: 147,
    title: null,
    proposers: [{ name: '李红', kind: 'person' }],
    leadBureau: '不存在的局',
    problems: [
      { line: 3, field: 'title', code: 'TITLE_EMPTY', zh: '第3行：标题为空', en: 'Line 3: title is empty' },
      {
        line: 3,
        field: 'leadBureau',
        code: 'BUREAU_UNKNOWN',
        zh: '第3行：主办单位“不存在的局”不是系统中的承办单位',
        en: 'Line 3: "不存在的局" is not a bureau known to Dafu',
      },
    ],
  }),
  row(4, {
    number: 9,
    problems: [{ line: 4, field: 'number', code: 'NUMBER_TAKEN', zh: '第4行：编号9已登记', en: 'Line 4: taken' }],
  }),
]);

async function chooseSession() {
  await chooseOption(await screen.findByLabelText('导入到会议'), '市政协八届一次会议');
}

function chooseFile(file: File) {
  fireEvent.change(screen.getByLabelText('清单文件'), { target: { files: [file] } });
}

function render(api: ReturnType<typeof fakeApi>['api']) {
  renderWithProviders(<ImportPage />, { session: fakeSession({ api, user: testUser(['registrar']) }) });
}

function confirmButton(): HTMLButtonElement {
  return screen.getByText(/^确认导入/, { selector: 'button span' }).closest('button') as HTMLButtonElement;
}

describe('ImportPage', () => {
  it("shows the server's preview of a CSV, each row's problems on it, and offers no import", async () => {
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'POST /proposals/import/preview': BAD_CSV_PREVIEW,
    });
    render(api);
    await chooseSession();
    chooseFile(csvFile());

    expect(await screen.findByText('预览：提案清单.csv，共 3 行')).toBeTruthy();
    expect(screen.getByTestId('import-counts').textContent).toBe(
      '共 3 行：可导入 1 行，有错误 2 行（其中编号已登记 1 行）',
    );
    expect(screen.getByRole('alert').textContent).toContain('有 3 处错误，不能导入');
    expectEveryFieldLabelled(document.body);

    const good = screen.getByText('关于养老的提案').closest('tr') as HTMLElement;
    const bad = screen.getByText('李红').closest('tr') as HTMLElement;
    expect(good.getAttribute('data-invalid')).toBeNull();
    expect(bad.getAttribute('data-invalid')).toBe('true');
    expect(bad.textContent).toContain('不存在的局');
    expect(bad.textContent).toContain('第3行：标题为空；第3行：主办单位“不存在的局”不是系统中的承办单位');
    expect(screen.getByText('错误', { selector: 'th' })).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);

    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(['/proposals/import/preview']);
    expect(posts[0].query.get('sessionId')).toBe('s1');
    expect(String(posts[0].body)).toContain('filename="提案清单.csv"');
    expect(String(posts[0].body)).toContain('146,关于养老的提案,姚峥,三门峡市民政局');
  });

  it('previews an XLSX the same way and imports it on confirmation', async () => {
    const preview = previewOf('交办清单.xlsx', [
      row(2, { number: 228, title: '关于发展养老事业的提案', receivedOn: '2024-01-15' }),
      row(3, { number: 229, leadBureau: null, proposers: [{ name: '民盟市委', kind: 'organisation' }] }),
    ]);
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'POST /proposals/import/preview': preview,
      'POST /proposals/import': {
        imported: 2,
        assignments: 1,
        proposals: [
          { id: 'p1', number: 228 },
          { id: 'p2', number: 229 },
        ],
      },
    });
    render(api);
    await chooseSession();
    chooseFile(xlsxFile());

    expect(await screen.findByText('预览：交办清单.xlsx，共 2 行')).toBeTruthy();
    expect(screen.getByTestId('import-counts').textContent).toBe('共 2 行：可导入 2 行，有错误 0 行');
    expect(screen.getByText('关于发展养老事业的提案')).toBeTruthy();
    expect(screen.getByText('2024-01-15')).toBeTruthy();
    expect(screen.getByText('民盟市委')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('tr[data-invalid]')).toBeNull();
    expect(requests.filter((r) => r.path === '/proposals/import')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('交办日期（清单中有承办单位时）'), { target: { value: '2023-03-01' } });
    expect(confirmButton().disabled).toBe(false);
    fireEvent.click(screen.getByText('确认导入 2 行'));
    expect(await screen.findByText('编号：228、229')).toBeTruthy();

    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(['/proposals/import/preview', '/proposals/import']);
    expect(String(posts[0].body)).toContain('filename="交办清单.xlsx"');
    expect(posts[1].query.get('sessionId')).toBe('s1');
    expect(posts[1].query.get('assignedOn')).toBe('2023-03-01');
    expect(String(posts[1].body)).toContain('filename="交办清单.xlsx"');
    expect(String(posts[1].body)).toContain('xlsx bytes');
  });

  it('checks the file again when the import finds what the preview did not (a number registered meanwhile)', async () => {
    const clean = previewOf('提案清单.csv', [row(2), row(3)]);
    const taken = previewOf('提案清单.csv', [
      row(2),
      row(3, {
        problems: [{ line: 3, field: 'number', code: 'NUMBER_TAKEN', zh: '第3行：编号147已登记', en: 'Line 3: taken' }],
      }),
    ]);
    let previews = 0;
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'POST /proposals/import/preview': () => (++previews === 1 ? clean : taken),
      'POST /proposals/import': refusal(
        422,
        'IMPORT_ROWS_INVALID',
        '文件中有错误行，未导入任何数据，请修改后重新上传。',
        'Some rows are invalid; nothing was imported.',
        { problems: taken.rows[1].problems },
      ),
    });
    render(api);
    await chooseSession();
    chooseFile(csvFile());
    fireEvent.click(await screen.findByText('确认导入 2 行'));

    expect(await screen.findByText('第3行：编号147已登记')).toBeTruthy();
    expect(await screen.findByText('文件中有错误行，未导入任何数据，请修改后重新上传。')).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      '/proposals/import/preview',
      '/proposals/import',
      '/proposals/import/preview',
    ]);
  });

  it('waits for the session before previewing, and lists header problems', async () => {
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'POST /proposals/import/preview': previewOf(
        '提案清单.csv',
        [row(2)],
        [
          {
            line: 1,
            field: 'header',
            code: 'HEADER_MISSING',
            zh: '第1行：缺少“提案人”列',
            en: 'Line 1: missing the proposers column',
          },
        ],
      ),
    });
    render(api);
    await screen.findByLabelText('导入到会议');
    chooseFile(csvFile());
    expect(await screen.findByText('选择会议后，服务器会按导入规则逐行检查此文件。')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await chooseSession();
    expect(await screen.findByText('第1行：缺少“提案人”列')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('有 1 处错误，不能导入');
    expect(confirmButton().disabled).toBe(true);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it("shows the API's message when it refuses the whole file", async () => {
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'POST /proposals/import/preview': refusal(
        422,
        'IMPORT_EMPTY',
        '文件中没有数据行。',
        'The file has no data rows.',
      ),
    });
    render(api);
    await chooseSession();
    chooseFile(xlsxFile());
    expect(await screen.findByText('文件中没有数据行。')).toBeTruthy();
    expect(screen.queryByText(/^确认导入/)).toBeNull();
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
  });

  it('refuses other file types before sending anything', async () => {
    const { api, requests } = fakeApi({ 'GET /sessions': [sessionFixture] });
    render(api);
    await chooseSession();
    chooseFile(new File(['x'], '清单.xls'));
    expect(await screen.findByText('只支持 CSV 和 XLSX 文件。')).toBeTruthy();
    expect(screen.queryByText(/^确认导入/)).toBeNull();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
