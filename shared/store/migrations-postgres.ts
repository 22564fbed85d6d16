export const POSTGRES_MIGRATIONS: readonly { id: number; name: string; sql: string }[] = [];
