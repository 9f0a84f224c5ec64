import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type WebSocket, WebSocketServer } from 'ws';
import { PLAYER_COLORS } from '../gfx/color.ts';
import { BUTTONS, type Button } from '../input/buttons.ts';
import type { WebAddress } from './address.ts';
import { cookie, HttpError, readBody, readJson, sendJson } from './http-util.ts';
import { LiveView } from './live-view.ts';
import { cleanMessage } from './message-text.ts';
import { PACKAGE_ROOT, PageFiles } from './page-files.ts';
import type { Pairing } from './pairing.ts';
import type { PhonePads } from './phone-pads.ts';
import { MAX_PICTURE_BYTES, PictureRefused, type PictureStore, tooBig } from './pictures.ts';
import {
  cssColor,
  type GameInfo,
  type MessageResponse,
  PAD_PATH,
  type SeatMessage,
  type StateResponse,
  VIEW_PATH,
} from './protocol.ts';
import type { TableLink } from './table-link.ts';
import { SettingRefused } from './table-settings.ts';

/** The cookie that carries a paired phone's token. */
export const TOKEN_COOKIE = 'ledtable-token';

export interface WebServerOptions {
  readonly address: WebAddress;
  readonly table: TableLink;
  readonly pads: PhonePads;
  readonly pictures: PictureStore;
  /** Undefined = pairing off: anyone who reaches the page may control the table. */
  readonly pairing: Pairing | undefined;
  /** True: the live view needs no pairing. */
  readonly publicView: boolean;
  readonly log: (message: string) => void;
  /** The gallery pictures (docs/gallery/<id>.gif). */
  readonly galleryDir?: string;
  readonly page?: PageFiles;
}

/**
 * The table's web server: the page (web/), a JSON API for the launcher, settings, pairing and
 * pictures, and two WebSockets: the live view (binary frames, see protocol.ts) and phone pads.
 * Every request that changes something needs the pairing cookie (401 without one, 403 with one
 * the table never gave); bodies are size-checked before they are read (413).
 */
export class WebServer {
  readonly view = new LiveView();
  private readonly server: Server;
  private readonly sockets: WebSocketServer;
  private readonly page: PageFiles;
  private readonly galleryDir: string;

  constructor(private readonly options: WebServerOptions) {
    this.page = options.page ?? new PageFiles();
    this.galleryDir = options.galleryDir ?? join(PACKAGE_ROOT, 'docs', 'gallery');
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => this.fail(res, error));
    });
    this.sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
    this.server.on('upgrade', (req, socket, head) => {
      const path = new URL(req.url ?? '/', 'http://table').pathname;
      const allowed =
        sameOrigin(req) &&
        ((path === VIEW_PATH && (options.publicView || this.authorized(req) === 0)) ||
          (path === PAD_PATH && this.authorized(req) === 0));
      if (!allowed) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      this.sockets.handleUpgrade(req, socket, head, (ws) => {
        if (path === VIEW_PATH) this.watch(ws);
        else this.pad(ws, new URL(req.url ?? '/', 'http://table').searchParams.get('id') ?? '');
      });
    });
  }

  /** Starts listening; resolves with the port (useful with port 0). */
  listen(): Promise<number> {
    const { host, port } = this.options.address;
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host || undefined, () => {
        this.server.off('error', reject);
        void this.page.get('/main.js')?.catch(() => {}); // bundle now: the first visit is quick
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Closes every socket and the server. */
  async close(): Promise<void> {
    for (const ws of this.sockets.clients) ws.terminate();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** 0 = allowed; 401 = no token (pair first); 403 = a token this table never gave. */
  private authorized(req: IncomingMessage): 0 | 401 | 403 {
    const pairing = this.options.pairing;
    if (!pairing) return 0;
    const token = cookie(req, TOKEN_COOKIE);
    if (token === undefined) return 401;
    return pairing.valid(token) ? 0 : 403;
  }

  private requireAuth(req: IncomingMessage): void {
    const status = this.authorized(req);
    if (status === 401) throw new HttpError(401, 'pair this phone first: ask the table for a code');
    if (status === 403) throw new HttpError(403, 'this phone is not paired with this table (pair again)');
    if (!sameOrigin(req)) throw new HttpError(403, 'requests from other sites are refused');
  }

  private watch(ws: WebSocket): void {
    this.view.add(ws);
    ws.on('close', () => this.view.remove(ws));
    ws.on('error', () => this.view.remove(ws));
  }

  private pad(ws: WebSocket, id: string): void {
    const { pads } = this.options;
    const padId = /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : `anon-${Math.random().toString(36).slice(2)}`;
    const player = pads.join(padId);
    const seat: SeatMessage = {
      type: 'seat',
      player: player ?? null,
      color: player === undefined ? '#808080' : cssColor(PLAYER_COLORS[player] ?? 0xffffff),
    };
    ws.send(JSON.stringify(seat));
    if (player === undefined) {
      ws.close(4000, 'every seat is taken');
      return;
    }
    ws.on('message', (data, binary) => {
      if (binary) return;
      let message: { type?: unknown; button?: unknown; down?: unknown };
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (message.type === 'button' && BUTTONS.includes(message.button as Button)) {
        pads.button(padId, message.button as Button, message.down === true);
      }
    });
    const leave = () => pads.leave(padId);
    ws.on('close', leave);
    ws.on('error', leave);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://table');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const { table, pictures } = this.options;

    if (method === 'GET') {
      const file = this.page.get(path === '/index.html' ? '/' : path);
      if (file) {
        const { type, body } = await file;
        res.writeHead(200, {
          'Content-Type': type,
          'Content-Length': body.length,
          'Cache-Control': 'no-cache',
        });
        res.end(body);
        return;
      }
      const gallery = /^\/gallery\/([a-z0-9-]{1,40})\.gif$/.exec(path);
      if (gallery) {
        const body = await readFile(join(this.galleryDir, `${gallery[1]}.gif`)).catch(() => undefined);
        if (!body) throw new HttpError(404, 'no such picture');
        res.writeHead(200, {
          'Content-Type': 'image/gif',
          'Content-Length': body.length,
          'Cache-Control': 'max-age=3600',
        });
        res.end(body);
        return;
      }
    }

    if (path === '/api/state' && method === 'GET') {
      const paired = this.authorized(req) === 0;
      const state: StateResponse = {
        paired,
        pairing: this.options.pairing !== undefined,
        viewPublic: this.options.publicView,
        games: table.games(),
        settings: table.settings(),
        powerBudget: table.powerBudget(),
        status: this.status(),
        message: paired ? table.message() : null, // the kept message is for paired phones only
      };
      sendJson(res, 200, state);
      return;
    }

    if (path === '/api/pair/code' && method === 'POST') {
      const pairing = this.options.pairing;
      if (!pairing) throw new HttpError(404, 'pairing is off on this table');
      if (!pairing.allow(clientOf(req))) throw new HttpError(429, 'too many pairing attempts; wait a minute');
      table.showCode(pairing.newCode());
      this.options.log('web: pairing code shown on the table');
      sendJson(res, 202, { shown: true });
      return;
    }

    if (path === '/api/pair' && method === 'POST') {
      const pairing = this.options.pairing;
      if (!pairing) throw new HttpError(404, 'pairing is off on this table');
      if (!pairing.allow(clientOf(req))) throw new HttpError(429, 'too many pairing attempts; wait a minute');
      const body = await readJson(req);
      const result = pairing.pair(String(body.code ?? ''));
      if (!pairing.showing) table.hideCode();
      if (!result.ok) throw new HttpError(result.status, result.reason);
      this.options.log('web: a phone paired');
      sendJson(
        res,
        200,
        { paired: true },
        {
          'Set-Cookie': `${TOKEN_COOKIE}=${result.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=31536000`,
        },
      );
      return;
    }

    if (path === '/api/pictures' && method === 'GET') {
      this.requireAuth(req);
      sendJson(res, 200, await pictures.list());
      return;
    }

    if (path === '/api/pictures' && method === 'POST') {
      this.requireAuth(req);
      const body = await readBody(req, MAX_PICTURE_BYTES, tooBig);
      const picture = await pictures.add(body);
      this.options.log(`web: picture ${picture.name} added (${picture.width}×${picture.height})`);
      table.picturesChanged();
      sendJson(res, 201, picture);
      return;
    }

    const show = /^\/api\/pictures\/([^/]*)\/show$/.exec(path);
    if (show && method === 'POST') {
      this.requireAuth(req);
      const file = await pictures.path(decodeURIComponent(show[1]!));
      try {
        table.showPicture(file);
      } catch (error) {
        throw new HttpError(409, (error as Error).message);
      }
      sendJson(res, 200, { shown: show[1] });
      return;
    }

    const picturePath = /^\/(api\/)?pictures\/([^/]*)$/.exec(path);
    if (picturePath) {
      const name = decodeURIComponent(picturePath[2]!);
      this.requireAuth(req);
      if (method === 'DELETE' && picturePath[1]) {
        await pictures.remove(name);
        table.picturesChanged();
        sendJson(res, 200, { deleted: name });
        return;
      }
      if (method === 'GET' && !picturePath[1]) {
        const thumb = url.searchParams.has('thumb');
        const body = await pictures.read(name, thumb);
        res.writeHead(200, {
          'Content-Type': thumb ? 'image/webp' : contentType(name),
          'Content-Length': body.length,
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(body);
        return;
      }
    }

    if (path === '/api/message' && (method === 'POST' || method === 'DELETE')) {
      this.requireAuth(req);
      if (method === 'DELETE') {
        table.forgetMessage();
        sendJson(res, 200, { saved: null });
        return;
      }
      sendJson(res, 200, this.message(await readJson(req)));
      return;
    }

    if (path.startsWith('/api/') && method === 'POST') {
      this.requireAuth(req);
      const body = await readJson(req);
      this.command(path, body);
      sendJson(res, 200, {
        settings: table.settings(),
        powerBudget: table.powerBudget(),
        status: this.status(),
      });
      return;
    }

    throw new HttpError(404, `nothing at ${method} ${path}`);
  }

  /**
   * POST /api/message: checks the text (cleanMessage), `save` and the settings against the
   * message app's, and only then shows (and saves) it: a refused request changes nothing.
   */
  private message(body: Record<string, unknown>): MessageResponse {
    const { table } = this.options;
    const cleaned = cleanMessage(body.text);
    if (!cleaned.ok) throw new HttpError(400, cleaned.reason);
    if (body.save !== undefined && typeof body.save !== 'boolean') {
      throw new HttpError(400, '"save" must be true or false');
    }
    const state = table.message();
    const app = state && table.games().find((game) => game.id === state.app);
    if (!app) throw new HttpError(409, 'this table has no message app (games/text)');
    const settings = checkSettings(app, body.settings);
    const save = body.save === true;
    table.showMessage(cleaned.text, settings, save); // a failure here is logged and answered with 500
    this.options.log(
      `web: message shown${save ? ' and saved' : ''} (${[...cleaned.text].length} characters)`,
    );
    return { shown: cleaned.text, saved: save, replaced: cleaned.replaced };
  }

  /** The launcher's and settings' commands. */
  private command(path: string, body: Record<string, unknown>): void {
    const { table } = this.options;
    switch (path) {
      case '/api/play': {
        const settings: Record<string, string | number> = {};
        const given = body.settings;
        if (typeof given === 'object' && given !== null) {
          for (const [key, value] of Object.entries(given)) {
            if (typeof value === 'string' || typeof value === 'number') settings[key] = value;
          }
        }
        const players = typeof body.players === 'number' ? body.players : undefined;
        try {
          table.play(String(body.id ?? ''), players, settings);
        } catch (error) {
          throw new HttpError(400, (error as Error).message);
        }
        return;
      }
      case '/api/pause':
        if (!table.pause()) throw new HttpError(409, 'no game is running');
        return;
      case '/api/resume':
        if (!table.resume()) throw new HttpError(409, 'nothing to resume');
        return;
      case '/api/menu':
        table.menu();
        return;
      case '/api/settings':
        // every entry checked against its declaration first: a refused one changes nothing
        try {
          table.change(body);
        } catch (error) {
          if (error instanceof SettingRefused) throw new HttpError(400, error.message);
          throw error;
        }
        return;
      case '/api/power': {
        const budget = body.budget;
        if (typeof budget !== 'number' || !Number.isFinite(budget) || budget < 0)
          throw new HttpError(400, '"budget" must be a number of mA, 0 (no limit) or more');
        if (table.setPowerBudget(budget) === null)
          throw new HttpError(409, 'this table has no current limiter');
        return;
      }
      default:
        throw new HttpError(404, `no command ${path}`);
    }
  }

  private status(): StateResponse['status'] {
    const { pads } = this.options;
    return {
      ...this.options.table.status(),
      // Phones, and any player whose pad is lost (a game waits for it).
      pads: [0, 1, 2, 3]
        .map((player) => ({
          player,
          connected: this.options.table.connected(player),
          phone: pads.seated.includes(player),
        }))
        .filter((p) => p.phone || !p.connected),
      viewers: this.view.viewers,
    };
  }

  private fail(res: ServerResponse, error: unknown): void {
    const status = error instanceof HttpError || error instanceof PictureRefused ? error.status : 500;
    const message = status === 500 ? 'the table could not do that (see its log)' : (error as Error).message;
    if (status === 500) this.options.log(`web: ${(error as Error).stack ?? String(error)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendJson(res, status, { error: message });
  }
}

/** `given` as settings of `app`: an object whose keys and values the app has (400 otherwise). */
function checkSettings(app: GameInfo, given: unknown): Record<string, string | number> {
  if (given === undefined) return {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new HttpError(400, '"settings" must be an object like {"color": "warm"}');
  }
  const settings: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(given)) {
    const spec = app.settings[key];
    if (!spec) {
      const known = Object.keys(app.settings).join(', ') || 'none';
      throw new HttpError(400, `${app.title} has no setting "${key}" (it has: ${known})`);
    }
    const match = spec.values.find((v) => String(v) === String(value));
    if (match === undefined || (typeof value !== 'string' && typeof value !== 'number')) {
      throw new HttpError(
        400,
        `${app.title} setting "${key}" cannot be ${JSON.stringify(value)}; allowed: ${spec.values.join(', ')}`,
      );
    }
    settings[key] = match;
  }
  return settings;
}

/** A request without an Origin (curl, same-origin GET) or whose Origin is this host. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function clientOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function contentType(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1);
  return ext === 'jpg' ? 'image/jpeg' : `image/${ext}`;
}
