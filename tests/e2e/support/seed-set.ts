// `tsx tests/e2e/support/seed-set.ts <channelId> <hz> <seconds>`: an archived tone set for AutoDJ's
// end-to-end test, made in the stack's storage and database outside the browser runner (which does
// not load the Prisma client); prints the set's id.
import { seedArchivedSet } from '../../support/autodj';

const [channelId, hz, seconds] = process.argv.slice(2);
if (!channelId || !hz || !seconds) throw new Error('usage: seed-set.ts <channelId> <hz> <seconds>');
seedArchivedSet(channelId, Number(hz), Number(seconds)).then(
  (id) => console.log(id),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
