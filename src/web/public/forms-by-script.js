// @ts-check
// Every form on these pages is sent by its page's script (through the API client), never by the
// browser itself. Before a page's module has loaded (a slow intranet, a busy machine), an Enter or a
// click in a form would otherwise make the browser send it the old way: a GET of the same page with
// every field in the address, and so in the server's request log and the browser's history (a
// webhook's key, an SMTP password, a user's initial password). This plain script is loaded in each
// page's <head> before anything else, so it runs before the body is parsed: it cancels the browser's
// own sending of every form (in the capture phase, first of all), and the page's own submit handlers,
// which each cancel it too, still run. docs/access.md "The pages' session".
document.addEventListener('submit', (event) => event.preventDefault(), true);
