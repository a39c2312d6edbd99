// Admin and DJ accounts: create, delete, disable (finished by the background loop, see actions/).
import 'server-only';
export { finishDisable, refuseDisabledJoin } from './disable';
export { createAccount, createFirstAdmin, deleteAccount, hasAnyAdmin, listAccounts, setAccountDisabled } from './service';
