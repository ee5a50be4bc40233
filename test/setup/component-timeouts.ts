import { configure } from '@testing-library/react';

// The call view with its hearing form is a large page: on a busy 2-core machine jsdom can take more
// than the default second to render it. Waiting longer changes no assertion, only how long a
// findBy/waitFor keeps looking before it fails.
configure({ asyncUtilTimeout: 4_000 });
