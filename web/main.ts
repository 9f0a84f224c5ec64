/**
 * The table's web page: live view, launcher, settings, pictures and status on the table tab
 * (#), the phone gamepad on the gamepad tab (#pad). Talks to src/web/web-server.ts.
 */
import {
  type GameInfo,
  MAX_MESSAGE_CHARS,
  type MessageRequest,
  type MessageResponse,
  type PictureInfo,
  type SettingInfo,
  type SettingsResponse,
  type StateResponse,
} from '../src/web/protocol.ts';
import { ApiError, getJson, postJson, send } from './api.ts';
import { LedCanvas } from './led-canvas.ts';
import { PhonePad } from './pad.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: StateResponse | undefined;
const tableView = new LedCanvas($<HTMLCanvasElement>('live'), (text) => {
  $('view-note').textContent = text;
});
const padView = new LedCanvas($<HTMLCanvasElement>('pad-live'), () => {});
const pad = new PhonePad($('pad'), (seat, note) => {
  const badge = $('seat');
  badge.textContent = seat?.player === null || seat === undefined ? '…' : `P${seat.player + 1}`;
  document.documentElement.style.setProperty('--seat', seat?.color ?? '#808080');
  badge.dataset.player = seat?.player === null || seat === undefined ? '' : String(seat.player + 1);
  $('seat-note').textContent = note;
});

function show(error: unknown, where: string): void {
  $(where).textContent = error instanceof Error ? error.message : String(error);
}

async function refresh(): Promise<void> {
  try {
    state = await getJson<StateResponse>('/api/state');
  } catch (error) {
    show(error, 'view-note');
    return;
  }
  const mayControl = state.paired;
  $('pairing').hidden = mayControl;
  $('game-controls').hidden = !mayControl;
  if (state.viewPublic || mayControl) {
    tableView.start();
    padView.start();
  }
  if (location.hash === '#pad' && mayControl) pad.start();
  renderStatus(state);
  renderSettings(state);
  renderMessage(state);
  // Drawn again only when something changed (a new best score), so open choices stay put.
  const games = JSON.stringify(state.games);
  if (games !== renderedGames) {
    renderedGames = games;
    renderGames(state.games);
  }
  if (mayControl && !picturesLoaded) await loadPictures();
}

// ---- tabs --------------------------------------------------------------------------------
function route(): void {
  const onPad = location.hash === '#pad';
  $('table-page').hidden = onPad;
  $('pad-page').hidden = !onPad;
  $('tab-pad').classList.toggle('active', onPad);
  $('tab-table').classList.toggle('active', !onPad);
  if (onPad && state?.paired) pad.start();
  if (!onPad) pad.stop(); // the seat is free again
}
window.addEventListener('hashchange', route);

// ---- pairing -------------------------------------------------------------------------------
$('show-code').addEventListener('click', () => {
  postJson('/api/pair/code').then(
    () => {
      $('pair-note').textContent = 'The code is on the table now.';
      $<HTMLInputElement>('pair-code').focus();
    },
    (error) => show(error, 'pair-note'),
  );
});
$('pair-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const code = $<HTMLInputElement>('pair-code').value.trim();
  postJson('/api/pair', { code }).then(
    () => {
      $('pair-note').textContent = '';
      void refresh().then(route);
    },
    (error) => show(error, 'pair-note'),
  );
});

// ---- launcher ------------------------------------------------------------------------------
let renderedGames = '';
function renderGames(games: readonly GameInfo[]): void {
  const list = $('games');
  list.replaceChildren(
    ...games.map((game) => {
      const item = document.createElement('li');
      item.dataset.game = game.id;
      if (game.picture) {
        const img = document.createElement('img');
        img.src = game.picture;
        img.alt = game.title;
        img.loading = 'lazy';
        item.append(img);
      }
      const title = document.createElement('div');
      title.className = 'title';
      title.textContent = game.title;
      const desc = document.createElement('div');
      desc.className = 'desc';
      desc.textContent = game.description;
      item.append(title, desc);
      if (game.best.length > 0) {
        const best = document.createElement('div');
        best.className = 'best';
        best.textContent = `best: ${game.best.join(' · ')}`;
        item.append(best);
      }
      const choices: Record<string, HTMLSelectElement> = {};
      const choice = (label: string, values: readonly (string | number)[], chosen: string | number) => {
        const row = document.createElement('label');
        row.textContent = label;
        const select = document.createElement('select');
        for (const value of values)
          select.add(new Option(String(value), String(value), false, value === chosen));
        row.append(select);
        item.append(row);
        return select;
      };
      let players: HTMLSelectElement | undefined;
      if (game.players.max > game.players.min) {
        const counts = Array.from(
          { length: game.players.max - game.players.min + 1 },
          (_, i) => game.players.min + i,
        );
        players = choice('players', counts, game.players.min);
      }
      for (const [key, spec] of Object.entries(game.settings))
        choices[key] = choice(key, spec.values, spec.default);
      const play = document.createElement('button');
      play.type = 'button';
      play.textContent = game.kind === 'app' ? 'Open' : 'Play';
      play.addEventListener('click', () => {
        const settings = Object.fromEntries(
          Object.entries(choices).map(([key, select]) => [key, select.value]),
        );
        postJson('/api/play', {
          id: game.id,
          settings,
          ...(players ? { players: Number(players.value) } : {}),
        }).then(
          () => refresh(),
          (error) => show(error, 'view-note'),
        );
      });
      item.append(play);
      return item;
    }),
  );
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-command]')) {
  button.addEventListener('click', () => {
    postJson(`/api/${button.dataset.command}`).then(
      () => refresh(),
      (error) => show(error, 'view-note'),
    );
  });
}

// ---- message -------------------------------------------------------------------------------
/** Nicer names for the message app's settings, in the order shown; others follow as their key. */
const MESSAGE_LABELS: Readonly<Record<string, string>> = {
  color: 'Colour',
  speed: 'Speed (px/s)',
  size: 'Letters',
};
const labelOrder = (key: string) => {
  const index = Object.keys(MESSAGE_LABELS).indexOf(key);
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
};
const messageText = $<HTMLInputElement>('message-text');
messageText.maxLength = MAX_MESSAGE_CHARS;
const messageChoices: Record<string, HTMLSelectElement> = {};
let renderedMessageApp = '';

function renderMessage(s: StateResponse): void {
  const box = $('message-box');
  const app = s.message && s.games.find((game) => game.id === s.message?.app);
  box.hidden = !s.paired || !app;
  if (!app || !s.message) return;
  // The app's settings as choices, built once (a refresh keeps what the owner picked).
  const specs = JSON.stringify(app.settings);
  if (specs !== renderedMessageApp) {
    renderedMessageApp = specs;
    const options = $('message-options');
    options.replaceChildren(
      ...Object.entries(app.settings)
        .sort(([a], [b]) => labelOrder(a) - labelOrder(b))
        .map(([key, spec]) => {
          const label = document.createElement('label');
          label.textContent = MESSAGE_LABELS[key] ?? key;
          const select = document.createElement('select');
          select.name = key;
          for (const value of spec.values)
            select.add(new Option(String(value), String(value), false, value === spec.default));
          messageChoices[key] = select;
          label.append(select);
          return label;
        }),
    );
  }
  const saved = s.message.saved;
  $('message-saved').hidden = saved === null;
  $('message-kept').textContent = saved ?? '';
}

function messageNote(text: string, ok: boolean): void {
  const note = $('message-note');
  note.textContent = text;
  note.classList.toggle('ok', ok);
}

$('message-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const request: MessageRequest = {
    text: messageText.value,
    settings: Object.fromEntries(Object.entries(messageChoices).map(([key, select]) => [key, select.value])),
    save: $<HTMLInputElement>('message-save').checked,
  };
  postJson<MessageResponse>('/api/message', request).then(
    (reply) => {
      const replaced = reply.replaced.length > 0 ? ` (written as: ${reply.replaced.join(', ')})` : '';
      messageNote(`On the table now${reply.saved ? ' and kept' : ''}${replaced}.`, true);
      void refresh();
    },
    (error) => messageNote(error instanceof Error ? error.message : String(error), false),
  );
});

$('message-forget').addEventListener('click', () => {
  send('/api/message', 'DELETE').then(
    () => {
      messageNote('Forgotten: the Text app shows the message from the config again.', true);
      void refresh();
    },
    (error) => messageNote(error instanceof Error ? error.message : String(error), false),
  );
});

// ---- settings ------------------------------------------------------------------------------
// The table's settings come from their declarations (GET /api/state `settings`): one control
// per setting by its kind, showing values as the table's settings screen does. The power budget
// is the one control of the page's own (not a settings line).
const settingsForm = $<HTMLFormElement>('settings');
const settingsBox = $('table-settings');
/** What changed since the last POST, sent at most every 100 ms (live while a slider is dragged). */
const pending: Record<string, number | string | boolean> = {};
let powerChanged = false;
let settingsTimer: number | undefined;
let renderedSettings = '';
let shownSettings: readonly SettingInfo[] = [];

function renderSettings(s: StateResponse | SettingsResponse): void {
  const focused = settingsForm.contains(document.activeElement);
  // Built again only when the settings or their choices changed, and never under a finger.
  const shape = JSON.stringify(s.settings.map((setting) => ({ ...setting, value: undefined })));
  if (shape !== renderedSettings && !focused) {
    renderedSettings = shape;
    shownSettings = s.settings;
    settingsBox.replaceChildren(...s.settings.map(settingControl));
  }
  for (const setting of s.settings) {
    const row = settingsBox.querySelector<HTMLElement>(`[data-setting="${setting.key}"]`);
    const input = row?.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
    if (!row || !input || document.activeElement === input || setting.key in pending) continue;
    const at = setting.choices.findIndex((choice) => choice.value === setting.value);
    if (input instanceof HTMLInputElement && input.type === 'checkbox')
      input.checked = setting.value === true;
    else input.value = String(Math.max(0, at));
    row.querySelector('output')!.value = setting.choices[at]?.shown ?? String(setting.value);
  }
  $('power-line').hidden = s.powerBudget === null;
  const power = settingsForm.elements.namedItem('powerBudget') as HTMLInputElement;
  if (s.powerBudget !== null && document.activeElement !== power) {
    power.value = String(s.powerBudget);
    settingsForm.querySelector<HTMLOutputElement>('output[data-for="powerBudget"]')!.value = power.value;
  }
  for (const input of settingsForm.querySelectorAll('input, select'))
    (input as HTMLInputElement).disabled = !state?.paired;
}

/** One setting's row: its readable title, the value as the table shows it, and the control. */
function settingControl(setting: SettingInfo): HTMLElement {
  const row = document.createElement('label');
  row.dataset.setting = setting.key;
  row.className = setting.kind;
  row.title = setting.help;
  const output = document.createElement('output');
  row.append(`${setting.title} `, output);
  let input: HTMLInputElement | HTMLSelectElement;
  if (setting.kind === 'switch') {
    input = document.createElement('input');
    input.type = 'checkbox';
    input.setAttribute('role', 'switch');
  } else if (setting.kind === 'number') {
    input = document.createElement('input');
    input.type = 'range';
    input.min = '0';
    input.max = String(setting.choices.length - 1);
    input.step = '1';
  } else {
    input = document.createElement('select');
    setting.choices.forEach((choice, i) => {
      (input as HTMLSelectElement).add(new Option(choice.shown, String(i)));
    });
  }
  input.name = setting.key;
  row.append(input);
  return row;
}

settingsForm.addEventListener('input', (event) => {
  const input = event.target as HTMLInputElement | HTMLSelectElement;
  if (input.name === 'powerBudget') {
    settingsForm.querySelector<HTMLOutputElement>('output[data-for="powerBudget"]')!.value = input.value;
    powerChanged = true;
  } else {
    const setting = shownSettings.find((s) => s.key === input.name);
    if (!setting) return;
    const choice =
      input instanceof HTMLInputElement && input.type === 'checkbox'
        ? setting.choices.find((c) => c.value === (input as HTMLInputElement).checked)
        : setting.choices[Number(input.value)];
    if (!choice) return;
    input.closest('label')!.querySelector('output')!.value = choice.shown;
    pending[setting.key] = choice.value;
  }
  if (settingsTimer !== undefined) return;
  settingsTimer = window.setTimeout(() => {
    settingsTimer = undefined;
    const changes = { ...pending };
    for (const key of Object.keys(pending)) delete pending[key];
    const sent: Promise<SettingsResponse>[] = [];
    const power = settingsForm.elements.namedItem('powerBudget') as HTMLInputElement;
    if (Object.keys(changes).length > 0) sent.push(postJson<SettingsResponse>('/api/settings', changes));
    if (powerChanged) sent.push(postJson<SettingsResponse>('/api/power', { budget: Number(power.value) }));
    powerChanged = false;
    for (const reply of sent) reply.then(renderSettings, (error) => show(error, 'view-note'));
  }, 100);
});

// ---- pictures ------------------------------------------------------------------------------
let picturesLoaded = false;
async function loadPictures(): Promise<void> {
  let pictures: PictureInfo[];
  try {
    pictures = await getJson<PictureInfo[]>('/api/pictures');
  } catch (error) {
    show(error, 'upload-note');
    return;
  }
  picturesLoaded = true;
  $('pictures').replaceChildren(
    ...pictures.map((picture) => {
      const item = document.createElement('li');
      item.dataset.picture = picture.name;
      const img = document.createElement('img');
      img.src = `/pictures/${picture.name}?thumb`;
      img.alt = `${picture.width}×${picture.height}`;
      img.title = 'show on the table';
      img.addEventListener('click', () => {
        postJson(`/api/pictures/${picture.name}/show`).catch((e) => show(e, 'upload-note'));
      });
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '✕';
      remove.title = 'delete';
      remove.addEventListener('click', () => {
        send(`/api/pictures/${picture.name}`, 'DELETE').then(loadPictures, (e) => show(e, 'upload-note'));
      });
      item.append(img, remove);
      return item;
    }),
  );
}

async function upload(files: Iterable<File>): Promise<void> {
  const note = $('upload-note');
  for (const file of files) {
    note.textContent = `uploading ${file.name}…`;
    try {
      await send<PictureInfo>('/api/pictures', 'POST', file);
      note.textContent = '';
    } catch (error) {
      note.textContent = `${file.name}: ${error instanceof ApiError ? error.message : String(error)}`;
      return;
    }
  }
  await loadPictures();
}
const uploadInput = $<HTMLInputElement>('upload');
uploadInput.addEventListener('change', () => {
  void upload(uploadInput.files ?? []).then(() => {
    uploadInput.value = '';
  });
});
const drop = $('drop');
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  void upload(event.dataTransfer?.files ?? []);
});

// ---- status --------------------------------------------------------------------------------
function renderStatus(s: StateResponse): void {
  const st = s.status;
  const rows: [string, string][] = [
    ['showing', st.scene + (st.paused ? ' (paused)' : '')],
    ['loop', `${st.fps} fps`],
    ['CPU', `${st.cpu} %`],
    ['temperature', st.temperature === null ? '—' : `${st.temperature} °C`],
    ['current', `${st.milliamps} mA`],
    ['outputs', st.outputs.join(', ') || '—'],
    [
      'pads',
      st.pads
        .map((p) => `P${p.player + 1} ${p.phone ? 'phone' : ''}${p.connected ? '' : ' lost'}`)
        .join(', ') || 'no phones',
    ],
    ['watching', String(st.viewers)],
  ];
  $('status').replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = value;
      return [dt, dd];
    }),
  );
}

route();
void refresh();
window.setInterval(() => {
  if (!document.hidden) void refresh();
}, 2000);
