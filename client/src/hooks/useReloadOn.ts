import { useEffect, useRef } from 'react';

/** Calls `reload` whenever `version` changes after the first render (live pushes refresh fetched pages). */
export function useReloadOn(version: unknown, reload: () => void): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [version, reload]);
}
