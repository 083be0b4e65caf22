import { configure } from '@testing-library/react';

/**
 * A whole antd page in jsdom takes seconds to render on a shared 2-core machine. These bound a
 * hang; they measure nothing (speed is npm run bench's business).
 */
jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 5_000 });
