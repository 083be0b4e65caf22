import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../api/errors';
import { fakeSession, renderWithProviders } from '../test/render';
import { LoginPage } from './LoginPage';

const refused = new ApiError(401, {
  code: 'AUTH_INVALID_CREDENTIALS',
  message: '用户名或密码错误。',
  messages: { zh: '用户名或密码错误。', en: 'Wrong username or password.' },
});

describe('LoginPage', () => {
  it('labels its fields and sends what was typed', async () => {
    const login = jest.fn().mockResolvedValue(undefined);
    renderWithProviders(<LoginPage />, { session: fakeSession({ status: 'anonymous', user: null, login }) });
    await userEvent.type(screen.getByLabelText('用户名'), 'clerk');
    await userEvent.type(screen.getByLabelText('密码'), 'Dafu-demo-2026{Enter}');
    await waitFor(() => expect(login).toHaveBeenCalledWith('clerk', 'Dafu-demo-2026'));
  });

  it("shows the API's refusal in Chinese", async () => {
    const login = jest.fn().mockRejectedValue(refused);
    renderWithProviders(<LoginPage />, { session: fakeSession({ status: 'anonymous', user: null, login }) });
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'clerk' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-one' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('用户名或密码错误。');
  });

  it('and in English when the user chose English', async () => {
    const login = jest.fn().mockRejectedValue(refused);
    renderWithProviders(<LoginPage />, {
      session: fakeSession({ status: 'anonymous', user: null, login }),
      lang: 'en',
    });
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'clerk' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong-one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong username or password.');
  });

  it('asks for both fields before sending anything', async () => {
    const login = jest.fn();
    renderWithProviders(<LoginPage />, { session: fakeSession({ status: 'anonymous', user: null, login }) });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(login).not.toHaveBeenCalled();
  });

  it('says why the user is back at the login page when the session expired', () => {
    renderWithProviders(<LoginPage />, {
      session: fakeSession({ status: 'anonymous', user: null, notice: 'expired' }),
    });
    expect(screen.getByRole('status').textContent).toContain('登录已过期，请重新登录。');
  });

  it('links to the public replies, which need no login', () => {
    renderWithProviders(<LoginPage />, { session: fakeSession({ status: 'anonymous', user: null }) });
    expect(screen.getByRole('link', { name: '公开答复查询' }).getAttribute('href')).toBe('/public');
  });
});
