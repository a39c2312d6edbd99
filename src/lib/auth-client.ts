'use client';
import { createAuthClient } from 'better-auth/react';

/** Browser side of better-auth; same origin, so no base URL is needed. */
export const authClient = createAuthClient();
export const { signIn, signOut, useSession } = authClient;
