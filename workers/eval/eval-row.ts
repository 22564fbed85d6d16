/** One line of the `yuqing eval` table. */
export interface EvalRow {
  /** e.g. 'sentiment', 'emotion', 'stance', 'rumour', 'throughput' */
  task: string;
  /** dataset file stem, e.g. 'weibo_senti_100k_subset' */
  corpus: string;
  /** which portion was scored, e.g. 'own test split (fold 0-1 of 10)' */
  split: string;
  /** e.g. 'accuracy', 'macro-F1', 'AvgRec', 'AUC', 'mentions/s/core' */
  metric: string;
  ours: number | null;
  baseline: number | null;
  /** what the baseline is, or anything a reader must know about the row */
  note?: string;
}
