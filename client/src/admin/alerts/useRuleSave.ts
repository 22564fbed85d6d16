import { useState, type ReactNode } from 'react';
import type { AlertRuleInput, AlertRuleView } from '../../../../shared/contracts/alerts.js';
import { deleteRule, isStaleEdit, saveRule } from '../../lib/alertsAdmin.js';

export type SaveProblem = { kind: 'refused'; message: string } | { kind: 'stale'; version: number } | null;

/**
 * Saving a rule from the form: a refusal keeps the server's reason, a stale edit (409/412 from
 * If-Match) the version the administrator was editing, so the page can say what happened.
 */
export function useRuleSave(rule: AlertRuleView | undefined, onSaved: (saved: AlertRuleView | null) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SaveProblem>(null);
  const [notice, setNotice] = useState<ReactNode>(null);
  const run = async (act: () => Promise<AlertRuleView | null>, done: (saved: AlertRuleView | null) => ReactNode) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      const saved = await act();
      setNotice(done(saved));
      onSaved(saved);
    } catch (err) {
      if (rule && isStaleEdit(err)) setProblem({ kind: 'stale', version: rule.version });
      else setProblem({ kind: 'refused', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const save = (input: AlertRuleInput, done: (saved: AlertRuleView | null) => ReactNode) => void run(() => saveRule(rule?.id ?? null, input, rule?.version), done);
  const toggle = (done: (saved: AlertRuleView | null) => ReactNode) => {
    if (!rule) return;
    const { id, version, updatedAt: _at, updatedBy: _by, ...config } = rule;
    void run(() => saveRule(id, { ...config, enabled: !config.enabled }, version), done);
  };
  const remove = (done: () => ReactNode) => {
    if (!rule) return;
    void run(async () => {
      await deleteRule(rule.id);
      return null;
    }, done);
  };
  return { busy, problem, notice, save, toggle, remove, clear: () => setProblem(null) };
}
