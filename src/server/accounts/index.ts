// Admin and DJ accounts: create, edit, passwords, delete, disable (finished by the background loop, see actions/).
import 'server-only';
export { finishDisable, refuseDisabledJoin } from './disable';
export { updateAccount } from './edit';
export { changeOwnPassword, resetPassword } from './password';
export { createAccount, createFirstAdmin, deleteAccount, hasAnyAdmin, listAccounts, setAccountDisabled } from './service';
