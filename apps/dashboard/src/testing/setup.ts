import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library only cleans up between tests by itself when vitest globals are on; they are off here.
afterEach(() => {
  cleanup();
});
