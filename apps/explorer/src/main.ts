/**
 * The explorer page: wires the controls to the model worker (loading, neighbours, analogies,
 * sentence search, PCA and aligned layouts), the UMAP worker and the train panel, and draws the layouts.
 */
import type { TrainingRuntime } from '@embedkit/word2vec';
import type { SentenceHit } from './model-session.js';
import { PAGE_POOLING_METHODS } from './page-pooling.js';
import type {
  AnalogySolver,
  Layout,
  Layouts,
  ModelRequest,
  ModelSlot,
  ModelSummary,
  ScoredWord,
  TopRows,
  UmapRequest,
} from './protocol.js';
import { UMAP_NEIGHBORS } from './protocol.js';
import { ScatterPlot } from './scatter-plot.js';
import { type PageTrainer, trainInPage } from './train-model.js';
import { WorkerClient } from './worker-client.js';
import './style.css';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const model = new WorkerClient<ModelRequest>(
  new Worker(new URL('./model-worker.ts', import.meta.url), { type: 'module' }),
);
let umap: WorkerClient<UmapRequest> | undefined;

const tooltips = document.querySelectorAll<HTMLElement>('.tooltip');
const firstPlot = new ScatterPlot($('plot'), tooltips[0]!);
const secondPlot = new ScatterPlot($('plot-second'), tooltips[1]!);
const summaries: [ModelSummary | undefined, ModelSummary | undefined] = [undefined, undefined];

/** Shows `text` as the page's one error line, or hides it. */
function showMessage(text: string | undefined): void {
  const message = $('message');
  message.hidden = text === undefined;
  message.textContent = text ?? '';
}

function showProgress(label: string, fraction: number): void {
  const progress = $<HTMLProgressElement>('progress');
  progress.hidden = false;
  progress.value = fraction;
  $('status-text').textContent = `${label}: ${Math.round(fraction * 100)} %`;
}

/**
 * Runs one task of the page: marks the page busy (`data-busy`; `data-tasks` counts the tasks
 * finished, which the tests wait on), clears the last error, and shows this task's error as the
 * page's message instead of throwing it.
 */
async function task(what: string, run: () => Promise<void>): Promise<void> {
  document.body.dataset.busy = String(Number(document.body.dataset.busy) + 1);
  $('status-text').textContent = `${what}…`;
  showMessage(undefined);
  try {
    await run();
    $('status-text').textContent = `${what}: done`;
  } catch (error) {
    $('status-text').textContent = '';
    showMessage(error instanceof Error ? error.message : String(error));
  } finally {
    $('progress').hidden = true;
    document.body.dataset.busy = String(Number(document.body.dataset.busy) - 1);
    document.body.dataset.tasks = String(Number(document.body.dataset.tasks) + 1);
  }
}

function topWords(): number {
  return Number($<HTMLInputElement>('top').value);
}

function describe(summary: ModelSummary): string {
  const subwords = summary.subwords ? ', subwords for other words' : '';
  return `${summary.name}: ${summary.words.toLocaleString('en')} words × ${summary.dim}${subwords}`;
}

function showLayouts(layouts: Layouts, projection: string): void {
  firstPlot.setLayout(layouts.first);
  $('caption-first').textContent = summaries[0] ? describe(summaries[0]) : '';
  $('second-plot').hidden = layouts.second === undefined;
  if (layouts.second !== undefined) {
    secondPlot.setLayout(layouts.second);
    $('caption-second').textContent = `${summaries[1] ? describe(summaries[1]) : ''} (aligned by Procrustes)`;
  }
  const shared = layouts.shared === undefined ? '' : `, ${layouts.shared} words in both models`;
  $('projection').textContent = `${projection} of ${layouts.first.words.length} words${shared}`;
}

async function projectPca(): Promise<void> {
  const layouts = await model.request<Layouts>({ type: 'layout', top: topWords() }, showProgress);
  showLayouts(layouts, 'PCA');
}

/** Opens a model into `slot` in the model worker and projects it. */
async function open(slot: ModelSlot, request: ModelRequest): Promise<void> {
  const summary = await model.request<ModelSummary>(request, showProgress);
  summaries[slot] = summary;
  if (slot === 0) $('summary').textContent = describe(summary);
  await projectPca();
}

async function load(slot: ModelSlot, request: ModelRequest, name: string): Promise<void> {
  await task(`opening ${name}`, () => open(slot, request));
}

function loadFile(slot: ModelSlot, file: File | undefined): void {
  if (file !== undefined) void load(slot, { type: 'load', slot, file }, file.name);
}

function showScores(list: HTMLElement, rows: readonly { label: string; score: number }[]): void {
  list.replaceChildren(
    ...rows.map(({ label, score }) => {
      const item = document.createElement('li');
      const value = document.createElement('span');
      value.textContent = score.toFixed(4);
      item.append(label, value);
      return item;
    }),
  );
}

function highlight(words: readonly string[], focus?: string): void {
  firstPlot.highlight(words, focus);
  secondPlot.highlight(words, focus);
}

function scoredWords(list: HTMLElement, found: readonly ScoredWord[], focus?: string): void {
  showScores(
    list,
    found.map(({ word, score }) => ({ label: word, score })),
  );
  highlight(focus === undefined ? found.map((f) => f.word) : [focus, ...found.map((f) => f.word)], focus);
}

$<HTMLInputElement>('file').addEventListener('change', (event) => {
  loadFile(0, (event.target as HTMLInputElement).files?.[0]);
});
$<HTMLInputElement>('second-file').addEventListener('change', (event) => {
  loadFile(1, (event.target as HTMLInputElement).files?.[0]);
});
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  // Dropped on the second plot (or with Shift): the model to compare with.
  const second = event.shiftKey || (event.target as Element).closest('#second-plot') !== null;
  loadFile(second ? 1 : 0, event.dataTransfer?.files[0]);
});

$('pca').addEventListener('click', () => void task('PCA', projectPca));
$('fit').addEventListener('click', () => {
  firstPlot.fit();
  secondPlot.fit();
});
$('umap').addEventListener('click', () => {
  void task('UMAP', async () => {
    const rows = await model.request<TopRows>({ type: 'rows', top: topWords() });
    umap ??= new WorkerClient<UmapRequest>(
      new Worker(new URL('./umap-worker.ts', import.meta.url), { type: 'module' }),
    );
    const layout = await umap.request<Layout>(
      { type: 'umap', rows, neighbors: UMAP_NEIGHBORS, seed: 1 },
      showProgress,
      [rows.matrix.buffer as ArrayBuffer],
    );
    showLayouts({ first: layout }, 'UMAP');
  });
});

$('neighbors-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const word = $<HTMLInputElement>('word').value;
  const k = Number($<HTMLInputElement>('k').value);
  void task(`neighbours of ${word}`, async () => {
    $('neighbors').replaceChildren();
    const found = await model.request<ScoredWord[]>({ type: 'neighbors', word, k });
    scoredWords($('neighbors'), found, word.trim());
  });
});

$('analogy-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const [a, b, c] = ['analogy-a', 'analogy-b', 'analogy-c'].map((id) => $<HTMLInputElement>(id).value);
  const solver = $<HTMLSelectElement>('solver').value as AnalogySolver;
  void task('analogy', async () => {
    $('analogies').replaceChildren();
    const found = await model.request<ScoredWord[]>({ type: 'analogy', a: a!, b: b!, c: c!, solver, k: 10 });
    scoredWords($('analogies'), found);
  });
});

const pooling = $<HTMLSelectElement>('pooling');
pooling.append(...PAGE_POOLING_METHODS.map((method) => new Option(method, method)));
$('sentences-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void task('sentence search', async () => {
    $('sentence-hits').replaceChildren();
    const hits = await model.request<SentenceHit[]>({
      type: 'sentences',
      query: $<HTMLInputElement>('query').value,
      sentences: $<HTMLTextAreaElement>('sentences').value.split('\n'),
      method: pooling.value,
      lowercase: $<HTMLInputElement>('lowercase').checked,
      k: 5,
    });
    showScores(
      $('sentence-hits'),
      hits.map(({ sentence, score }) => ({ label: sentence, score })),
    );
  });
});

// `embedkit explore FILE` opens the page as ?model=URL&name=FILE: load it at once.
const preload = new URLSearchParams(location.search);
const url = preload.get('model');
if (url !== null) {
  const name = preload.get('name') ?? url;
  void load(0, { type: 'load-url', slot: 0, url, name }, name);
}

let training: AbortController | undefined;
$('train-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (training !== undefined) return;
  const controller = new AbortController();
  training = controller;
  $<HTMLButtonElement>('train-cancel').disabled = false;
  const value = (id: string) => Number($<HTMLInputElement>(id).value);
  const trainer = $<HTMLSelectElement>('trainer').value as PageTrainer;
  void task('training', async () => {
    try {
      const text =
        $<HTMLSelectElement>('train-corpus').value === 'sotu'
          ? await (await fetch(new URL('./sotu-2009-2021.txt', location.href))).text()
          : $<HTMLTextAreaElement>('train-text').value;
      const request = { trainer, text, dim: value('train-dim'), epochs: value('train-epochs') };
      const { file, runtime } = await trainInPage(
        { ...request, minCount: value('train-min-count') },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            $('train-runtime').textContent = describeRuntime(progress.runtime);
            if (progress.fraction === undefined) return;
            showProgress('training', progress.fraction);
            $('train-progress').textContent = `${Math.round(progress.fraction * 100)} %`;
          },
        },
      );
      $('train-runtime').textContent = describeRuntime(runtime);
      await open(0, { type: 'load', slot: 0, file });
    } finally {
      training = undefined;
      $<HTMLButtonElement>('train-cancel').disabled = true;
    }
  });
});
$('train-cancel').addEventListener('click', () => training?.abort());

function describeRuntime({ threads, kernels, shared }: TrainingRuntime): string {
  return `threads ${threads}, kernels ${kernels}, shared ${shared ? 'yes' : 'no'}`;
}
