import { type LabelBox, placeLabels } from './label-placement.js';
import type { Layout } from './protocol.js';

/** Labels drawn at most at once (the highlighted words always first). */
const MAX_LABELS = 150;
const POINT = '#4a6fa5';
const HIGHLIGHT = '#e07a1f';
const FOCUS = '#c0392b';
const FONT = '12px system-ui, sans-serif';

/**
 * A 2-D scatter of words on a canvas: zoom with the wheel (around the pointer), pan by dragging,
 * hover a point to see its word. Highlighted words (neighbours, analogy answers) are drawn larger
 * and labelled first; other labels are added, most frequent first, where they do not overlap.
 */
export class ScatterPlot {
  readonly canvas: HTMLCanvasElement;
  readonly #tooltip: HTMLElement;
  #layout: Layout = { words: [], points: new Float32Array(0) };
  #highlighted = new Set<string>();
  #focus: string | undefined;
  #hovered = -1;
  /** Screen position = (point − centre) · scale + canvas centre. */
  #scale = 1;
  #centreX = 0;
  #centreY = 0;
  #drag: { x: number; y: number } | undefined;

  constructor(canvas: HTMLCanvasElement, tooltip: HTMLElement) {
    this.canvas = canvas;
    this.#tooltip = tooltip;
    canvas.addEventListener('wheel', (event) => this.#zoom(event), { passive: false });
    canvas.addEventListener('pointerdown', (event) => {
      this.#drag = { x: event.offsetX, y: event.offsetY };
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener('pointerup', () => {
      this.#drag = undefined;
    });
    canvas.addEventListener('pointermove', (event) => this.#move(event));
    canvas.addEventListener('pointerleave', () => this.#hover(-1));
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  /** Shows `layout`, fitted to the canvas. */
  setLayout(layout: Layout): void {
    this.#layout = layout;
    this.#hovered = -1;
    this.fit();
  }

  /** Highlights `words` (and `focus`, the word searched), or clears the highlight. */
  highlight(words: Iterable<string>, focus?: string): void {
    this.#highlighted = new Set(words);
    this.#focus = focus;
    this.draw();
  }

  /** Zooms and pans so every point is visible. */
  fit(): void {
    const { points } = this.#layout;
    let minX = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < points.length; i += 2) {
      minX = Math.min(minX, points[i]!);
      maxX = Math.max(maxX, points[i]!);
      minY = Math.min(minY, points[i + 1]!);
      maxY = Math.max(maxY, points[i + 1]!);
    }
    if (points.length === 0) {
      this.draw();
      return;
    }
    const { width, height } = this.#size();
    this.#centreX = (minX + maxX) / 2;
    this.#centreY = (minY + maxY) / 2;
    this.#scale = 0.9 * Math.min(width / (maxX - minX || 1), height / (maxY - minY || 1));
    this.draw();
  }

  /** Redraws the points and labels. */
  draw(): void {
    const ratio = window.devicePixelRatio || 1;
    const { width, height } = this.#size();
    if (this.canvas.width !== Math.round(width * ratio)) this.canvas.width = Math.round(width * ratio);
    if (this.canvas.height !== Math.round(height * ratio)) this.canvas.height = Math.round(height * ratio);
    const context = this.canvas.getContext('2d');
    if (context === null) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const { words, points } = this.#layout;
    context.fillStyle = POINT;
    context.globalAlpha = 0.6;
    for (let i = 0; i < words.length; i++) {
      const [x, y] = this.#screen(i);
      if (x >= -2 && y >= -2 && x <= width + 2 && y <= height + 2) context.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
    context.globalAlpha = 1;
    const order: number[] = [];
    for (let i = 0; i < words.length; i++) if (this.#highlighted.has(words[i]!)) order.push(i);
    for (const i of order) {
      const [x, y] = this.#screen(i);
      context.fillStyle = words[i] === this.#focus ? FOCUS : HIGHLIGHT;
      context.beginPath();
      context.arc(x, y, 5, 0, 2 * Math.PI);
      context.fill();
    }
    this.#drawLabels(context, order, width, height, points.length / 2);
  }

  #drawLabels(
    context: CanvasRenderingContext2D,
    first: number[],
    width: number,
    height: number,
    count: number,
  ): void {
    context.font = FONT;
    context.textBaseline = 'middle';
    const candidates = [...first];
    const chosen = new Set(first);
    for (let i = 0; i < count && candidates.length < 4 * MAX_LABELS; i++) {
      if (chosen.has(i)) continue;
      const [x, y] = this.#screen(i);
      if (x >= 0 && y >= 0 && x <= width && y <= height) candidates.push(i);
    }
    const boxes: LabelBox[] = candidates.map((i) => {
      const [x, y] = this.#screen(i);
      return { x: x + 5, y: y - 7, width: context.measureText(this.#layout.words[i]!).width, height: 14 };
    });
    for (const kept of placeLabels(boxes, MAX_LABELS)) {
      const i = candidates[kept]!;
      const box = boxes[kept]!;
      const word = this.#layout.words[i]!;
      context.fillStyle = this.#highlighted.has(word) ? '#222' : '#777';
      context.fillText(word, box.x, box.y + 7);
    }
  }

  #size(): { width: number; height: number } {
    return { width: this.canvas.clientWidth || 300, height: this.canvas.clientHeight || 300 };
  }

  #screen(i: number): [number, number] {
    const { width, height } = this.#size();
    const { points } = this.#layout;
    return [
      (points[2 * i]! - this.#centreX) * this.#scale + width / 2,
      // Screen y grows downwards; the plot's y upwards.
      height / 2 - (points[2 * i + 1]! - this.#centreY) * this.#scale,
    ];
  }

  #zoom(event: WheelEvent): void {
    event.preventDefault();
    const factor = Math.exp(-event.deltaY * 0.002);
    const { width, height } = this.#size();
    // Keep the point under the pointer where it is.
    const px = (event.offsetX - width / 2) / this.#scale + this.#centreX;
    const py = (height / 2 - event.offsetY) / this.#scale + this.#centreY;
    this.#scale *= factor;
    this.#centreX = px - (event.offsetX - width / 2) / this.#scale;
    this.#centreY = py - (height / 2 - event.offsetY) / this.#scale;
    this.draw();
  }

  #move(event: PointerEvent): void {
    if (this.#drag !== undefined) {
      this.#centreX -= (event.offsetX - this.#drag.x) / this.#scale;
      this.#centreY += (event.offsetY - this.#drag.y) / this.#scale;
      this.#drag = { x: event.offsetX, y: event.offsetY };
      this.draw();
      return;
    }
    let best = -1;
    let bestDistance = 36; // within 6 px
    for (let i = 0; i < this.#layout.words.length; i++) {
      const [x, y] = this.#screen(i);
      const distance = (x - event.offsetX) ** 2 + (y - event.offsetY) ** 2;
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    this.#hover(best, event.offsetX, event.offsetY);
  }

  #hover(i: number, x = 0, y = 0): void {
    if (i === this.#hovered) return;
    this.#hovered = i;
    if (i < 0) {
      this.#tooltip.hidden = true;
      return;
    }
    this.#tooltip.hidden = false;
    this.#tooltip.textContent = this.#layout.words[i]!;
    this.#tooltip.style.left = `${x + 12}px`;
    this.#tooltip.style.top = `${y + 12}px`;
  }
}
