import {
  type ParsedAnalogies,
  type ParsedWordPairs,
  type StsData,
  parseAnalogies,
  parseSts,
  parseWordPairs,
} from '@embedkit/similarity';
import { DataFile, type DatasetSource } from './data-file.js';

/** An analogy set in the Google format (`: section` lines, then `a b c d`). */
export class AnalogySet extends DataFile {
  /** The questions, parsed by `@embedkit/similarity` as gensim reads them. */
  async read(): Promise<ParsedAnalogies> {
    return parseAnalogies(await this.text(), this.storedPath);
  }
}

/** A word-similarity set (`w1 w2 score` per line, `#` comments). */
export class SimilaritySet extends DataFile {
  /** The pairs, parsed by `@embedkit/similarity` as gensim reads them. */
  async read(): Promise<ParsedWordPairs> {
    return parseWordPairs(await this.text(), 'auto');
  }
}

/** A split of the STS Benchmark (tab-separated genre, file, year, id, score, sentence1, sentence2). */
export class StsSplit extends DataFile {
  /** The scored sentence pairs, parsed by `@embedkit/similarity`. */
  async read(): Promise<StsData> {
    return parseSts(await this.text());
  }
}

const FARUQUI_DYER =
  'collected by Faruqui & Dyer for wordvectors.org (github.com/mfaruqui/eval-word-vectors)';

const WS353: DatasetSource = {
  origin: `Finkelstein et al., the WordSimilarity-353 Test Collection (www.cs.technion.ac.il/~gabr/resources/data/wordsim353/)`,
  citation:
    'Lev Finkelstein, Evgeniy Gabrilovich, Yossi Matias, Ehud Rivlin, Zach Solan, Gadi Wolfman and Eytan Ruppin. Placing Search in Context: The Concept Revisited. ACM TOIS 20(1), 2002.',
  licence: 'Distributed freely by its authors for research; see licences/WORDSIM353.md.',
};

const SIMLEX: DatasetSource = {
  origin: 'Hill, Reichart and Korhonen, SimLex-999 (www.cl.cam.ac.uk/~fh295/simlex.html)',
  citation:
    'Felix Hill, Roi Reichart and Anna Korhonen. SimLex-999: Evaluating Semantic Models with (Genuine) Similarity Estimation. Computational Linguistics 41(4), 2015.',
  licence: 'Distributed freely by its authors for research; see licences/SIMLEX999.md.',
};

/** The Google analogy set, and any other analogy sets shipped. */
export const analogySets = {
  /** Mikolov et al. 2013: 19,544 questions in 14 sections (5 semantic, 9 syntactic), as word2vec ships it. */
  google: new AnalogySet({
    id: 'google',
    title: 'Google analogy test set (questions-words.txt)',
    file: 'eval/questions-words.txt',
    bytes: 603_955,
    source: {
      origin:
        'The word2vec tool by Tomas Mikolov (code.google.com/archive/p/word2vec), as gensim ships it in its test data',
      citation:
        'Tomas Mikolov, Kai Chen, Greg Corrado and Jeffrey Dean. Efficient Estimation of Word Representations in Vector Space. ICLR Workshop, 2013.',
      licence: 'Apache License 2.0, as part of the word2vec tool; see licences/GOOGLE-ANALOGY.md.',
    },
  }),
} as const;

/** The word-similarity sets shipped. */
export const similaritySets = {
  /** WordSim-353 (all 353 pairs), as gensim ships it (`#` header lines, tab-separated). */
  wordsim353: new SimilaritySet({
    id: 'wordsim353',
    title: 'WordSim-353 (wordsim353.tsv)',
    file: 'eval/wordsim353.tsv',
    bytes: 7_186,
    source: WS353,
  }),
  /** SimLex-999, as gensim ships it (`#` header lines, tab-separated). */
  simlex999: new SimilaritySet({
    id: 'simlex999',
    title: 'SimLex-999 (simlex999.txt)',
    file: 'eval/simlex999.txt',
    bytes: 18_126,
    source: SIMLEX,
  }),
  /** WordSim-353 (all pairs) in the wordvectors.org collection (no header). */
  ws353All: new SimilaritySet({
    id: 'ws353-all',
    title: 'WordSim-353, all pairs (EN-WS-353-ALL.txt)',
    file: 'eval/EN-WS-353-ALL.txt',
    bytes: 7_405,
    source: { ...WS353, origin: `${WS353.origin}, ${FARUQUI_DYER}` },
  }),
  /** SimLex-999 in the wordvectors.org collection (no header). */
  simlex999Faruqui: new SimilaritySet({
    id: 'simlex999-faruqui',
    title: 'SimLex-999 (EN-SIMLEX-999.txt)',
    file: 'eval/EN-SIMLEX-999.txt',
    bytes: 18_024,
    source: { ...SIMLEX, origin: `${SIMLEX.origin}, ${FARUQUI_DYER}` },
  }),
  /** Rubenstein & Goodenough's 65 noun pairs. */
  rg65: new SimilaritySet({
    id: 'rg65',
    title: 'RG-65 (EN-RG-65.txt)',
    file: 'eval/EN-RG-65.txt',
    bytes: 1_210,
    source: {
      origin: `Rubenstein & Goodenough 1965, ${FARUQUI_DYER}`,
      citation:
        'Herbert Rubenstein and John B. Goodenough. Contextual Correlates of Synonymy. Communications of the ACM 8(10), 1965.',
      licence: 'Published in the paper; the collection is shared for research; see licences/RG65-MC30.md.',
    },
  }),
  /** Miller & Charles' 30 noun pairs (a subset of RG-65, rated again). */
  mc30: new SimilaritySet({
    id: 'mc30',
    title: 'MC-30 (EN-MC-30.txt)',
    file: 'eval/EN-MC-30.txt',
    bytes: 543,
    source: {
      origin: `Miller & Charles 1991, ${FARUQUI_DYER}`,
      citation:
        'George A. Miller and Walter G. Charles. Contextual Correlates of Semantic Similarity. Language and Cognitive Processes 6(1), 1991.',
      licence: 'Published in the paper; the collection is shared for research; see licences/RG65-MC30.md.',
    },
  }),
} as const;

const STS: DatasetSource = {
  origin: 'STS Benchmark, SemEval 2012-2017 (ixa2.si.ehu.eus/stswiki); data/sts/readme.txt',
  citation:
    'Daniel Cer, Mona Diab, Eneko Agirre, Iñigo Lopez-Gazpio and Lucia Specia. SemEval-2017 Task 1: Semantic Textual Similarity Multilingual and Crosslingual Focused Evaluation. SemEval 2017.',
  licence:
    'Scores CC BY-SA 4.0; each source text under its own licence, listed in data/sts/LICENSE.txt (shipped unchanged).',
};

/** The STS Benchmark's three splits (stored compressed). */
export const stsBenchmark = {
  /** 5,749 pairs. */
  train: new StsSplit({
    id: 'sts-train',
    title: 'STS Benchmark, train',
    file: 'sts/sts-train.csv.gz',
    bytes: 901_177,
    source: STS,
  }),
  /** 1,500 pairs. */
  dev: new StsSplit({
    id: 'sts-dev',
    title: 'STS Benchmark, dev',
    file: 'sts/sts-dev.csv.gz',
    bytes: 255_680,
    source: STS,
  }),
  /** 1,379 pairs. */
  test: new StsSplit({
    id: 'sts-test',
    title: 'STS Benchmark, test',
    file: 'sts/sts-test.csv.gz',
    bytes: 282_419,
    source: STS,
  }),
} as const;

/** Word frequency tables (for SIF weights). */
export const wordFrequencies = {
  /** English Wikipedia word counts (words seen at least 200 times), `word count` per line, from the SIF paper's code. */
  enwiki: new DataFile({
    id: 'enwiki-vocab-min200',
    title: 'English Wikipedia word counts (enwiki_vocab_min200.txt)',
    file: 'eval/enwiki_vocab_min200.txt.gz',
    bytes: 2_398_218,
    source: {
      origin: "The SIF paper's code (github.com/PrincetonML/SIF, auxiliary_data/enwiki_vocab_min200.txt)",
      citation:
        'Sanjeev Arora, Yingyu Liang and Tengyu Ma. A Simple but Tough-to-Beat Baseline for Sentence Embeddings. ICLR 2017.',
      licence:
        'MIT License (the SIF repository); counts derived from English Wikipedia (CC BY-SA); see licences/ENWIKI-VOCAB.md.',
    },
  }),
} as const;

/** Training corpora (stored compressed). */
export const corpora = {
  /**
   * The first 12.5 MB of Matt Mahoney's text8 (cleaned English Wikipedia: lower case, one line, no
   * punctuation), cut at a word boundary: 2,139,748 tokens. The benchmark corpus.
   */
  text8Head: new DataFile({
    id: 'text8-head',
    title: 'text8-head (the first 12.5 MB of text8)',
    file: 'corpora/text8-head.txt.gz',
    bytes: 12_549_837,
    source: {
      origin:
        "Matt Mahoney's text8 (mattmahoney.net/dc/textdata.html), from English Wikipedia (March 2006), first 12.5 MB",
      citation: 'Matt Mahoney. About the Test Data. mattmahoney.net/dc/textdata.html, 2011.',
      licence: 'Wikipedia text: CC BY-SA (and GFDL); see licences/TEXT8.md.',
    },
  }),
} as const;

/** Every file the package ships, for listing and for checking an installation. */
export const allDataFiles: readonly DataFile[] = [
  ...Object.values(analogySets),
  ...Object.values(similaritySets),
  ...Object.values(stsBenchmark),
  ...Object.values(wordFrequencies),
  ...Object.values(corpora),
];

/** Looks up a shipped file by its `id` (e.g. `'text8-head'`, `'wordsim353'`). */
export function dataFile(id: string): DataFile | undefined {
  return allDataFiles.find((file) => file.id === id);
}
