import type { AlertKind } from '../../../shared/contracts/alerts.js';
import type { Evaluator } from './finding.js';
import { evaluateIneffectiveAnswers, evaluateNewIncidents, evaluateResponseClocks } from './incidents.js';
import { evaluateKeywords } from './keyword.js';
import { evaluateShareSurges, evaluateSurges } from './surge.js';

/** One evaluator per rule kind; each reads rollups or small tables, never the mentions. */
export const EVALUATORS: Record<AlertKind, Evaluator> = {
  keyword: evaluateKeywords,
  surge: evaluateSurges,
  share_surge: evaluateShareSurges,
  new_incident: evaluateNewIncidents,
  response_clock: evaluateResponseClocks,
  answer_ineffective: evaluateIneffectiveAnswers,
};
