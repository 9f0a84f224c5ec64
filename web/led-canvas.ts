import { readFrame, VIEW_PATH } from '../src/web/protocol.ts';
import { ReconnectingSocket, socketUrl } from './socket.ts';

/**
 * The live view: frames from the table drawn as round LEDs with a soft glow. The glow is the
 * frame at one pixel per LED, scaled up blurred in one draw; the LEDs are solid discs on top, so
 * the centre of each disc is exactly the LED's colour (the browser test reads those pixels).
 * Attributes for tests: data-cell (CSS pixels per LED, times devicePixelRatio in the bitmap) and
 * data-frames (frames drawn).
 */
export class LedCanvas {
  private readonly small = document.createElement('canvas');
  private frames = 0;
  private socket: ReconnectingSocket | undefined;

  private last: { rgb: Uint8Array; width: number; height: number } | undefined;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly status: (text: string) => void,
  ) {
    // A turned phone or a resized window: draw the last frame again at the new size.
    window.addEventListener('resize', () => {
      this.cell = 0;
      if (this.last) this.draw(this.last.rgb, this.last.width, this.last.height);
    });
  }

  /** Bitmap pixels per LED; 0 = measure the box again (first frame, resize). */
  private cell = 0;

  private measure(width: number, height: number): number {
    const canvas = this.canvas;
    // The old size must not hold the box open while it is measured.
    canvas.style.width = '0px';
    canvas.style.height = '0px';
    const ratio = window.devicePixelRatio || 1;
    // Fits the box's width; in landscape the gamepad's view has a fixed height that bounds it too.
    const box = canvas.parentElement;
    const across = (box?.clientWidth ?? 400) - 8;
    const bounded = box?.classList.contains('small') && matchMedia('(orientation: landscape)').matches;
    const down = bounded ? box!.clientHeight - 8 : Number.POSITIVE_INFINITY;
    const cell = Math.max(2, Math.floor(Math.min(across / width, down / height, 40) * ratio));
    canvas.width = width * cell;
    canvas.height = height * cell;
    canvas.style.width = `${(width * cell) / ratio}px`;
    canvas.style.height = `${(height * cell) / ratio}px`;
    canvas.dataset.cell = String(cell);
    return cell;
  }

  /** Connects to the live view (and reconnects by itself). */
  start(): void {
    this.socket ??= new ReconnectingSocket(() => socketUrl(VIEW_PATH), {
      onMessage: (data) => {
        if (typeof data === 'string') return;
        const frame = readFrame(data);
        if (frame) this.draw(frame.rgb, frame.width, frame.height);
      },
      onOpen: () => this.status(''),
      onClose: () => this.status('reconnecting to the table…'),
    });
  }

  draw(rgb: Uint8Array, width: number, height: number): void {
    this.last = { rgb, width, height };
    const canvas = this.canvas;
    if (this.cell === 0 || canvas.width !== width * this.cell || canvas.height !== height * this.cell) {
      this.cell = this.measure(width, height);
    }
    const cell = this.cell;
    const small = this.small;
    if (small.width !== width || small.height !== height) {
      small.width = width;
      small.height = height;
    }
    const smallContext = small.getContext('2d')!;
    const pixels = smallContext.createImageData(width, height);
    for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
      pixels.data[j] = rgb[i]!;
      pixels.data[j + 1] = rgb[i + 1]!;
      pixels.data[j + 2] = rgb[i + 2]!;
      pixels.data[j + 3] = 255;
    }
    smallContext.putImageData(pixels, 0, 0);

    const g = canvas.getContext('2d')!;
    g.globalAlpha = 1;
    g.filter = 'none';
    g.fillStyle = '#000';
    g.fillRect(0, 0, canvas.width, canvas.height);
    // Glow: the frame blown up and blurred, under the discs.
    g.imageSmoothingEnabled = true;
    g.filter = `blur(${Math.round(cell * 0.45)}px)`;
    g.globalAlpha = 0.75;
    g.drawImage(small, 0, 0, canvas.width, canvas.height);
    g.filter = 'none';
    g.globalAlpha = 1;
    const radius = cell * 0.36;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        const r = rgb[i]!;
        const gr = rgb[i + 1]!;
        const b = rgb[i + 2]!;
        // Dark LEDs are drawn as faint grey rims so the grid stays visible.
        g.fillStyle = r + gr + b === 0 ? '#101010' : `rgb(${r},${gr},${b})`;
        g.beginPath();
        g.arc((x + 0.5) * cell, (y + 0.5) * cell, radius, 0, Math.PI * 2);
        g.fill();
        if (r + gr + b === 0) {
          g.fillStyle = '#000';
          g.beginPath();
          g.arc((x + 0.5) * cell, (y + 0.5) * cell, radius * 0.8, 0, Math.PI * 2);
          g.fill();
        }
      }
    }
    this.frames++;
    canvas.dataset.frames = String(this.frames);
  }
}
