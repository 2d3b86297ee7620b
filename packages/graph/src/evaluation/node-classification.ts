import { ConfigError, type Embedder, Random } from '@embedkit/core-math';
import { vectorRows } from './features.js';
import { shuffle } from './link-prediction.js';
import {
  type LogisticRegressionOptions,
  logisticScore,
  trainLogisticRegression,
} from './logistic-regression.js';
import { type F1Scores, f1Scores } from './metrics.js';

/** Options of {@link evaluateNodeClassification}. */
export interface NodeClassificationOptions extends LogisticRegressionOptions {
  /** Share of the labelled nodes the classifiers are trained on (default 0.5), between 0 and 1 exclusive. */
  readonly trainFraction?: number;
  /** Seed of the split (default 1). */
  readonly seed?: number;
  /**
   * Random splits to average the F1 scores over (default 1), as the node2vec paper averages over
   * 10: split 0 is drawn from `seed`, split k from stream k of `seed`.
   */
  readonly splits?: number;
}

/** Micro- and macro-F1 on the test nodes (means over the splits), with a split's sizes. */
export interface NodeClassificationScores extends F1Scores {
  /** Nodes the classifiers were trained on. */
  readonly trainNodes: number;
  /** Nodes they were scored on. */
  readonly testNodes: number;
}

/**
 * Node classification as in the DeepWalk and node2vec papers: a seeded split of the labelled
 * nodes, one-vs-rest L2 logistic regression on their vectors (a node without a vector counts as
 * the zero vector), each test node given the class whose classifier scores it highest; returns the
 * micro- and macro-F1 of the test nodes, averaged over `splits` random splits.
 *
 * @example
 * ```ts
 * evaluateNodeClassification(model, labels, { trainFraction: 0.5, seed: 1 }); // { micro, macro, … }
 * ```
 * @throws ConfigError for a bad option or fewer than two classes among the training nodes
 */
export function evaluateNodeClassification(
  vectors: Embedder,
  labels: ReadonlyMap<string, string>,
  options: NodeClassificationOptions = {},
): NodeClassificationScores {
  const trainFraction = options.trainFraction ?? 0.5;
  if (!(trainFraction > 0 && trainFraction < 1)) {
    throw new ConfigError('trainFraction', trainFraction, 'a number between 0 and 1 (exclusive)');
  }
  const splits = options.splits ?? 1;
  if (!Number.isSafeInteger(splits) || splits < 1)
    throw new ConfigError('splits', splits, 'an integer of at least 1');
  const seed = options.seed ?? 1;
  let micro = 0;
  let macro = 0;
  let sizes = { trainNodes: 0, testNodes: 0 };
  for (let split = 0; split < splits; split++) {
    const random = split === 0 ? new Random(seed) : new Random(seed).fork(split);
    const scores = classifyOneSplit(vectors, labels, trainFraction, random, options);
    micro += scores.micro / splits;
    macro += scores.macro / splits;
    sizes = { trainNodes: scores.trainNodes, testNodes: scores.testNodes };
  }
  return { micro, macro, ...sizes };
}

/** One split of the labelled nodes drawn from `random`, its classifiers and their F1 scores. */
function classifyOneSplit(
  vectors: Embedder,
  labels: ReadonlyMap<string, string>,
  trainFraction: number,
  random: Random,
  options: LogisticRegressionOptions,
): NodeClassificationScores {
  const nodes = [...labels.keys()];
  shuffle(nodes, random);
  const cut = Math.round(trainFraction * nodes.length);
  const trainNodes = nodes.slice(0, cut);
  const testNodes = nodes.slice(cut);
  const classes = [...new Set(trainNodes.map((node) => labels.get(node)!))].sort();
  if (classes.length < 2 || testNodes.length === 0) {
    throw new ConfigError(
      'labels',
      `${classes.length} classes in ${trainNodes.length} training nodes, ${testNodes.length} test nodes`,
      'at least two classes to train on and one node to test',
    );
  }
  const dim = vectors.dim;
  const trainRows = vectorRows(vectors, trainNodes);
  const testRows = vectorRows(vectors, testNodes);
  const best = new Float64Array(testNodes.length).fill(Number.NEGATIVE_INFINITY);
  const predicted: string[] = new Array(testNodes.length).fill(classes[0]);
  for (const label of classes) {
    const target = Uint8Array.from(trainNodes, (node) => (labels.get(node) === label ? 1 : 0));
    const model = trainLogisticRegression(trainRows, trainNodes.length, dim, target, options);
    for (let i = 0; i < testNodes.length; i++) {
      const score = logisticScore(model, testRows, i);
      if (score > best[i]!) {
        best[i] = score;
        predicted[i] = label;
      }
    }
  }
  const truth = testNodes.map((node) => labels.get(node)!);
  return { ...f1Scores(truth, predicted), trainNodes: trainNodes.length, testNodes: testNodes.length };
}
