import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { createChannel, createDj, scheduleNow, signIn, uniqueSuffix, type Credentials } from './accounts';
import { requireEnv } from './env';

/** What an OBS spec file sets with `test.use({ obsChannelOptions: ... })`. */
export type ObsChannelOptions = {
  /** Slug prefix and the DJ's email prefix, e.g. `obs` or `whip`. */
  prefix: string;
  /** Shown in the channel's and the DJ's names, e.g. `OBS` or `WHIP`. */
  label: string;
  description: string;
  /** Pages may read and write the clipboard (the console's copy buttons). */
  clipboard?: boolean;
};

/** A channel with a DJ scheduled now, the DJ signed in on its console, and more pages on demand. */
export type ObsChannel = {
  slug: string;
  channelId: string;
  dj: Credentials & { name: string };
  djPage: Page;
  /** A page in a fresh browser context (an encoder, a listener), closed with the fixture. */
  newPage: () => Promise<Page>;
};

/**
 * The set-up the OBS specs (RTMP and WHIP) share, as a worker fixture so that a serial spec's
 * tests share one channel as they did with beforeAll; the admin creates both through the API.
 */
export const test = base.extend<object, { obsChannelOptions: ObsChannelOptions; obsChannel: ObsChannel }>({
  obsChannelOptions: [
    { prefix: 'obs', label: 'OBS', description: '' },
    { scope: 'worker', option: true },
  ],
  obsChannel: [
    async ({ browser, obsChannelOptions: options }, use) => {
      const contexts: BrowserContext[] = [];
      const newPage = async () => {
        const context = await browser.newContext(options.clipboard ? { permissions: ['clipboard-read', 'clipboard-write'] } : {});
        contexts.push(context);
        return context.newPage();
      };
      const suffix = uniqueSuffix();
      const slug = `${options.prefix}-${suffix}`;
      const dj = {
        name: `DJ ${options.label} ${suffix}`,
        email: `${options.prefix}-${suffix}@test.local`,
        password: `pw-${suffix}-long-enough`,
      };
      const admin: Credentials = { email: requireEnv('TEST_ADMIN_EMAIL'), password: requireEnv('TEST_ADMIN_PASSWORD') };
      const adminPage = await newPage();
      await signIn(adminPage, admin);
      const channel = await createChannel(adminPage.request, {
        name: `${options.label} ${suffix}`,
        slug,
        description: options.description,
      });
      await scheduleNow(adminPage.request, channel.id, await createDj(adminPage.request, dj));
      const djPage = await newPage();
      await signIn(djPage, dj, `/dj/${slug}`);
      await use({ slug, channelId: channel.id, dj, djPage, newPage });
      for (const context of contexts.splice(0)) await context.close();
    },
    // Sign-ins and a few API calls; the same budget the specs' beforeAll had.
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect } from '@playwright/test';
