import type { ReactNode } from 'react';

/** One term and its value inside a `<dl>` of facts (story, incident and handover cards). */
export function Fact({ term, children, testId }: { term: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
