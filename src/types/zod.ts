import { z } from 'zod';

// The page CSP forbids eval, and zod's JIT would probe for it with `new Function`
// (caught, but reported as a CSP violation). Shared schemas import z from here.
z.config({ jitless: true });

export { z };
