import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/server/auth';

// Resolved per request so the build does not need the auth secret.
export const GET = (req: Request) => toNextJsHandler(getAuth()).GET(req);
export const POST = (req: Request) => toNextJsHandler(getAuth()).POST(req);
