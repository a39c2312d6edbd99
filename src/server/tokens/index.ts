// Issuing room tokens: listeners rate limited, DJs by their slots, admins audited.
import 'server-only';
export { issueToken } from './service';
