/**
 * A WebSocket that reconnects by itself (after 0.5 s, doubling up to 5 s) until `close()`.
 * `onOpen` runs on every (re)connection, `onMessage` for each message.
 */
export class ReconnectingSocket {
  private socket: WebSocket | undefined;
  private delay = 500;
  private closed = false;
  private timer: number | undefined;

  constructor(
    private readonly url: () => string,
    private readonly handlers: {
      onMessage(data: ArrayBuffer | string): void;
      onOpen?(socket: WebSocket): void;
      onClose?(code: number, reason: string): void;
    },
  ) {
    this.connect();
  }

  get open(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  send(text: string): void {
    if (this.open) this.socket?.send(text);
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.socket?.close();
  }

  private connect(): void {
    const socket = new WebSocket(this.url());
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => {
      this.delay = 500;
      this.handlers.onOpen?.(socket);
    };
    socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => this.handlers.onMessage(event.data);
    socket.onclose = (event) => {
      this.handlers.onClose?.(event.code, event.reason);
      if (this.closed) return;
      this.timer = window.setTimeout(() => this.connect(), this.delay);
      this.delay = Math.min(5000, this.delay * 2);
    };
  }
}

/** ws: or wss: URL of a path on this page's host. */
export function socketUrl(path: string): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}
