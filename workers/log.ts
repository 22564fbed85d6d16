import pino from 'pino';

/** Structured logs on stderr (stdout belongs to CLI data); JSON in production, readable otherwise. */
export function createLogger(category: string, level = process.env.LOG_LEVEL ?? 'info') {
  const pretty = process.env.NODE_ENV !== 'production' && process.stderr.isTTY;
  return pino(
    { name: category, level },
    pretty ? pino.transport({ target: 'pino-pretty', options: { destination: 2 } }) : pino.destination(2),
  );
}
export type Logger = ReturnType<typeof createLogger>;
