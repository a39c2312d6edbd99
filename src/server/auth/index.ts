// Sign-in (better-auth, email and password, no public sign-up) and the signed-in user.
import 'server-only';
export { getAuth } from './auth';
export { authorise, type CurrentUser, getCurrentUser, getUserFromHeaders, requireUser } from './session';
