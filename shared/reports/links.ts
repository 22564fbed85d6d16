/**
 * Dashboard paths behind a report's numbers: the analyst view with the period as a custom range and
 * the filter that selects what a number counts (client/src/analyst/filters.ts reads them back).
 */
export interface LinkFilter {
  sentiment?: 'positive' | 'neutral' | 'negative';
  critical?: boolean;
  topic?: string;
  story?: string;
  sort?: 'engagement';
}

export function analystLink(from: string, to: string, f: LinkFilter = {}): string {
  const q = new URLSearchParams({ from, to });
  if (f.topic !== undefined) q.set('topic', f.topic);
  if (f.sentiment) q.set('sentiment', f.sentiment);
  if (f.critical !== undefined) q.set('critical', String(f.critical));
  if (f.story !== undefined) q.set('story', f.story);
  if (f.sort) q.set('sort', f.sort);
  return `/analyst?${q.toString()}`;
}

export const incidentLink = (id: number): string => `/incidents/${id}`;
