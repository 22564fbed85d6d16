import { useCallback, useState } from 'react';
import { readOfficer, saveOfficer } from '../lib/officer.js';

/** The acting officer's name ('' until typed), shared with later visits through localStorage. */
export function useOfficer(): [string, (name: string) => void] {
  const [name, setName] = useState(readOfficer);
  const set = useCallback((next: string) => {
    saveOfficer(next);
    setName(next.trim());
  }, []);
  return [name, set];
}
