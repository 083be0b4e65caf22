import { configure, fireEvent, screen } from '@testing-library/react';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { refusal, sessionFixture } from './fixtures';
import { ImportPage } from './ImportPage';
import { chooseOption, expectEveryFieldLabelled } from './testing';

// antd forms in jsdom on a shared two-core machine take a while per interaction.
jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 5_000 });

const CSV = '编号,标题,提案人,主办单位\n146,关于养老的提案,姚峥,三门峡市民政局\n147,,李红,三门峡市财政局\n';

function csvFile(name = '提案清单.csv', content = CSV): File {
  return new File([content], name, { type: 'text/csv' });
}

async function prepare(api: ReturnType<typeof fakeApi>['api'], file: File) {
  renderWithProviders(<ImportPage />, { session: fakeSession({ api, user: testUser(['registrar']) }) });
  await chooseOption(await screen.findByLabelText('导入到会议'), '市政协八届一次会议');
  fireEvent.change(screen.getByLabelText('清单文件'), { target: { files: [file] } });
}

function confirmButton(): HTMLElement {
  return screen.getByText(/^确认导入/, { selector: 'button span' });
}

describe('ImportPage', () => {
  it('previews the rows, sends nothing until confirmed, and marks the rows the API refuses', async () => {
    const problems = [
      { line: 3, field: 'title', zh: '第3行：缺少标题', en: 'Line 3: the title is missing' },
      {
        line: 3,
        field: 'leadBureau',
        zh: '第3行：主办单位“三门峡市财政局”不是系统中的承办单位',
        en: 'Line 3: unknown bureau',
      },
    ];
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'POST /proposals/import': refusal(
        422,
        'IMPORT_ROWS_INVALID',
        '文件中有错误行，未导入任何数据，请修改后重新上传。',
        'Some rows are invalid; nothing was imported. Fix them and upload again.',
        { problems },
      ),
    });
    await prepare(api, csvFile());

    expect(await screen.findByText('预览：提案清单.csv，共 2 行')).toBeTruthy();
    expect(screen.getByText('关于养老的提案')).toBeTruthy();
    expect(screen.getByText('李红')).toBeTruthy();
    expectEveryFieldLabelled(document.body);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.click(confirmButton());
    expect(await screen.findByText('有 2 处错误，未导入任何数据。请修改文件后重新上传。')).toBeTruthy();
    const bad = screen.getByText('李红').closest('tr') as HTMLElement;
    const good = screen.getByText('姚峥').closest('tr') as HTMLElement;
    expect(bad.getAttribute('data-invalid')).toBe('true');
    expect(good.getAttribute('data-invalid')).toBeNull();
    expect(bad.textContent).toContain('第3行：缺少标题；第3行：主办单位“三门峡市财政局”不是系统中的承办单位');

    const post = requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/proposals/import');
    expect(post?.query.get('sessionId')).toBe('s1');
    expect(String(post?.body)).toContain('filename="提案清单.csv"');
    expect(String(post?.body)).toContain('146,关于养老的提案,姚峥,三门峡市民政局');
  });

  it('imports on confirmation and says what was imported', async () => {
    const { api, requests } = fakeApi({
      'GET /sessions': [sessionFixture],
      'POST /proposals/import': {
        imported: 2,
        assignments: 2,
        proposals: [
          { id: 'p1', number: 146 },
          { id: 'p2', number: 147 },
        ],
      },
    });
    await prepare(api, csvFile());
    fireEvent.change(screen.getByLabelText('交办日期（清单中有承办单位时）'), { target: { value: '2023-03-01' } });
    fireEvent.click(await screen.findByText(/^确认导入 2 行$/));
    expect(await screen.findByText('编号：146、147')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.query.get('assignedOn')).toBe('2023-03-01');
  });

  it("shows the API's message when it refuses the whole file", async () => {
    const { api } = fakeApi({
      'GET /sessions': [sessionFixture],
      'POST /proposals/import': refusal(422, 'IMPORT_EMPTY', '文件中没有数据行。', 'The file has no data rows.'),
    });
    await prepare(api, new File(['PK\u0003\u0004'], '清单.xlsx'));
    expect(await screen.findByText(/XLSX 文件在浏览器中不逐行预览/)).toBeTruthy();
    fireEvent.click(confirmButton());
    expect(await screen.findByText('文件中没有数据行。')).toBeTruthy();
  });

  it('refuses other file types before sending anything', async () => {
    const { api, requests } = fakeApi({ 'GET /sessions': [sessionFixture] });
    await prepare(api, new File(['x'], '清单.xls'));
    expect(await screen.findByText('只支持 CSV 和 XLSX 文件。')).toBeTruthy();
    expect(screen.queryByText(/^确认导入/)).toBeNull();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
