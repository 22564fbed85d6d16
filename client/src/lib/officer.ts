import { personNameSchema } from '../../../shared/contracts/incidents.js';

const STORAGE_KEY = 'yuqing.officer';

/** The name this browser acts under on incidents (typed once, kept in localStorage). */
export function readOfficer(): string {
  try {
    const saved = localStorage.getItem(STORAGE_KEY) ?? '';
    return personNameSchema.safeParse(saved).success ? saved : '';
  } catch {
    return '';
  }
}

export function saveOfficer(name: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, name.trim());
  } catch {
    // Not persisted (storage disabled): the name still applies until the page is reloaded.
  }
}
