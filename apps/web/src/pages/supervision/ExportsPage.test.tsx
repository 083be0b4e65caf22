import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../api/errors';
import { fakeApi, fakeSession, renderWithProviders, testUser } from '../../test/render';
import { exportPath, ExportsPage } from './ExportsPage';
import { SESSIONS } from './fixtures';

function setup(download = jest.fn().mockResolvedValue('承办单位排名_2023-06-10.xlsx')) {
  const { api } = fakeApi({ 'GET /sessions': SESSIONS });
  renderWithProviders(<ExportsPage />, {
    session: fakeSession({ api, download, user: testUser(['supervisor']) }),
  });
  return download;
}

describe('ExportsPage', () => {
  it('builds the export path from view, format and session', () => {
    expect(exportPath('ranking', 'xlsx')).toBe('/supervision/export?view=ranking&format=xlsx');
    expect(exportPath('overdue', 'csv', 's1')).toBe('/supervision/export?view=overdue&format=csv&sessionId=s1');
  });

  it('downloads a table with the session token, and says under which name', async () => {
    const download = setup();
    fireEvent.click(screen.getByLabelText('承办单位排名 · 下载 Excel'));
    await waitFor(() =>
      expect(download).toHaveBeenCalledWith('/supervision/export?view=ranking&format=xlsx', 'ranking.xlsx'),
    );
    expect(await screen.findByText('已下载 承办单位排名_2023-06-10.xlsx')).toBeTruthy();
  });

  it("downloads the chosen session's tables and report", async () => {
    const download = setup();
    const report = screen.getByRole('button', { name: /下载报告 PDF/ });
    expect(report.hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getAllByLabelText('会议届次')[0]);
    await userEvent.click(await screen.findByTitle('市政协八届一次会议'));
    fireEvent.click(screen.getByLabelText('超期事项 · 下载 CSV'));
    await waitFor(() =>
      expect(download).toHaveBeenCalledWith('/supervision/export?view=overdue&format=csv&sessionId=s1', 'overdue.csv'),
    );
    await waitFor(() => expect(report.hasAttribute('disabled')).toBe(false));
    fireEvent.click(report);
    await waitFor(() => expect(download).toHaveBeenCalledWith('/supervision/sessions/s1/report', 'report.pdf'));
  });

  it("shows the API's message when a download is refused", async () => {
    setup(
      jest
        .fn()
        .mockRejectedValue(
          new ApiError(404, { code: 'SESSION_NOT_FOUND', messages: { zh: '会议届次不存在', en: 'No such session' } }),
        ),
    );
    fireEvent.click(screen.getByLabelText('统计数据 · 下载 CSV'));
    expect(await screen.findByText('会议届次不存在')).toBeTruthy();
  });
});
