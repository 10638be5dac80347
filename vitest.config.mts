import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['lib/**/__tests__/**/*.test.ts', 'stores/**/__tests__/**/*.test.ts', 'scripts/**/__tests__/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests run thousands of cases; the default 5 s is too tight on a busy 2-core CI machine.
    testTimeout: 60_000,
    pool: 'threads',
  },
});
