import { useEffect, useState } from 'react';

/** Index of the panel to show, advancing every `ms` (a wall display cycles its panels). 0 panels: 0. */
export function useRotation(count: number, ms: number, enabled: boolean): number {
  const [i, setI] = useState(0);
  useEffect(() => {
    if (!enabled || count <= 1) return;
    const timer = setInterval(() => setI((v) => (v + 1) % count), ms);
    return () => clearInterval(timer);
  }, [count, ms, enabled]);
  return count ? i % count : 0;
}
