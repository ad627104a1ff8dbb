// The Slack sandbox page: sends what you do to the bot's server and draws what it long-polls back.
// Every message and modal arrives as HTML rendered (and escaped) on the server from the bot's Block Kit.

(() => {
  const BASE = '/slack/sandbox';
  const messages = document.getElementById('messages');
  const overlay = document.getElementById('overlay');
  const composer = document.getElementById('composer');
  const input = document.getElementById('message');
  const slowFace = document.getElementById('slow-face');
  const slowFaceState = document.getElementById('slow-face-state');
  const AUTHORS = { you: 'you', bot: 'persongroup-bot', slack: 'Slackbot' };

  let version = -1;
  /** The modal on screen: {viewId, hash}; a new hash means new content, the same one only new errors. */
  let shown = null;

  async function post(path, body) {
    const res = await fetch(`${BASE}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  }

  function entryElement(entry) {
    const li = document.createElement('li');
    li.className = `sb-message sb-from-${entry.author}${entry.ephemeral ? ' sb-ephemeral' : ''}`;
    li.dataset.entryId = String(entry.id);
    const meta = document.createElement('div');
    meta.className = 'sb-meta';
    const name = document.createElement('b');
    name.textContent = AUTHORS[entry.author] ?? entry.author;
    meta.append(name);
    if (entry.author === 'bot')
      meta.append(Object.assign(document.createElement('span'), { className: 'sb-tag', textContent: 'APP' }));
    if (entry.ephemeral)
      meta.append(
        Object.assign(document.createElement('span'), {
          className: 'sb-only-you',
          textContent: 'Only visible to you',
        }),
      );
    const body = document.createElement('div');
    body.className = 'sb-body';
    body.innerHTML = entry.html;
    li.append(meta, body);
    return li;
  }

  function renderTimeline(timeline) {
    const atBottom = messages.scrollTop + messages.clientHeight >= messages.scrollHeight - 40;
    messages.replaceChildren(...timeline.map(entryElement));
    if (atBottom) messages.scrollTop = messages.scrollHeight;
  }

  function renderModal(modal) {
    if (!modal) {
      overlay.hidden = true;
      overlay.replaceChildren();
      shown = null;
      return;
    }
    if (shown && shown.viewId === modal.viewId && shown.hash === modal.hash) {
      // Same view: keep what was typed, show the new errors and notice.
      const next = document.createElement('template');
      next.innerHTML = modal.html;
      for (const slot of overlay.querySelectorAll('[data-error-for], .bk-notice')) {
        const selector =
          slot.dataset.errorFor !== undefined
            ? `[data-error-for="${CSS.escape(slot.dataset.errorFor)}"]`
            : '.bk-notice';
        slot.textContent = next.content.querySelector(selector)?.textContent ?? '';
      }
      setBusy(false);
      return;
    }
    overlay.innerHTML = modal.html;
    overlay.hidden = false;
    shown = { viewId: modal.viewId, hash: modal.hash };
    overlay.querySelector('.bk-field')?.focus();
  }

  function setBusy(busy) {
    const submit = overlay.querySelector('button[type="submit"]');
    if (submit) submit.disabled = busy;
  }

  async function poll() {
    for (;;) {
      try {
        const res = await fetch(`${BASE}/state?after=${version}`);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const state = await res.json();
        version = state.version;
        renderTimeline(state.timeline);
        renderModal(state.modal);
        document.body.dataset.version = String(version);
      } catch (error) {
        console.warn('sandbox: state not reachable, retrying', error);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }

  function formValues(form) {
    const values = {};
    for (const control of form.querySelectorAll('[data-block-id][data-action-id]')) {
      if (!('value' in control) || control.tagName === 'BUTTON') continue;
      values[control.dataset.blockId] ??= {};
      values[control.dataset.blockId][control.dataset.actionId] = control.value;
    }
    return values;
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === '') return;
    input.value = '';
    post('/command', { text }).catch((error) => console.error(error));
  });

  overlay.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!shown) return;
    setBusy(true);
    post('/submit', { viewId: shown.viewId, values: formValues(event.target) })
      .catch((error) => console.error(error))
      .finally(() => setBusy(false));
  });

  document.addEventListener('click', (event) => {
    const close = event.target.closest('[data-bk-close]');
    if (close && shown) {
      post('/close', { viewId: shown.viewId }).catch((error) => console.error(error));
      return;
    }
    const action = event.target.closest('[data-bk-action]');
    if (action) {
      const inModal = overlay.contains(action) && shown;
      post('/action', {
        ...(inModal ? { viewId: shown.viewId } : {}),
        blockId: action.dataset.blockId,
        actionId: action.dataset.actionId,
        value: action.dataset.value,
      }).catch((error) => console.error(error));
    }
  });

  slowFace.addEventListener('click', () => {
    post('/slow-face', {}).then(
      () => {
        slowFaceState.textContent = 'The next Face API call takes 3 s: a create shows "Creating…" first.';
      },
      (error) => {
        slowFaceState.textContent = `Could not slow it down (${error.message}).`;
      },
    );
  });

  poll();
})();
