// Signing in from a page's form, shared by the war room and the workbench: validates the
// two fields, posts to /api/auth/login and says in Chinese what went wrong.

/**
 * Wires a sign-in form (fields `username`, `password`): on success calls onToken(token);
 * otherwise shows the reason in `error`. The submit button is disabled while it waits.
 */
export function wireSignInForm(form, error, button, onToken) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = form.elements.namedItem('username').value.trim();
    const password = form.elements.namedItem('password').value;
    if (!username || !password) {
      error.textContent = '请输入用户名和密码';
      return;
    }
    button.disabled = true;
    error.textContent = '';
    try {
      const response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok || !body || typeof body.accessToken !== 'string') {
        if (response.status === 429) error.textContent = '登录尝试过于频繁，请稍后再试';
        else if (response.status === 401 || response.status === 400 || response.status === 422) error.textContent = '用户名或密码错误';
        else error.textContent = (body && body.message) || `登录失败（${response.status}），请稍后重试`;
        return;
      }
      form.elements.namedItem('password').value = '';
      onToken(body.accessToken);
    } catch {
      error.textContent = '无法连接服务器，请稍后重试';
    } finally {
      button.disabled = false;
    }
  });
}
